import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFilePolicy } from "../../../modules/data-sources/file-policy.ts";
import { SqlSandboxError } from "../../errors.ts";
import { guardSql } from "../../guard/guard.ts";
import { DuckdbExecutor } from "./duckdb-executor.ts";
import { parseDuckdbUrl } from "./duckdb-url.ts";

let root: string;
let outside: string;
let executor: DuckdbExecutor;

function open(url: string): DuckdbExecutor {
  const policy = createFilePolicy(root);
  const location = parseDuckdbUrl(url);
  policy.check(location);
  return new DuckdbExecutor({ open: () => policy.resolve(location) });
}

const guard = (sql: string) => guardSql(sql, { allowedSchemas: ["main"] });

async function failure(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
    return { code: "none", message: "" };
  } catch (error) {
    return error instanceof SqlSandboxError ? { code: error.code, message: error.message } : { code: "untyped", message: String(error) };
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "duckdb-exec-"));
  outside = await mkdtemp(path.join(os.tmpdir(), "duckdb-outside-"));
  await mkdir(path.join(root, "shop"));
  await writeFile(path.join(root, "shop", "orders.csv"), "id,region,amount,placed\n1,North,10.50,2024-01-03\n2,South,4.25,2024-02-10\n3,North,,2024-02-11\n");
  await writeFile(path.join(root, "shop", "notes.tsv"), "id\tnote\n1\t50% off\n2\ta_b\n");
  await writeFile(path.join(outside, "secret.csv"), "token\nhunter2\n");
  executor = open(`duckdb://${path.join(root, "shop")}`);
});

