/** A file a folder source loads as one table. */
export interface FileTable {
  /** Table name in schema `main`, derived from the file name. */
  table: string;
  /** Real path (symlinks resolved), already checked against the file policy. */
  file: string;
  format: "csv" | "tsv" | "parquet";
}

/**
 * What a DuckDB data source reads, as the file policy resolved it just before
 * opening: a folder of CSV/TSV/Parquet files loaded into memory, or one
 * DuckDB database file opened read-only.
 */
export type DuckdbFiles = { kind: "folder"; tables: FileTable[] } | { kind: "database"; file: string };
