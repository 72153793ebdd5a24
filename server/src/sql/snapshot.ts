/**
 * What introspection learns about a data source. Stored on the DataSource row
 * (JSON) and turned into a semantic model by `semantic/bootstrap.ts`.
 */

/** Portable value types, shared by snapshots, result columns and the engine. */
export type ValueType =
  | "integer"
  | "bigint"
  | "decimal"
  | "float"
  | "text"
  | "boolean"
  | "date"
  | "timestamp"
  | "time"
  | "interval"
  | "json"
  | "uuid"
  | "binary"
  | "array"
  | "other";

export interface ColumnSnapshot {
  name: string;
  /** The database's own type name, e.g. `numeric(10,2)`. */
  dbType: string;
  type: ValueType;
  nullable: boolean;
  comment: string | null;
  /**
   * Distinct values (as text) of low-cardinality text columns, for value linking,
   * and of tiny-domain integer/boolean columns (flags); absent otherwise.
   */
  samples?: string[];
  /** Estimated number of distinct values (from statistics or the sample), when known. */
  distinct?: number | null;
  /**
   * Smallest and largest value (as text) of date/timestamp and numeric non-key
   * columns: relative periods ("last 3 months") are anchored to the data's
   * latest date, and ranges tell a 0–1 fraction from an amount.
   */
  min?: string | null;
  max?: string | null;
}

/** Why an undeclared reference was inferred. */
export interface ReferenceEvidence {
  /**
   * The naming rule that proposed it: `names_table` (`customer_id` → the key of
   * `customer(s)`), `same_name_as_key` (a column named like another table's key),
   * `shared_name` (a specific name such as `city_name`, unique on the referenced side).
   */
  rule: "names_table" | "same_name_as_key" | "shared_name";
  /** Share of the sampled distinct values found in the referenced column; null when not measured. */
  containment: number | null;
  /** Distinct referencing values checked. */
  sampled: number;
}

export interface ForeignKeySnapshot {
  name: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
  /** Declared in the database, or inferred from names, types and values. */
  inferred: boolean;
  /** Present on inferred references. */
  evidence?: ReferenceEvidence;
}

export interface TableSnapshot {
  schema: string;
  name: string;
  kind: "table" | "view";
  comment: string | null;
  rowEstimate: number;
  columns: ColumnSnapshot[];
  primaryKey: string[];
  /** The primary key is not declared: a column named like a key, non-null and unique in the data. */
  primaryKeyInferred?: boolean;
  /** Single columns known to be unique and non-null: declared unique, or so in the sampled rows. */
  uniqueColumns?: string[];
  foreignKeys: ForeignKeySnapshot[];
}

export interface SchemaSnapshot {
  dialect: "postgres";
  introspectedAt: string;
  schemas: string[];
  tables: TableSnapshot[];
}

/** The least a connection must offer to be introspected or queried. */
export interface Queryable {
  query<R extends Record<string, unknown> = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: R[] }>;
}
