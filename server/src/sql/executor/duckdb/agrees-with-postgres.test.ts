import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../testing/postgres.ts";
import { toDuckdbSql } from "../../dialect/duckdb.ts";
import { SqlSandboxError } from "../../errors.ts";
import { guardSql } from "../../guard/guard.ts";
import { initParser } from "../../guard/parser.ts";
import { fixtureSql, fixtureTables } from "../../hostile-corpus/fixture.ts";
import { legitimateQueries } from "../../hostile-corpus/legitimate.ts";
import { quoteIdent } from "../../introspect/types.ts";
import type { CellValue } from "../values.ts";
import type { QueryResult } from "../executor.ts";
import { PostgresExecutor } from "../postgres-executor.ts";
import { DuckdbExecutor } from "./duckdb-executor.ts";

/** Legitimate PostgreSQL that DuckDB has no equivalent for (functions, operators, clauses): it fails typed, never wrongly. */
const unsupported = [/initcap\(/, /generate_series\(date/, /#>>/, /jsonb_object_keys/, /WITH TIES/, /TABLESAMPLE BERNOULLI/, /num_nonnulls/, /date_bin/, /width_bucket/];

/** Answers that depend on ties or physical order (as in executors-agree.test.ts) are compared by shape only. */
const unstable = /now\(\)|CURRENT_DATE|random\(|TABLESAMPLE|\bLIMIT\b|\bFETCH\b|\bOFFSET\b|array_agg|string_agg|ROWS BETWEEN|DISTINCT ON|first_value|lead\(|lag\(|row_number|EXCEPT ALL|mode\(\)/i;

/** Where DuckDB's answer is right but written differently: date_trunc of a timestamptz (no zone), interval text ("mons"). */
const writtenDifferently = [/date_trunc\('month', ordered_on\)/, /age\(/];

/** PostgreSQL's types for DuckDB's columns when the fixture is copied over. */
function duckdbType(pgType: string): string {
  if (pgType === "numeric") return "DECIMAL(38,2)";
  if (pgType === "jsonb" || pgType === "json") return "JSON";
  if (pgType === "timestamp with time zone") return "TIMESTAMPTZ";
  return pgType.replace(/^text$/, "VARCHAR").replace(/^numeric\((\d+),(\d+)\)$/, "DECIMAL($1,$2)");
}

/** Exact decimals and doubles alike, to 9 significant digits: DuckDB averages decimals in double precision. */
function canonical(result: QueryResult): string[] {
  const cell = (v: CellValue): CellValue => (typeof v === "number" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) ? Number(Number(v).toPrecision(9)) : v);
  return result.rows.map((row) => JSON.stringify(row.map(cell))).sort();
}

let db: TestDatabase;
let root: string;
let postgres: PostgresExecutor;
let duckdb: DuckdbExecutor;

beforeAll(async () => {
  await initParser();
  db = await createTestDatabase("duckagree");
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(fixtureSql);
  root = await mkdtemp(path.join(tmpdir(), "agentmedha-duckagree-"));
  const file = path.join(root, "fixture.duckdb");
  const writer = await DuckDBInstance.create(file);
  const connection = await writer.connect();
  // The fixture's tables copied value by value (as text, cast by DuckDB on insert), its view by its PostgreSQL definition.
  const raw = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;
  for (const name of [...fixtureTables].map((t) => t.replace(/^public\./, ""))) {
    const { rows: columns } = await client.query<{ name: string; type: string; kind: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, c.relkind AS kind FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [quoteIdent(name)],
    );
    if (columns[0]?.kind === "v") {
      const { rows } = await client.query<{ def: string }>("SELECT pg_get_viewdef($1::regclass) AS def", [quoteIdent(name)]);
      await connection.run(`CREATE VIEW ${quoteIdent(name)} AS ${toDuckdbSql(rows[0]!.def.trim().replace(/;$/, ""))}`);
      continue;
    }
    await connection.run(`CREATE TABLE ${quoteIdent(name)} (${columns.map((c) => `${quoteIdent(c.name)} ${duckdbType(c.type)}`).join(", ")})`);
    const { rows } = await client.query<(string | null)[]>({ text: `SELECT * FROM ${quoteIdent(name)}`, rowMode: "array", types: raw });
    for (const row of rows) {
      await connection.run(`INSERT INTO ${quoteIdent(name)} VALUES (${row.map((v) => (v === null ? "NULL" : `'${v.replace(/'/g, "''")}'`)).join(", ")})`);
    }
  }
  connection.closeSync();
  writer.closeSync();
  await client.end();
  postgres = new PostgresExecutor({ connectionUrl: db.url });
  duckdb = new DuckdbExecutor({ open: async () => ({ kind: "database", file }) });
}, 120_000);

afterAll(async () => {
  await postgres?.close();
  await duckdb?.close();
  await db?.drop();
  if (root) await rm(root, { recursive: true, force: true });
});

/** The same query for DuckDB, whose tables live in schema main. */
async function guardFor(sql: string, schema: "public" | "main") {
  const text = schema === "main" ? sql.replace(/\bpublic\./g, "main.") : sql;
  return guardSql(text, { allowedSchemas: [schema], knownTables: new Set([...fixtureTables].map((t) => t.replace(/^public\./, `${schema}.`))) });
}

describe("DuckDB answers the legitimate corpus as PostgreSQL does", () => {
  it.each(legitimateQueries.map((q, i) => [i, q] as const))("#%i same column names, and values where the answer is stable", async (_i, sql) => {
    const limits = { timeoutMs: 20_000, maxRows: 1000 };
    const expected = await postgres.run(await guardFor(sql, "public"), limits);
    const run = duckdb.run(await guardFor(sql, "main"), limits);
    if (unsupported.some((pattern) => pattern.test(sql))) {
      const error = await run.then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(SqlSandboxError);
      expect(["QUERY_FAILED", "SQL_PARSE_ERROR"]).toContain((error as SqlSandboxError).code);
      return;
    }
    const actual = await run;
    expect(actual.columns.map((c) => c.name)).toEqual(expected.columns.map((c) => c.name));
    expect(actual.rowCount).toBe(expected.rowCount);
    if (!unstable.test(sql) && !writtenDifferently.some((pattern) => pattern.test(sql))) expect(canonical(actual)).toEqual(canonical(expected));
  });
});
