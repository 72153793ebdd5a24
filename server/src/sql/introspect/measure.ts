import type { ColumnSnapshot, Queryable, TableSnapshot } from "../snapshot.ts";
import { qualified, quoteIdent } from "./types.ts";

/** Tables above this size are sampled instead of scanned. */
const LARGE_TABLE_BYTES = 64 * 1024 * 1024;
/** Rows read per column when looking for distinct values. */
const SAMPLE_ROWS = 20_000;
/** Rows counted at most when the planner has no estimate. */
const COUNT_CAP = 1_000_000;
/** Sub-queries combined into one statement. */
const BATCH = 100;
/** Longer values are prose, not something a question names. */
const MAX_VALUE_LENGTH = 80;

export interface Branch {
  sql: string;
  apply: (value: unknown) => void;
}

export async function runBatched(
  db: Queryable,
  phase: string,
  branches: Branch[],
  report: (phase: string, done: number, total: number) => void,
  batch = BATCH,
): Promise<void> {
  for (let start = 0; start < branches.length; start += batch) {
    const chunk = branches.slice(start, start + batch);
    const sql = chunk.map((b, i) => `SELECT ${i} AS i, (${b.sql}) AS v`).join("\nUNION ALL\n");
    const { rows } = await db.query<{ i: number; v: unknown }>(sql);
    for (const row of rows) chunk[Number(row.i)]?.apply(row.v);
    report(phase, Math.min(start + batch, branches.length), branches.length);
  }
}

/** Non-text columns are sampled only to spot tiny domains such as 0/1 flags. */
const SMALL_DOMAIN = 10;

/** Types whose min/max are read: dates anchor relative periods, numbers tell fractions from amounts. */
const RANGED: ColumnSnapshot["type"][] = ["date", "timestamp", "integer", "bigint", "decimal", "float"];

function isKey(table: TableSnapshot, column: ColumnSnapshot): boolean {
  if (table.primaryKey.includes(column.name)) return true;
  return table.foreignKeys.some((fk) => fk.columns.includes(column.name));
}

/** Text keys of small lookup tables ("High", "ALFKI") are values people type. */
const LOOKUP_ROWS = 1000;

function isSampleCandidate(table: TableSnapshot, column: ColumnSnapshot): boolean {
  if (column.samples) return false;
  if (column.type !== "text" && column.type !== "integer" && column.type !== "boolean") return false;
  const textKey = column.type === "text" && table.rowEstimate > 0 && table.rowEstimate <= LOOKUP_ROWS;
  if (table.primaryKey.length === 1 && table.primaryKey[0] === column.name) return textKey;
  // A reference by a shared name (`city_name`) still holds the values questions name.
  return !table.foreignKeys.some((fk) => fk.columns.includes(column.name) && !(column.type === "text" && fk.evidence?.rule === "shared_name"));
}

/** Source of rows for sampling: the whole table when small, a block sample when large. */
function sampleSource(table: TableSnapshot, bytes: number): string {
  const name = qualified(table.schema, table.name);
  if (table.kind === "table" && bytes > LARGE_TABLE_BYTES) {
    const percent = Math.max(0.01, Math.min(100, (100 * LARGE_TABLE_BYTES) / bytes));
    return `${name} TABLESAMPLE SYSTEM (${percent.toFixed(4)})`;
  }
  return name;
}

/** Fills row counts where the planner has none (counting at most COUNT_CAP rows). */
export async function countRows(db: Queryable, tables: TableSnapshot[], report: (phase: string, done: number, total: number) => void): Promise<void> {
  const counts: Branch[] = [];
  for (const table of tables) {
    if (table.rowEstimate >= 0) continue;
    if (table.kind === "view") {
      table.rowEstimate = 0;
      continue;
    }
    counts.push({
      sql: `SELECT count(*)::float8 FROM (SELECT 1 FROM ${qualified(table.schema, table.name)} LIMIT ${COUNT_CAP}) c`,
      apply: (v) => (table.rowEstimate = Number(v)),
    });
  }
  await runBatched(db, "counts", counts, report);
}

/**
 * Fills distinct value samples of low-cardinality text columns and min/max of
 * date and number columns, using a few batched statements with bounded scans.
 */
export async function measureTables(
  db: Queryable,
  tables: TableSnapshot[],
  sizes: Map<TableSnapshot, number>,
  stats: Map<string, number>,
  sampleLimit: number,
  report: (phase: string, done: number, total: number) => void,
): Promise<void> {
  const samples: Branch[] = [];
  const ranges: Branch[] = [];
  for (const table of tables) {
    const bytes = sizes.get(table) ?? 0;
    if (table.kind === "table" && table.rowEstimate === 0) continue;
    const source = sampleSource(table, bytes);
    for (const column of table.columns) {
      if (!isSampleCandidate(table, column)) continue;
      const nDistinct = stats.get(`${table.schema}\u0000${table.name}\u0000${column.name}`);
      const estimated = nDistinct === undefined ? undefined : nDistinct < 0 ? -nDistinct * table.rowEstimate : nDistinct;
      if (estimated !== undefined && estimated > sampleLimit * 2) {
        column.distinct = Math.round(estimated);
        continue;
      }
      const col = quoteIdent(column.name);
      const limit = column.type === "text" ? sampleLimit : SMALL_DOMAIN;
      samples.push({
        sql: `SELECT ARRAY(SELECT v FROM (SELECT DISTINCT ${col}::text AS v FROM (SELECT ${col} FROM ${source} WHERE ${col} IS NOT NULL LIMIT ${SAMPLE_ROWS}) r) d ORDER BY v LIMIT ${limit + 1})`,
        apply: (v) => keepSamples(column, (v as string[] | null) ?? [], limit),
      });
    }
    const dated = table.columns.filter((c) => RANGED.includes(c.type) && !isKey(table, c));
    if (dated.length > 0) {
      const parts = dated.map((c) => `min(${quoteIdent(c.name)})::text, max(${quoteIdent(c.name)})::text`).join(", ");
      ranges.push({
        sql: `SELECT json_build_array(${parts}) FROM ${source}`,
        apply: (v) => {
          const values = (typeof v === "string" ? JSON.parse(v) : v) as (string | null)[];
          dated.forEach((c, i) => {
            c.min = values[2 * i] ?? null;
            c.max = values[2 * i + 1] ?? null;
          });
        },
      });
    }
  }
  await runBatched(db, "samples", samples, report);
  await runBatched(db, "date ranges", ranges, report);
}

function keepSamples(column: ColumnSnapshot, values: string[], limit: number): void {
  if (values.length > limit) {
    column.distinct = null;
    return;
  }
  column.distinct = values.length;
  if (column.type !== "text") {
    column.samples = values;
    return;
  }
  const short = values.filter((v) => v.length <= MAX_VALUE_LENGTH && /\p{L}/u.test(v));
  // Mostly long or letter-free values (notes, codes, phone numbers): nothing to link.
  if (short.length === 0 || short.length < values.length / 2) return;
  column.samples = short;
}
