import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres.ts";
import { guardSql } from "../guard/guard.ts";
import { fixtureSql, fixtureTables } from "../hostile-corpus/fixture.ts";
import { legitimateQueries } from "../hostile-corpus/legitimate.ts";
import type { QueryResult } from "./executor.ts";
import { PgliteExecutor } from "./pglite/pglite-executor.ts";
import { PostgresExecutor } from "./postgres-executor.ts";

let db: TestDatabase;
let root: string;
let postgres: PostgresExecutor;
let embedded: PgliteExecutor;

/** Queries whose answer depends on the clock, randomness or physical row order are compared by shape only. */
const unstable = /now\(\)|CURRENT_DATE|random\(|TABLESAMPLE|\bLIMIT\b|\bFETCH\b|\bOFFSET\b|array_agg|string_agg|ROWS BETWEEN|DISTINCT ON|first_value|lead\(|lag\(|row_number|EXCEPT ALL|mode\(\)/i;

function canonicalRows(result: QueryResult): string[] {
  return result.rows.map((row) => JSON.stringify(row)).sort();
}

beforeAll(async () => {
  db = await createTestDatabase("agree");
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  await admin.query(fixtureSql);
  await admin.end();
  root = await mkdtemp(path.join(tmpdir(), "agentmedha-agree-"));
  const dataDir = path.join(root, "data");
  const seed = await PGlite.create({ dataDir });
  await seed.exec(fixtureSql);
  await seed.close();
  postgres = new PostgresExecutor({ connectionUrl: db.url });
  embedded = new PgliteExecutor({ source: { dataDir } });
});

afterAll(async () => {
  await postgres?.close();
  await embedded?.close();
  await db?.drop();
  if (root) await rm(root, { recursive: true, force: true });
});

describe("PostgreSQL and PGlite executors agree", () => {
  it.each(legitimateQueries.map((q, i) => [i, q] as const))("#%i same columns and values", async (_i, sql) => {
    const guarded = await guardSql(sql, { allowedSchemas: ["public"], knownTables: fixtureTables });
    const limits = { timeoutMs: 20_000, maxRows: 1000 };
    const [a, b] = [await postgres.run(guarded, limits), await embedded.run(guarded, limits)];
    expect(b.columns).toEqual(a.columns);
    expect(b.rowCount).toBe(a.rowCount);
    if (!unstable.test(sql)) expect(canonicalRows(b)).toEqual(canonicalRows(a));
  });
});
