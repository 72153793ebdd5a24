/**
 * Test support: loads a demo script into a fresh real PostgreSQL database or an
 * in-memory PGlite, and runs the checks every demo dataset must pass whatever it
 * contains (keys, comments, resolving foreign keys, statistics).
 */

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createTestDatabase } from "../testing/postgres.ts";

export const backends = ["postgresql", "pglite"] as const;
export type Backend = (typeof backends)[number];

export interface DemoTestDb {
  backend: Backend;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export async function loadDemoScript(backend: Backend, label: string, script: string): Promise<DemoTestDb> {
  if (backend === "pglite") {
    const db = new PGlite();
    await db.exec(script);
    return { backend, rows: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows, close: () => db.close() };
  }
  const database = await createTestDatabase(label);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await client.query(script);
  } catch (error) {
    await client.end();
    await database.drop();
    throw error;
  }
  return {
    backend,
    rows: async (sql) => (await client.query(sql)).rows,
    close: async () => {
      await client.end();
      await database.drop();
    },
  };
}

/** First column of the first row as a number; queries cast to int/numeric so both drivers agree. */
export async function scalar(db: DemoTestDb, sql: string): Promise<number> {
  const row = (await db.rows(sql))[0];
  if (!row) throw new Error(`no row from: ${sql}`);
  return Number(Object.values(row)[0]);
}

export async function column(db: DemoTestDb, sql: string): Promise<string[]> {
  return (await db.rows(sql)).map((r) => String(Object.values(r)[0]));
}

export interface StructureReport {
  tables: string[];
  foreignKeys: number;
  tablesWithoutPrimaryKey: string[];
  tablesWithoutComment: string[];
  columnsWithoutComment: string[];
  tablesWithoutStatistics: string[];
  /** `constraint: n` for every foreign key with n rows whose reference does not resolve. */
  danglingReferences: string[];
}

const inSchema = "c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace";

export async function inspectStructure(db: DemoTestDb): Promise<StructureReport> {
  const tables = await column(db, `SELECT c.relname FROM pg_class c WHERE ${inSchema} ORDER BY 1`);
  const tablesWithoutPrimaryKey = await column(db, `SELECT c.relname FROM pg_class c WHERE ${inSchema} AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p') ORDER BY 1`);
  const tablesWithoutComment = await column(db, `SELECT c.relname FROM pg_class c WHERE ${inSchema} AND coalesce(obj_description(c.oid, 'pg_class'), '') = '' ORDER BY 1`);
  const columnsWithoutComment = await column(db, `SELECT c.relname || '.' || a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped WHERE ${inSchema} AND coalesce(col_description(c.oid, a.attnum), '') = '' ORDER BY 1`);
  const tablesWithoutStatistics = await column(db, `SELECT c.relname FROM pg_class c WHERE ${inSchema} AND c.reltuples <= 0 ORDER BY 1`);
  const keys = await db.rows(`
    SELECT k.conname AS name, child.relname AS child, parent.relname AS parent,
      (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(num, ord) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.num) AS child_columns,
      (SELECT string_agg(quote_ident(a.attname), ',' ORDER BY u.ord) FROM unnest(k.confkey) WITH ORDINALITY u(num, ord) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.num) AS parent_columns
    FROM pg_constraint k JOIN pg_class child ON child.oid = k.conrelid JOIN pg_class parent ON parent.oid = k.confrelid
    WHERE k.contype = 'f' AND child.relnamespace = current_schema()::regnamespace ORDER BY 1`);
  const danglingReferences: string[] = [];
  for (const k of keys) {
    const childColumns = String(k.child_columns).split(",");
    const parentColumns = String(k.parent_columns).split(",");
    const matches = childColumns.map((c, i) => `p.${parentColumns[i]} = x.${c}`).join(" AND ");
    const present = childColumns.map((c) => `x.${c} IS NOT NULL`).join(" AND ");
    const n = await scalar(db, `SELECT count(*)::int FROM ${k.child} x WHERE ${present} AND NOT EXISTS (SELECT 1 FROM ${k.parent} p WHERE ${matches})`);
    if (n > 0) danglingReferences.push(`${String(k.name)}: ${n}`);
  }
  return { tables, foreignKeys: keys.length, tablesWithoutPrimaryKey, tablesWithoutComment, columnsWithoutComment, tablesWithoutStatistics, danglingReferences };
}

export async function rowCounts(db: DemoTestDb, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = await scalar(db, `SELECT count(*)::int FROM ${t}`);
  return counts;
}
