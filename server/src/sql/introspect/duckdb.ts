import { duckdbTypeInfo } from "../executor/duckdb/types.ts";
import type { ColumnSnapshot, Queryable, SchemaSnapshot, TableSnapshot } from "../snapshot.ts";
import { isSystemSchema } from "../system-schemas.ts";
import { inferKeysAndReferences } from "./infer-keys.ts";
import { countRows, measureTables } from "./measure.ts";
import { IntrospectionError, type IntrospectOptions } from "./postgres.ts";
import { valueTypeOf } from "./types.ts";

/** The database's own objects: not DuckDB's built-in views, not other attached catalogues. */
const own = "NOT internal AND database_name = current_database()";

const TABLES_SQL = `
SELECT schema_name AS schema, table_name AS name, 'table' AS kind, comment FROM duckdb_tables() WHERE ${own} AND NOT temporary
UNION ALL
SELECT schema_name, view_name, 'view', comment FROM duckdb_views() WHERE ${own} AND NOT temporary
ORDER BY 1, 2`;

const COLUMNS_SQL = `
SELECT schema_name AS schema, table_name AS "table", column_name AS name, data_type AS db_type, is_nullable AS nullable, comment
FROM duckdb_columns() WHERE ${own}
ORDER BY schema_name, table_name, column_index`;

const CONSTRAINTS_SQL = `
SELECT schema_name AS schema, table_name AS "table", constraint_name AS name, constraint_type AS type,
  constraint_column_names AS columns, referenced_table AS ref_table, referenced_column_names AS ref_columns
FROM duckdb_constraints() WHERE database_name = current_database() AND constraint_type IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
ORDER BY schema_name, table_name, constraint_index`;

interface TableRow extends Record<string, unknown> {
  schema: string;
  name: string;
  kind: "table" | "view";
  comment: string | null;
}

interface ColumnRow extends Record<string, unknown> {
  schema: string;
  table: string;
  name: string;
  db_type: string;
  nullable: boolean;
  comment: string | null;
}

interface ConstraintRow extends Record<string, unknown> {
  schema: string;
  table: string;
  name: string;
  type: "PRIMARY KEY" | "UNIQUE" | "FOREIGN KEY";
  columns: string[];
  ref_table: string | null;
  ref_columns: string[] | null;
}

const keyOf = (schema: string, table: string) => `${schema}\u0000${table}`;

/**
 * The same snapshot introspectPostgres produces, read from DuckDB's catalogue
 * functions. Rows are counted (DuckDB keeps no planner statistics worth
 * trusting for loaded files), then keys, references, samples and ranges are
 * found by the shared code, whose SQL the executor adapts to DuckDB.
 */
export async function introspectDuckdb(db: Queryable, opts: IntrospectOptions = {}): Promise<SchemaSnapshot> {
  const wanted = opts.schemas && opts.schemas.length > 0 ? new Set(opts.schemas) : null;
  const keep = (schema: string) => !isSystemSchema(schema) && (wanted === null || wanted.has(schema));
  const report = (phase: string, done: number, total: number) => opts.onProgress?.({ phase, done, total });
  const run = async <R extends Record<string, unknown>>(phase: string, sql: string): Promise<R[]> => {
    try {
      return (await db.query<R>(sql)).rows.filter((row) => keep(String(row.schema)));
    } catch (error) {
      throw new IntrospectionError(`Reading the catalog failed (${phase}): ${(error as Error).message}`, { cause: error });
    }
  };

  report("catalog", 0, 3);
  const tableRows = await run<TableRow>("tables", TABLES_SQL);
  report("catalog", 1, 3);
  const columnRows = await run<ColumnRow>("columns", COLUMNS_SQL);
  report("catalog", 2, 3);
  const constraintRows = await run<ConstraintRow>("constraints", CONSTRAINTS_SQL);
  report("catalog", 3, 3);

  const tables = new Map<string, TableSnapshot>();
  for (const row of tableRows) {
    tables.set(keyOf(row.schema, row.name), {
      schema: row.schema,
      name: row.name,
      kind: row.kind,
      comment: row.comment ?? null,
      rowEstimate: -1,
      columns: [],
      primaryKey: [],
      foreignKeys: [],
    });
  }
  for (const row of columnRows) {
    const table = tables.get(keyOf(row.schema, row.table));
    if (!table) continue;
    const info = duckdbTypeInfo(row.db_type);
    const column: ColumnSnapshot = {
      name: row.name,
      dbType: row.db_type,
      type: valueTypeOf(info.name, info.category, info.kind),
      nullable: Boolean(row.nullable),
      comment: row.comment ?? null,
    };
    table.columns.push(column);
  }
  for (const row of constraintRows) {
    const table = tables.get(keyOf(row.schema, row.table));
    if (!table) continue;
    if (row.type === "PRIMARY KEY") table.primaryKey = row.columns;
    const only = row.columns.length === 1 ? table.columns.find((c) => c.name === row.columns[0]) : undefined;
    if (row.type === "UNIQUE" && only && !only.nullable) table.uniqueColumns = [...(table.uniqueColumns ?? []), only.name];
    // DuckDB names the referenced table only; a reference stays within its schema.
    if (row.type === "FOREIGN KEY" && row.ref_table) {
      table.foreignKeys.push({
        name: row.name,
        columns: row.columns,
        refSchema: row.schema,
        refTable: row.ref_table,
        refColumns: row.ref_columns ?? [],
        inferred: false,
      });
    }
  }

  const list = [...tables.values()];
  await countRows(db, list, report);
  await inferKeysAndReferences(db, list, report);
  // No size statistics: every table is read whole (within the sampling row caps).
  await measureTables(db, list, new Map(), new Map(), opts.sampleLimit ?? 1000, report);

  return {
    // The SQL dialect of the model built from this snapshot: the engine writes PostgreSQL's, the executor adapts it.
    dialect: "postgres",
    introspectedAt: new Date().toISOString(),
    schemas: wanted ? [...wanted].sort() : [...new Set(list.map((t) => t.schema))].sort(),
    tables: list,
  };
}
