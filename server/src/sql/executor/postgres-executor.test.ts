import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres.ts";
import { SqlSandboxError, type SqlErrorCode } from "../errors.ts";
import { guardSql, type GuardedSql } from "../guard/guard.ts";
import { PostgresExecutor } from "./postgres-executor.ts";
import { probeExpectedColumns, probeExpectedRows, probeQuery, probeSetupSql } from "./type-probe.ts";

let db: TestDatabase;
let admin: pg.Client;
let executor: PostgresExecutor;
const guard = (sql: string, allowedSchemas = ["public"]) => guardSql(sql, { allowedSchemas });

async function failure(promise: Promise<unknown>): Promise<SqlErrorCode | "succeeded"> {
  try {
    await promise;
    return "succeeded";
  } catch (error) {
    if (!(error instanceof SqlSandboxError)) throw error;
    return error.code;
  }
}

/** Test-only: SQL that skips the guard, to prove the session's own defences. */
function unguarded(sql: string): GuardedSql {
  return { sql, tables: [], searchPath: ["public"] } as unknown as GuardedSql;
}

async function activeQueries(): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'agentmedha' AND state = 'active'",
    [db.name],
  );
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  db = await createTestDatabase("pgexec");
  admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(probeSetupSql);
  await admin.query(`
    CREATE SCHEMA sales;
    CREATE TABLE sales.events (label text);  INSERT INTO sales.events VALUES ('from sales');
    CREATE TABLE public.events (label text); INSERT INTO public.events VALUES ('from public');
    CREATE TABLE counter (n int); INSERT INTO counter VALUES (1);`);
  executor = new PostgresExecutor({ connectionUrl: db.url, maxConnections: 2 });
});

afterAll(async () => {
  await executor?.close();
  await admin?.end();
  await db?.drop();
});

