import { existsSync, rmSync } from "node:fs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres.ts";
import { SqlSandboxError } from "../errors.ts";
import { PostgresExecutor } from "../executor/postgres-executor.ts";
import { guardSql, type GuardedSql, type GuardOptions } from "../guard/guard.ts";
import { canaryFiles, databaseChecksum, fixtureSql, fixtureTables } from "./fixture.ts";
import { hostileCorpus, type HostileCase } from "./hostile.ts";
import { legitimateQueries } from "./legitimate.ts";

/** Small limits keep the suite quick; heavy reads must still end capped or timed out. */
const limits = { timeoutMs: 500, maxRows: 100 };
const guardOptions: GuardOptions = { allowedSchemas: ["public"], knownTables: fixtureTables };

let db: TestDatabase;
let admin: pg.Client;
let executor: PostgresExecutor;
let checksumBefore: string;
const outcomes = new Map<string, number>();

function count(outcome: string): void {
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
}

async function attempt<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; code: string }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof SqlSandboxError) return { ok: false, code: error.code };
    throw error;
  }
}

beforeAll(async () => {
  for (const file of canaryFiles) rmSync(file, { force: true });
  db = await createTestDatabase("hostile");
  admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(fixtureSql);
  checksumBefore = await databaseChecksum(admin);
  executor = new PostgresExecutor({ connectionUrl: db.url, maxConnections: 2 });
});

afterAll(async () => {
  await executor?.close();
  await admin?.end();
  await db?.drop();
  console.info(`hostile corpus: ${hostileCorpus.length} cases; outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
});

describe("the database checksum", () => {
  it("notices changed rows, new objects, comments and role settings", async () => {
    const changes = [
      "UPDATE orders SET status = 'x' WHERE id = 1",
      "CREATE TABLE pwned (id int)",
      "COMMENT ON TABLE orders IS 'pwned'",
      "ALTER ROLE CURRENT_USER SET work_mem = '1MB'",
      "DELETE FROM secret.salaries",
    ];
    // (Sequence moves cannot be rolled back, so this control leaves them out.)
    for (const change of changes) {
      await admin.query("BEGIN");
      try {
        await admin.query(change);
        expect([change, await databaseChecksum(admin)]).not.toEqual([change, checksumBefore]);
      } finally {
        await admin.query("ROLLBACK");
      }
    }
    expect(await databaseChecksum(admin)).toBe(checksumBefore);
  });
});

describe(`hostile corpus (${hostileCorpus.length} cases) against a real PostgreSQL data source`, () => {
  it.each(hostileCorpus.map((c, i) => [i, c.why, c] as const))("#%i %s", async (_i, _why, c: HostileCase) => {
    const guarded = await attempt(() => guardSql(c.sql, guardOptions));
    if (Array.isArray(c.expect)) {
      expect(guarded.ok ? "accepted" : guarded.code).toBeOneOf([...c.expect]);
      count(guarded.ok ? "accepted" : guarded.code);
    } else {
      if (!guarded.ok) expect.fail(`the guard refused legal SQL with ${guarded.code}`);
      const ran = await attempt(() => executor.run(guarded.value, limits));
      if (c.expect === "harmless") {
        expect(ran.ok ? "ran" : ran.code).toBe("ran");
        count("harmless: ran");
      } else if (ran.ok) {
        expect(ran.value.rowCount).toBeLessThanOrEqual(limits.maxRows);
        count(ran.value.truncated ? "bounded: truncated" : "bounded: finished");
      } else {
        // A value or row over its byte cap ends the run as early as a timeout would.
        expect(ran.code).toBeOneOf(["QUERY_TIMEOUT", "RESULT_TOO_LARGE"]);
        count(`bounded: ${ran.code === "QUERY_TIMEOUT" ? "timeout" : "too large"}`);
      }
    }
    if (c.statement) {
      // Past the guard: the read-only cursor session must refuse it on its own.
      const unguarded = { sql: c.sql, tables: [], searchPath: ["public"] } as unknown as GuardedSql;
      const ran = await attempt(() => executor.run(unguarded, limits));
      expect(ran.ok ? "ran" : "refused").toBe("refused");
      count("statement refused by session");
    }
  });
});

describe(`legitimate analytics (${legitimateQueries.length} queries)`, () => {
  it.each(legitimateQueries.map((q, i) => [i, q] as const))("#%i passes the guard and runs", async (_i, sql) => {
    const result = await executor.run(await guardSql(sql, guardOptions), { timeoutMs: 10_000, maxRows: 1000 });
    expect(result.columns.length).toBeGreaterThan(0);
  });
});

describe("after the corpus", () => {
  it("left the database, its catalogue, roles and settings exactly as they were", async () => {
    expect(await databaseChecksum(admin)).toBe(checksumBefore);
  });

  it("wrote no files on the database host", () => {
    expect(canaryFiles.filter((file) => existsSync(file))).toEqual([]);
  });

  it("left the pooled connections with their default settings and no session locks", async () => {
    const settingsSql = `SELECT current_setting('search_path') AS search_path, current_setting('default_transaction_read_only') AS read_only,
      current_setting('DateStyle') AS date_style, current_setting('standard_conforming_strings') AS strings`;
    const pooled = await executor.introspectionQueryable().query(settingsSql);
    const { rows: fresh } = await admin.query(settingsSql);
    expect(pooled.rows).toEqual(fresh);
    const { rows: locks } = await admin.query("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'");
    expect(locks).toEqual([{ n: 0 }]);
  });
});