afterAll(async () => {
  await executor.close();
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe("DuckdbExecutor over a folder of files", () => {
  it("loads each CSV/TSV file as a table and types its values as the PostgreSQL executors do", async () => {
    const result = await executor.run(await guard("SELECT id, region, amount, placed FROM orders ORDER BY id"), { timeoutMs: 5000, maxRows: 10 });
    expect(result.columns.map((c) => [c.name, c.type])).toEqual([
      ["id", "bigint"],
      ["region", "text"],
      ["amount", "float"],
      ["placed", "date"],
    ]);
    expect(result.rows).toEqual([
      [1, "North", 10.5, "2024-01-03"],
      [2, "South", 4.25, "2024-02-10"],
      [3, "North", null, "2024-02-11"],
    ]);
    const notes = await executor.run(await guard("SELECT note FROM notes ORDER BY id"), { timeoutMs: 5000, maxRows: 10 });
    expect(notes.rows).toEqual([["50% off"], ["a_b"]]);
  });

  it("speaks PostgreSQL: integer division, NULL order, LIKE escapes and numeric", async () => {
    const sql = `SELECT 7 / 2 AS quotient, (SELECT count(*) FROM notes WHERE note LIKE '50\\% %') AS escaped,
      (SELECT count(*) FROM notes WHERE note LIKE 'a\\_b') AS underscore,
      (SELECT array_to_string(array_agg(coalesce(amount::text, 'null') ORDER BY amount DESC), ',') FROM orders) AS desc_order,
      round(sum(amount)::numeric, 2) AS total, round(sum(amount)::numeric / 3, 4) AS average FROM orders`;
    const result = await executor.run(await guard(sql), { timeoutMs: 5000, maxRows: 10 });
    // DuckDB divides decimals in double precision: the ratio is a number, not PostgreSQL's exact decimal.
    expect(result.rows).toEqual([[3, 1, 1, "null,10.5,4.25", "14.75", 4.9167]]);
  });

  it("caps rows and bytes like the other executors", async () => {
    const capped = await executor.run(await guard("SELECT id FROM orders ORDER BY id"), { timeoutMs: 5000, maxRows: 2 });
    expect([capped.rows, capped.truncated]).toEqual([[[1], [2]], true]);
    const big = await failure(executor.run(await guard("SELECT repeat('x', 5000) AS blob FROM orders"), { timeoutMs: 5000, maxRows: 10, maxValueBytes: 1024 }));
    expect(big.code).toBe("RESULT_TOO_LARGE");
    const row = await failure(
      executor.run(await guard("SELECT repeat('x', 800) AS a, repeat('y', 800) AS b FROM orders"), { timeoutMs: 5000, maxRows: 10, maxValueBytes: 1024, maxRowBytes: 1200 }),
    );
    expect(row).toMatchObject({ code: "RESULT_TOO_LARGE", message: expect.stringMatching(/A row of the result/) });
  });

  it("interrupts a query that overruns its time limit, and answers the next one", async () => {
    const started = performance.now();
    const slow = await failure(
      executor.run(await guard("SELECT count(*) FROM generate_series(1, 100000000000) a(x) WHERE x % 7 = 3"), { timeoutMs: 300, maxRows: 1 }),
    );
    expect(slow.code).toBe("QUERY_TIMEOUT");
    expect(performance.now() - started).toBeLessThan(5000);
    const controller = new AbortController();
    const cancelled = executor.run(await guard("SELECT count(*) FROM generate_series(1, 100000000000) a(x) WHERE x % 7 = 3"), {
      timeoutMs: 10_000,
      maxRows: 1,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 100);
    expect((await failure(cancelled)).code).toBe("QUERY_CANCELLED");
    const aborted = new AbortController();
    aborted.abort();
    expect((await failure(executor.run(await guard("SELECT 1 AS one"), { timeoutMs: 5000, maxRows: 1, signal: aborted.signal }))).code).toBe("QUERY_CANCELLED");
    const after = await executor.run(await guard("SELECT count(*) AS n FROM orders"), { timeoutMs: 5000, maxRows: 1 });
    expect(after.rows).toEqual([[3]]);
  });

  it("runs at most maxConnections queries at once; a waiting one keeps its time limit", async () => {
    const slowSql = await guard("SELECT count(*) FROM generate_series(1, 100000000000) a(x) WHERE x % 7 = 3");
    const location = parseDuckdbUrl(`duckdb://${path.join(root, "shop")}`);
    const narrow = new DuckdbExecutor({ open: () => createFilePolicy(root).resolve(location), maxConnections: 1 });
    try {
      const controller = new AbortController();
      const slow = narrow.run(slowSql, { timeoutMs: 10_000, maxRows: 1, signal: controller.signal });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const waiting = await failure(narrow.run(await guard("SELECT count(*) AS n FROM orders"), { timeoutMs: 200, maxRows: 1 }));
      expect(waiting.code).toBe("QUERY_TIMEOUT");
      const queued = narrow.run(await guard("SELECT count(*) AS n FROM orders"), { timeoutMs: 5000, maxRows: 1 });
      controller.abort();
      expect((await failure(slow)).code).toBe("QUERY_CANCELLED");
      expect((await queued).rows).toEqual([[3]]);
    } finally {
      await narrow.close();
    }
  });

  it("is sealed: no file outside, no COPY, ATTACH, INSTALL or settings, even past the guard", async () => {
    const db = executor.introspectionQueryable();
    const attempts = {
      readOutside: `SELECT * FROM read_csv('${path.join(outside, "secret.csv")}')`,
      copy: `COPY orders TO '${path.join(outside, "stolen.csv")}'`,
      attach: `ATTACH '${path.join(outside, "other.duckdb")}' AS other`,
      install: "INSTALL httpfs",
      load: "LOAD httpfs",
      reopen: "SET GLOBAL enable_external_access = true",
      write: "CREATE TABLE main.planted AS SELECT 1 AS x",
      readText: `SELECT * FROM read_text('${path.join(outside, "secret.csv")}')`,
      glob: `SELECT * FROM glob('${outside}/*')`,
      replacementScan: `SELECT * FROM '${path.join(outside, "secret.csv")}'`,
      export: `EXPORT DATABASE '${path.join(outside, "dump")}'`,
      secret: "CREATE SECRET s (TYPE s3, KEY_ID 'k', SECRET 'v')",
    };
    const outcomes: Record<string, string> = {};
    for (const [name, sql] of Object.entries(attempts)) {
      const outcome = await failure(db.query(sql));
      outcomes[name] = `${outcome.code}: ${/disabled by configuration|disabled through configuration|configuration has been locked|read-only/.test(outcome.message)}`;
    }
    expect(outcomes).toEqual({
      readOutside: "QUERY_FAILED: true",
      copy: "QUERY_FAILED: true",
      attach: "QUERY_FAILED: true",
      install: "QUERY_FAILED: true",
      load: "QUERY_FAILED: true",
      reopen: "QUERY_FAILED: true",
      write: "SQL_NOT_READ_ONLY: true",
      readText: "QUERY_FAILED: true",
      glob: "QUERY_FAILED: true",
      replacementScan: "QUERY_FAILED: true",
      export: "QUERY_FAILED: true",
      secret: "QUERY_FAILED: true",
    });
    expect(await failure(guard(attempts.readOutside))).toMatchObject({ code: "SQL_FORBIDDEN_FUNCTION" });
    // Nothing spills to disk either: a query past the memory limit fails instead of writing temporary files.
    expect((await db.query("SELECT current_setting('temp_directory') AS dir")).rows).toEqual([{ dir: "" }]);
    // A quoted name the guard reads as a table is, to DuckDB, a file to scan: refused all the same.
    const asTable = await failure(executor.run(await guard(`SELECT * FROM "${path.join(outside, "secret.csv")}"`), { timeoutMs: 5000, maxRows: 1 }));
    expect(asTable.message).toMatch(/disabled by configuration/);
  });

  it("explains a query with DuckDB's estimate and tells unknown tables apart", async () => {
    const plan = await executor.explain(await guard("SELECT * FROM orders"), { timeoutMs: 5000 });
    expect(plan.estimatedRows).toBe(3);
    const unknown = await failure(executor.run(await guard("SELECT * FROM nowhere"), { timeoutMs: 5000, maxRows: 1 }));
    expect(unknown.code).toBe("SQL_UNKNOWN_OBJECT");
  });
});

describe("DuckdbExecutor closing", () => {
  it("stops the queries still running when the source closes (a refresh, a removal)", async () => {
    const closing = new DuckdbExecutor({ open: async () => ({ kind: "folder", tables: [] }) });
    const running = closing.run(await guard("SELECT count(*) FROM generate_series(1, 100000000000) a(x) WHERE x % 7 = 3"), { timeoutMs: 20_000, maxRows: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    await closing.close();
    expect((await failure(running)).code).toBe("DATA_SOURCE_CLOSED");
    expect(performance.now() - started).toBeLessThan(5000);
    expect((await failure(closing.run(await guard("SELECT 1 AS one"), { timeoutMs: 1000, maxRows: 1 }))).code).toBe("DATA_SOURCE_CLOSED");
  });
});

describe("DuckdbExecutor memory", () => {
  it("fails a query past the source's memory limit with QUERY_FAILED and a hint, writing nothing to disk", async () => {
    const small = new DuckdbExecutor({ open: async () => ({ kind: "folder", tables: [] }), memoryLimit: "64MB" });
    try {
      const sql = "SELECT count(*) AS n FROM (SELECT DISTINCT x::text || 'padding-padding' AS y FROM generate_series(1, 20000000) a(x)) d";
      const error = await small.run(await guard(sql), { timeoutMs: 20_000, maxRows: 1 }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(SqlSandboxError);
      expect([(error as SqlSandboxError).code, (error as SqlSandboxError).message]).toEqual(["QUERY_FAILED", expect.stringMatching(/^Out of Memory Error/)]);
      expect((error as SqlSandboxError).hint).toMatch(/more memory than the data source may use/);
    } finally {
      await small.close();
    }
  });
});

describe("DuckdbExecutor loading files", () => {
  it("stops a load that overruns its time limit, and says which file a malformed one was", async () => {
    await mkdir(path.join(root, "big"));
    const lines = Array.from({ length: 300_000 }, (_, i) => `${i},name ${i},${i * 1.5}`);
    await writeFile(path.join(root, "big", "rows.csv"), `id,name,value\n${lines.join("\n")}\n`);
    const policy = createFilePolicy(root);
    const location = parseDuckdbUrl(`duckdb://${path.join(root, "big")}`);
    const slow = new DuckdbExecutor({ open: () => policy.resolve(location), loadTimeoutMs: 1 });
    expect((await failure(slow.test())).code).toBe("QUERY_TIMEOUT");
    await slow.close();

    await mkdir(path.join(root, "broken"));
    await writeFile(path.join(root, "broken", "bad.parquet"), "this is not parquet");
    const broken = open(`duckdb://${path.join(root, "broken")}`);
    expect(await failure(broken.test())).toMatchObject({ code: "QUERY_FAILED", message: expect.stringMatching(/^Loading bad from its file failed/) });
    await broken.close();
  });
});

describe("DuckdbExecutor over a .duckdb file", () => {
  it("opens it read-only and queries it", async () => {
    const file = path.join(root, "fleet.duckdb");
    const writer = await DuckDBInstance.create(file);
    const connection = await writer.connect();
    await connection.run("CREATE TABLE vans (id INTEGER PRIMARY KEY, plate VARCHAR NOT NULL); INSERT INTO vans VALUES (1, 'AB12 CDE'), (2, 'XY34 ZZZ')");
    connection.closeSync();
    writer.closeSync();
    const fleet = open(`duckdb://${file}`);
    try {
      const result = await fleet.run(await guard("SELECT plate FROM vans ORDER BY id DESC"), { timeoutMs: 5000, maxRows: 10 });
      expect(result.rows).toEqual([["XY34 ZZZ"], ["AB12 CDE"]]);
      const write = await failure(fleet.introspectionQueryable().query("INSERT INTO vans VALUES (3, 'NEW')"));
      expect(write.code).toBe("SQL_NOT_READ_ONLY");
    } finally {
      await fleet.close();
    }
  });
});