describe("PostgresExecutor.run", () => {
  it("returns typed columns and consistently converted values", async () => {
    const result = await executor.run(await guard(probeQuery), { timeoutMs: 5000, maxRows: 100 });
    expect(result.columns).toEqual(probeExpectedColumns);
    expect(result.rows).toEqual(probeExpectedRows);
    expect(result).toMatchObject({ rowCount: 2, truncated: false });
  });

  it("caps rows at maxRows and says whether more existed", async () => {
    const query = await guard("SELECT g FROM generate_series(1, 50) g");
    const capped = await executor.run(query, { timeoutMs: 5000, maxRows: 10 });
    expect(capped.rows).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1]));
    expect(capped.truncated).toBe(true);
    const exact = await executor.run(query, { timeoutMs: 5000, maxRows: 50 });
    expect(exact).toMatchObject({ rowCount: 50, truncated: false });
    const none = await executor.run(query, { timeoutMs: 5000, maxRows: 0 });
    expect(none).toMatchObject({ rowCount: 0, truncated: true, rows: [] });
    expect(none.columns.map((c) => c.name)).toEqual(["g"]);
  });

  it("streams an endless query through the cursor and stops at the cap", async () => {
    const result = await executor.run(await guard("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r"), {
      timeoutMs: 5000,
      maxRows: 3,
    });
    expect(result.rows).toEqual([[1], [2], [3]]);
    expect(result.truncated).toBe(true);
  });

  it("stops fetching when the byte budget is spent", async () => {
    const result = await executor.run(await guard("SELECT repeat('x', 1000) FROM generate_series(1, 10000)"), {
      timeoutMs: 5000,
      maxRows: 10_000,
      maxBytes: 100_000,
    });
    expect(result.truncated).toBe(true);
    expect(result.rowCount).toBeLessThan(10_000);
  });

  it("has the database refuse a 100 MB value before any of it reaches this process, and keeps working", async () => {
    const before = process.memoryUsage().rss;
    const error = await executor.run(await guard("SELECT repeat('x', 100000000) AS big"), { timeoutMs: 10_000, maxRows: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlSandboxError);
    expect((error as SqlSandboxError).code).toBe("RESULT_TOO_LARGE");
    expect((error as SqlSandboxError).message).toBe("A row of the result is 95.4 MiB; the limit is 1 MiB per row.");
    // Received, the value would be 100 MB of socket buffer and as much again as a string.
    expect(process.memoryUsage().rss - before).toBeLessThan(50 * 1024 * 1024);
    const after = await executor.run(await guard("SELECT n FROM counter"), { timeoutMs: 5000, maxRows: 10 });
    expect(after.rows).toEqual([[1]]);
  });

  it("refuses a row over the row cap though each value is under the value cap, and a value over the value cap", async () => {
    const wide = await failure(executor.run(await guard("SELECT repeat('a', 600) AS a, repeat('b', 600) AS b"), { timeoutMs: 5000, maxRows: 10, maxRowBytes: 1024, maxValueBytes: 1000 }));
    expect(wide).toBe("RESULT_TOO_LARGE");
    const long = await executor
      .run(await guard("SELECT g, CASE WHEN g = 3 THEN repeat('y', 2000) END AS note FROM generate_series(1, 5) g"), { timeoutMs: 5000, maxRows: 10, maxValueBytes: 1024 })
      .catch((e: unknown) => e as SqlSandboxError);
    expect(long).toMatchObject({ code: "RESULT_TOO_LARGE", details: { name: "note", limit: 1024, size: 2000 } });
    expect((long as SqlSandboxError).message).toContain("row 3");
  });

  it("checks each row as it streams: rows past the cap are never computed, and the row check keeps names, types and order", async () => {
    const capped = await executor.run(await guard("SELECT g, CASE WHEN g > 5 THEN repeat('z', 100000000) END AS late FROM generate_series(1, 1000) g"), {
      timeoutMs: 5000,
      maxRows: 3,
    });
    expect(capped).toMatchObject({ rows: [[1, null], [2, null], [3, null]], truncated: true });
    const shaped = await executor.run(await guard("SELECT 'b' AS agentmedha_row, 2 AS bytes UNION ALL SELECT 'a', 1 ORDER BY 2 DESC"), { timeoutMs: 5000, maxRows: 10 });
    expect(shaped.columns.map((c) => c.name)).toEqual(["agentmedha_row", "bytes"]);
    expect(shaped.rows).toEqual([["b", 2], ["a", 1]]);
  });

  it("has the database stop a FETCH whose rows grow past the total it may send: small rows first, then 900 KB ones", async () => {
    const before = process.memoryUsage().rss;
    const result = await executor.run(await guard("SELECT g, CASE WHEN g > 100 THEN repeat('x', 900000) END AS pad FROM generate_series(1, 5000) g"), {
      timeoutMs: 10_000,
      maxRows: 5000,
      maxBytes: 4 * 1024 * 1024,
    });
    // The FETCH after the first small rows asked for 2 000 rows, 1.8 GB had they all come.
    expect(result.truncated).toBe(true);
    expect(result.rowCount).toBeGreaterThanOrEqual(8);
    expect(result.rowCount).toBeLessThanOrEqual(100);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("fails instead of truncating at the byte budget when asked to (exports)", async () => {
    const code = await failure(executor.run(await guard("SELECT repeat('x', 1000) FROM generate_series(1, 10000)"), { timeoutMs: 5000, maxRows: 10_000, maxBytes: 100_000, overBytes: "fail" }));
    expect(code).toBe("RESULT_TOO_LARGE");
  });

  it("times out a long query, cancels it on the server, and keeps working", async () => {
    const code = await failure(executor.run(await guard("SELECT count(*) FROM generate_series(1, 10000000000)"), { timeoutMs: 300, maxRows: 10 }));
    expect(code).toBe("QUERY_TIMEOUT");
    await expect.poll(activeQueries, { timeout: 5000 }).toBe(0);
    const after = await executor.run(await guard("SELECT n FROM counter"), { timeoutMs: 5000, maxRows: 10 });
    expect(after.rows).toEqual([[1]]);
  });

  it("cancels through an AbortSignal, also one aborted before the query starts", async () => {
    const controller = new AbortController();
    const running = executor.run(await guard("SELECT count(*) FROM generate_series(1, 10000000000)"), {
      timeoutMs: 30_000,
      maxRows: 10,
      signal: controller.signal,
    });
    await expect.poll(activeQueries, { timeout: 5000 }).toBe(1);
    controller.abort();
    expect(await failure(running)).toBe("QUERY_CANCELLED");
    await expect.poll(activeQueries, { timeout: 5000 }).toBe(0);
    expect(await failure(executor.run(await guard("SELECT 1"), { timeoutMs: 1000, maxRows: 1, signal: AbortSignal.abort() }))).toBe("QUERY_CANCELLED");
  });

  it("never opens more connections than its maximum", async () => {
    let peak = 0;
    let running = true;
    const watch = (async () => {
      while (running) {
        const { rows } = await admin.query<{ n: string }>(
          "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'agentmedha'",
          [db.name],
        );
        peak = Math.max(peak, Number(rows[0]!.n));
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const query = await guard("SELECT count(*) FROM generate_series(1, 2000000)");
    const results = await Promise.all(Array.from({ length: 6 }, () => executor.run(query, { timeoutMs: 20_000, maxRows: 1 })));
    running = false;
    await watch;
    expect(results.map((r) => r.rows)).toEqual(Array.from({ length: 6 }, () => [[2000000]]));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it("resolves unqualified names in the data source's schemas, in their order", async () => {
    const sales = await executor.run(await guard("SELECT label FROM events", ["sales", "public"]), { timeoutMs: 5000, maxRows: 10 });
    expect(sales.rows).toEqual([["from sales"]]);
    const pub = await executor.run(await guard("SELECT label FROM events", ["public", "sales"]), { timeoutMs: 5000, maxRows: 10 });
    expect(pub.rows).toEqual([["from public"]]);
  });

  it("reports database errors with their SQLSTATE and recovers", async () => {
    try {
      await executor.run(await guard("SELECT 1 / (n - 1) FROM counter"), { timeoutMs: 5000, maxRows: 10 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SqlSandboxError);
      expect((error as SqlSandboxError).code).toBe("QUERY_FAILED");
      expect((error as SqlSandboxError).details.sqlstate).toBe("22012");
    }
    expect(await failure(executor.run(await guard("SELECT missing FROM counter"), { timeoutMs: 5000, maxRows: 1 }))).toBe("QUERY_FAILED");
    const ok = await executor.run(await guard("SELECT n FROM counter"), { timeoutMs: 5000, maxRows: 1 });
    expect(ok.rows).toEqual([[1]]);
  });

  it("refuses writes in the session itself when SQL skips the guard", async () => {
    expect(await failure(executor.run(unguarded("SELECT * FROM counter FOR UPDATE"), { timeoutMs: 5000, maxRows: 1 }))).toBe("SQL_NOT_READ_ONLY");
    expect(await failure(executor.run(unguarded("SELECT 1; UPDATE counter SET n = 2"), { timeoutMs: 5000, maxRows: 1 }))).toBe("SQL_PARSE_ERROR");
    expect(await failure(executor.run(unguarded("UPDATE counter SET n = 2"), { timeoutMs: 5000, maxRows: 1 }))).toBe("SQL_PARSE_ERROR");
    expect(await failure(executor.run(unguarded("WITH u AS (UPDATE counter SET n = 2 RETURNING n) SELECT * FROM u"), { timeoutMs: 5000, maxRows: 1 }))).toBe(
      "QUERY_FAILED",
    );
    expect(await failure(executor.run(unguarded("SELECT nextval('probe_id_seq')"), { timeoutMs: 5000, maxRows: 1 }))).not.toBe("succeeded");
    const { rows } = await admin.query("SELECT n FROM counter");
    expect(rows).toEqual([{ n: 1 }]);
  });
});

describe("PostgresExecutor.explain", () => {
  it("plans without running and estimates the size", async () => {
    const plan = await executor.explain(await guard("SELECT * FROM generate_series(1, 1000) g"), { timeoutMs: 5000 });
    expect(plan.estimatedRows).toBe(1000);
    expect(plan.totalCost).toBeGreaterThan(0);
    expect(Array.isArray(plan.plan)).toBe(true);
  });

  it("reports unknown columns as database errors", async () => {
    try {
      await executor.explain(await guard("SELECT missing FROM counter"), { timeoutMs: 5000 });
      expect.unreachable();
    } catch (error) {
      expect((error as SqlSandboxError).code).toBe("QUERY_FAILED");
      expect((error as SqlSandboxError).details.sqlstate).toBe("42703");
    }
  });
});

describe("PostgresExecutor when a cancel request is not enough", () => {
  it("drops the connection after the grace period and still reports a timeout", async () => {
    const impatient = new PostgresExecutor({ connectionUrl: db.url, cancelGraceMs: 1 });
    try {
      const code = await failure(impatient.run(await guard("SELECT count(*) FROM generate_series(1, 10000000000)"), { timeoutMs: 200, maxRows: 1 }));
      expect(code).toBe("QUERY_TIMEOUT");
      const after = await impatient.run(await guard("SELECT n FROM counter"), { timeoutMs: 5000, maxRows: 1 });
      expect(after.rows).toEqual([[1]]);
    } finally {
      await impatient.close();
    }
    await expect.poll(activeQueries, { timeout: 5000 }).toBe(0);
  });
});

describe("PostgresExecutor session settings", () => {
  let odd: TestDatabase;
  let oddExecutor: PostgresExecutor;

  beforeAll(async () => {
    odd = await createTestDatabase("pgodd");
    await admin.query(`ALTER DATABASE "${odd.name}" SET standard_conforming_strings = off`);
    await admin.query(`ALTER DATABASE "${odd.name}" SET DateStyle = 'SQL, DMY'`);
    oddExecutor = new PostgresExecutor({ connectionUrl: odd.url });
  });

  afterAll(async () => {
    await oddExecutor?.close();
    await odd?.drop();
  });

  it("reads string literals the way the guard parsed them, whatever the database default", async () => {
    const result = await oddExecutor.run(await guard("SELECT 'a\\' AS s, $$b$$ AS t"), { timeoutMs: 5000, maxRows: 1 });
    expect(result.rows).toEqual([["a\\", "b"]]);
  });

  it("returns ISO dates while keeping the database's day/month input order", async () => {
    const result = await oddExecutor.run(await guard("SELECT '01/02/2024'::date AS d, '2024-01-02 03:04:05'::timestamp AS t"), {
      timeoutMs: 5000,
      maxRows: 1,
    });
    expect(result.rows).toEqual([["2024-02-01", "2024-01-02T03:04:05"]]);
  });
});

describe("PostgresExecutor.test and connection errors", () => {
  async function testCode(url: string): Promise<SqlErrorCode | "succeeded"> {
    const e = new PostgresExecutor({ connectionUrl: url, connectTimeoutMs: 3000 });
    try {
      return await failure(e.test());
    } finally {
      await e.close();
    }
  }

  it("succeeds for a reachable database", async () => {
    expect(await testCode(db.url)).toBe("succeeded");
  });

  it("maps unreachable hosts, unknown hosts, refused logins and missing databases to typed errors", async () => {
    const url = new URL(db.url);
    expect(await testCode(`postgresql://postgres@127.0.0.1:1/${db.name}`)).toBe("DATA_SOURCE_UNREACHABLE");
    expect(await testCode(`postgresql://postgres@no-such-host.invalid/${db.name}`)).toBe("DATA_SOURCE_UNREACHABLE");
    expect(await testCode(`postgresql://no_such_role_x@${url.host}/${db.name}`)).toBe("DATA_SOURCE_AUTH_FAILED");
    expect(await testCode(`postgresql://postgres@${url.host}/no_such_database_x`)).toBe("DATA_SOURCE_NOT_FOUND");
  });

  it("refuses a malformed URL when the executor is created", () => {
    expect(() => new PostgresExecutor({ connectionUrl: "postgresql://nohost" })).toThrow(SqlSandboxError);
  });

  it("refuses queries after close", async () => {
    const e = new PostgresExecutor({ connectionUrl: db.url });
    await e.close();
    expect(await failure(e.run(await guard("SELECT 1"), { timeoutMs: 1000, maxRows: 1 }))).toBe("DATA_SOURCE_CLOSED");
  });
});

describe("PostgresExecutor.introspectionQueryable", () => {
  it("runs trusted catalogue queries with parameters and pg's usual value parsing", async () => {
    const { rows } = await executor.introspectionQueryable().query<{ relname: string; cols: string[] }>(
      "SELECT c.relname, array_agg(a.attname::text ORDER BY a.attnum) AS cols FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid WHERE c.relname = $1 AND a.attnum > 0 GROUP BY c.relname",
      ["counter"],
    );
    expect(rows).toEqual([{ relname: "counter", cols: ["n"] }]);
  });

  it("is read-only", async () => {
    expect(await failure(executor.introspectionQueryable().query("CREATE TABLE pwned (id int)"))).toBe("SQL_NOT_READ_ONLY");
    const { rows } = await admin.query("SELECT to_regclass('public.pwned') AS t");
    expect(rows).toEqual([{ t: null }]);
  });
});
