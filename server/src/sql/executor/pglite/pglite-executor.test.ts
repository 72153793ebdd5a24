import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqlSandboxError, type SqlErrorCode } from "../../errors.ts";
import { guardSql, type GuardedSql } from "../../guard/guard.ts";
import { probeExpectedColumns, probeExpectedRows, probeQuery, probeSetupSql } from "../type-probe.ts";
import { PgliteExecutor } from "./pglite-executor.ts";

let root: string;
let dataDir: string;
let dumpFile: string;
let executor: PgliteExecutor;
const guard = (sql: string) => guardSql(sql, { allowedSchemas: ["public"] });
const endless = "SELECT count(*) FROM generate_series(1, 10000000000)";

async function failure(promise: Promise<unknown>): Promise<SqlErrorCode | "succeeded"> {
  try {
    await promise;
    return "succeeded";
  } catch (error) {
    if (!(error instanceof SqlSandboxError)) throw error;
    return error.code;
  }
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "agentmedha-pglite-"));
  dataDir = path.join(root, "data");
  dumpFile = path.join(root, "dump.tgz");
  // Seeding is trusted setup, so it may run on this thread; user SQL never does.
  const seed = await PGlite.create({ dataDir });
  await seed.exec(probeSetupSql);
  await seed.exec("CREATE TABLE counter (n int); INSERT INTO counter VALUES (1);");
  const dump = await seed.dumpDataDir("gzip");
  await writeFile(dumpFile, Buffer.from(await dump.arrayBuffer()));
  await seed.close();
  executor = new PgliteExecutor({ source: { dataDir } });
});

