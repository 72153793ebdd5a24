import type { ColumnSnapshot, Queryable, SchemaSnapshot, TableSnapshot } from "../snapshot.ts";
import { COLUMNS_SQL, CONSTRAINTS_SQL, STATS_SQL, TABLES_SQL } from "./catalog.ts";
import { inferKeysAndReferences } from "./infer-keys.ts";
import { countRows, measureTables } from "./measure.ts";
import { valueTypeOf } from "./types.ts";

export interface IntrospectProgress {
  phase: string;
  done: number;
  total: number;
}

export interface IntrospectOptions {
  /** Schemas to read; every non-system schema when omitted or empty. */
  schemas?: string[];
  onProgress?: (p: IntrospectProgress) => void;
  /** Most distinct values kept per low-cardinality text column (default 1000). */
  sampleLimit?: number;
}

export class IntrospectionError extends Error {
  readonly code = "INTROSPECTION_FAILED";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "IntrospectionError";
  }
}

interface TableRow extends Record<string, unknown> {
  schema: string;
  name: string;
  kind: string;
  comment: string | null;
  reltuples: number;
  bytes: number;
}

interface ColumnRow extends Record<string, unknown> {
  schema: string;
  table: string;
  name: string;
  db_type: string;
  type_name: string;
  type_category: string;
  type_kind: string;
  nullable: boolean;
  comment: string | null;
  enum_labels: string[] | null;
}

interface ConstraintRow extends Record<string, unknown> {
  schema: string;
  table: string;
  name: string;
  type: "p" | "u" | "f";
  columns: string[];
  ref_schema: string | null;
  ref_table: string | null;
  ref_columns: string[] | null;
}

interface StatsRow extends Record<string, unknown> {
  schema: string;
  table: string;
  column: string;
  n_distinct: number;
}

const keyOf = (schema: string, table: string) => `${schema}\u0000${table}`;

/**
 * Reads tables, views, columns, keys, comments, row counts, value samples and
 * date ranges of a PostgreSQL database with a fixed handful of set-based
 * queries (plus batched sampling), so hundreds of tables take seconds.
 */
export async function introspectPostgres(db: Queryable, opts: IntrospectOptions = {}): Promise<SchemaSnapshot> {
  const schemas = opts.schemas && opts.schemas.length > 0 ? opts.schemas : null;
  const report = (phase: string, done: number, total: number) => opts.onProgress?.({ phase, done, total });
  const run = async <R extends Record<string, unknown>>(phase: string, sql: string): Promise<R[]> => {
    try {
      return (await db.query<R>(sql, [schemas])).rows;
    } catch (error) {
      throw new IntrospectionError(`Reading the catalog failed (${phase}): ${(error as Error).message}`, {
        cause: error,
      });
    }
  };

  report("catalog", 0, 4);
  const tableRows = await run<TableRow>("tables", TABLES_SQL);
  report("catalog", 1, 4);
  const columnRows = await run<ColumnRow>("columns", COLUMNS_SQL);
  report("catalog", 2, 4);
  const constraintRows = await run<ConstraintRow>("constraints", CONSTRAINTS_SQL);
  report("catalog", 3, 4);
  const statsRows = await run<StatsRow>("statistics", STATS_SQL);
  report("catalog", 4, 4);

  const tables = new Map<string, TableSnapshot>();
  const sizes = new Map<TableSnapshot, number>();
  for (const row of tableRows) {
    const table: TableSnapshot = {
      schema: row.schema,
      name: row.name,
      kind: row.kind === "v" || row.kind === "m" ? "view" : "table",
      comment: row.comment,
      rowEstimate: Math.max(0, Math.round(Number(row.reltuples))),
      columns: [],
      primaryKey: [],
      foreignKeys: [],
    };
    // reltuples is -1 (never analyzed) or 0 (maybe stale) right after a load.
    if (Number(row.reltuples) <= 0) table.rowEstimate = -1;
    tables.set(keyOf(row.schema, row.name), table);
    sizes.set(table, Number(row.bytes));
  }

  for (const row of columnRows) {
    const table = tables.get(keyOf(row.schema, row.table));
    if (!table) continue;
    const column: ColumnSnapshot = {
      name: row.name,
      dbType: row.db_type,
      type: valueTypeOf(row.type_name, row.type_category, row.type_kind),
      nullable: row.nullable,
      comment: row.comment,
    };
    if (row.enum_labels && row.enum_labels.length > 0) {
      column.samples = row.enum_labels;
      column.distinct = row.enum_labels.length;
    }
    table.columns.push(column);
  }

  for (const row of constraintRows) {
    const table = tables.get(keyOf(row.schema, row.table));
    if (!table) continue;
    if (row.type === "p") table.primaryKey = row.columns;
    const only = row.columns.length === 1 ? table.columns.find((c) => c.name === row.columns[0]) : undefined;
    if (row.type === "u" && only && !only.nullable) table.uniqueColumns = [...(table.uniqueColumns ?? []), only.name];
    if (row.type === "f" && row.ref_schema && row.ref_table) {
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        refSchema: row.ref_schema,
        refTable: row.ref_table,
        refColumns: row.ref_columns ?? [],
        inferred: false,
      });
    }
  }

  const stats = new Map<string, number>();
  for (const row of statsRows) stats.set(`${keyOf(row.schema, row.table)}\u0000${row.column}`, Number(row.n_distinct));

  const list = [...tables.values()];
  await countRows(db, list, report);
  await inferKeysAndReferences(db, list, report);
  await measureTables(db, list, sizes, stats, opts.sampleLimit ?? 1000, report);

  return {
    dialect: "postgres",
    introspectedAt: new Date().toISOString(),
    schemas: schemas ?? [...new Set(list.map((t) => t.schema))].sort(),
    tables: list,
  };
}