afterAll(async () => {
  await executor?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("PgliteExecutor", () => {
  it("returns the same columns and values as the PostgreSQL executor", async () => {
    const result = await executor.run(await guard(probeQuery), { timeoutMs: 10_000, maxRows: 100 });
    expect(result.columns).toEqual(probeExpectedColumns);
    expect(result.rows).toEqual(probeExpectedRows);
    expect(result).toMatchObject({ rowCount: 2, truncated: false });
  });

  it("caps rows and streams endless results through the cursor", async () => {
    const result = await executor.run(await guard("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r"), {
      timeoutMs: 10_000,
      maxRows: 4,
    });
    expect(result.rows).toEqual([[1], [2], [3], [4]]);
    expect(result.truncated).toBe(true);
  });

  it("refuses a 100 MB value in the worker, reopens the database whose memory grew for it, and gives that memory back", async () => {
    await executor.run(await guard("SELECT n FROM counter"), { timeoutMs: 10_000, maxRows: 10 });
    const before = process.memoryUsage().rss;
    const error = await executor.run(await guard("SELECT repeat('x', 100000000) AS big"), { timeoutMs: 30_000, maxRows: 10 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "RESULT_TOO_LARGE", details: { limit: 1024 * 1024 } });
    expect((error as SqlSandboxError).message).toContain("the limit is 1 MiB per row");
    const after = await executor.run(await guard("SELECT n FROM counter"), { timeoutMs: 10_000, maxRows: 10 });
    expect(after.rows).toEqual([[1]]);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("refuses a value over the value cap as rows arrive, with its column", async () => {
    const error = await executor
      .run(await guard("SELECT g, CASE WHEN g = 2 THEN repeat('y', 5000) END AS note FROM generate_series(1, 3) g"), { timeoutMs: 10_000, maxRows: 10, maxValueBytes: 4096 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlSandboxError);
    expect(error).toMatchObject({ code: "RESULT_TOO_LARGE", details: { name: "note", limit: 4096, size: 5000 } });
  });

  it("stops an overrunning query by terminating its worker while this thread stays responsive, then reopens", async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const code = await failure(executor.run(await guard(endless), { timeoutMs: 400, maxRows: 1 }));
    clearInterval(ticker);
    expect(code).toBe("QUERY_TIMEOUT");
    expect(ticks).toBeGreaterThan(0);
    const after = await executor.run(await guard("SELECT n FROM counter"), { timeoutMs: 10_000, maxRows: 1 });
    expect(after.rows).toEqual([[1]]);
  });

  it("cancels a running query through its AbortSignal, and a queued one without touching the running one", async () => {
    const first = new AbortController();
    const running = executor.run(await guard(endless), { timeoutMs: 30_000, maxRows: 1, signal: first.signal });
    const second = new AbortController();
    const queued = executor.run(await guard("SELECT 1"), { timeoutMs: 30_000, maxRows: 1, signal: second.signal });
    second.abort();
    expect(await failure(queued)).toBe("QUERY_CANCELLED");
    first.abort();
    expect(await failure(running)).toBe("QUERY_CANCELLED");
    const after = await executor.run(await guard("SELECT n FROM counter"), { timeoutMs: 10_000, maxRows: 1 });
    expect(after.rows).toEqual([[1]]);
  });

  it("refuses writes inside the worker when SQL skips the guard", async () => {
    const unguarded = (sql: string) => ({ sql, tables: [], searchPath: ["public"] }) as unknown as GuardedSql;
    expect(await failure(executor.run(unguarded("UPDATE counter SET n = 2"), { timeoutMs: 10_000, maxRows: 1 }))).not.toBe("succeeded");
    expect(await failure(executor.run(unguarded("SELECT * FROM counter FOR UPDATE"), { timeoutMs: 10_000, maxRows: 1 }))).toBe("SQL_NOT_READ_ONLY");
    expect(await failure(executor.run(unguarded("SELECT 1; DELETE FROM counter"), { timeoutMs: 10_000, maxRows: 1 }))).not.toBe("succeeded");
    const { rows } = await executor.introspectionQueryable().query("SELECT n FROM counter");
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("explains without running", async () => {
    const plan = await executor.explain(await guard("SELECT * FROM generate_series(1, 1000) g"), { timeoutMs: 10_000 });
    expect(plan.estimatedRows).toBe(1000);
    expect(await failure(executor.explain(await guard("SELECT missing FROM counter"), { timeoutMs: 10_000 }))).toBe("QUERY_FAILED");
  });

  it("reports database errors with their SQLSTATE", async () => {
    try {
      await executor.run(await guard("SELECT 1 / 0"), { timeoutMs: 10_000, maxRows: 1 });
      expect.unreachable();
    } catch (error) {
      expect((error as SqlSandboxError).code).toBe("QUERY_FAILED");
      expect((error as SqlSandboxError).details.sqlstate).toBe("22012");
    }
  });

  it("serves read-only introspection queries with parameters", async () => {
    const queryable = executor.introspectionQueryable();
    const { rows } = await queryable.query("SELECT relname::text AS name, relkind::text AS kind FROM pg_class WHERE relname = $1", ["probe"]);
    expect(rows).toEqual([{ name: "probe", kind: "r" }]);
    expect(await failure(queryable.query("CREATE TABLE pwned (id int)"))).toBe("SQL_NOT_READ_ONLY");
  });

  it("loads a data source from a dump", async () => {
    const fromDump = new PgliteExecutor({ source: { dumpFile } });
    try {
      await fromDump.test();
      const result = await fromDump.run(await guard(probeQuery), { timeoutMs: 10_000, maxRows: 100 });
      expect(result.rows).toEqual(probeExpectedRows);
    } finally {
      await fromDump.close();
    }
  });

  it("says when the database files are missing, and refuses queries after close", async () => {
    const missing = new PgliteExecutor({ source: { dataDir: path.join(root, "nowhere") } });
    expect(await failure(missing.test())).toBe("DATA_SOURCE_NOT_FOUND");
    await missing.close();
    expect(await failure(missing.run(await guard("SELECT 1"), { timeoutMs: 1000, maxRows: 1 }))).toBe("DATA_SOURCE_CLOSED");
  });
});
