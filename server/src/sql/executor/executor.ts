import type { GuardedSql } from "../guard/guard.ts";
import type { Queryable, ValueType } from "../snapshot.ts";
import type { QueryPlan, SessionResult } from "./read-only-session.ts";

export type { QueryPlan } from "./read-only-session.ts";
import type { ResultCaps } from "./result-size.ts";
import { convertValue, valueTypeOfInfo, type CellValue } from "./values.ts";

export interface RunOptions {
  /** Wall-clock limit for the query, enforced by the server and by the executor. */
  timeoutMs: number;
  /** Rows returned at most; `truncated` says whether more existed. */
  maxRows: number;
  /** Keep rows until about this many bytes of values arrived, then truncate; default 32 MiB. */
  maxBytes?: number;
  /** A row larger than this (as text) fails the run with RESULT_TOO_LARGE; default 1 MiB. */
  maxRowBytes?: number;
  /** A value larger than this fails the run with RESULT_TOO_LARGE; default 256 KiB. */
  maxValueBytes?: number;
  /** "fail": a result over maxBytes fails with RESULT_TOO_LARGE instead of being truncated (exports); default "truncate". */
  overBytes?: "truncate" | "fail";
  signal?: AbortSignal;
}

export interface ResultColumn {
  name: string;
  type: ValueType;
  /** The database's type name, e.g. "numeric", "timestamp with time zone", "text[]". */
  dbType: string;
  /** A key shown beside the names of the groups it identifies: kept in the result and exports, hidden in a table. */
  hidden?: boolean;
}

export interface QueryResult {
  columns: ResultColumn[];
  rows: CellValue[][];
  rowCount: number;
  truncated: boolean;
  durationMs: number;
}

/**
 * Runs guarded SQL on one data source. Implementations: PostgresExecutor
 * (a pooled connection per query), PgliteExecutor (an embedded database in
 * a worker thread) and DuckdbExecutor (files, in process). All return the same value shapes (see values.ts).
 */
export interface SqlExecutor {
  /**
   * The SQL the database speaks. Callers always send PostgreSQL's (the guard
   * checks it); a "duckdb" executor adapts it (see sql/dialect/duckdb.ts).
   */
  readonly dialect: "postgres" | "duckdb";
  run(query: GuardedSql, options: RunOptions): Promise<QueryResult>;
  /** EXPLAIN without running: validates names and types on the database and estimates the size. */
  explain(query: GuardedSql, options: { timeoutMs: number; signal?: AbortSignal }): Promise<QueryPlan>;
  /** Connects and runs a trivial query; throws DATA_SOURCE_* errors. */
  test(): Promise<void>;
  /** Read-only access for trusted catalogue queries (introspection); each call is its own transaction. */
  introspectionQueryable(options?: { timeoutMs?: number }): Queryable;
  close(): Promise<void>;
}

export const defaultMaxBytes = 32 * 1024 * 1024;
export const defaultMaxRowBytes = 1024 * 1024;
export const defaultMaxValueBytes = 256 * 1024;

/** The caps of one run, defaults filled in. */
export function resultCaps(options: RunOptions): ResultCaps {
  return {
    maxRows: options.maxRows,
    maxBytes: options.maxBytes ?? defaultMaxBytes,
    maxRowBytes: options.maxRowBytes ?? defaultMaxRowBytes,
    maxValueBytes: options.maxValueBytes ?? defaultMaxValueBytes,
    overBytes: options.overBytes ?? "truncate",
  };
}

/** Limits come from configuration and code, not from users: nonsense is a programming error. */
export function checkRunOptions(options: RunOptions): void {
  if (!Number.isSafeInteger(options.maxRows) || options.maxRows < 0) throw new RangeError(`maxRows must be a non-negative integer, got ${options.maxRows}`);
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) throw new RangeError(`timeoutMs must be a positive number, got ${options.timeoutMs}`);
  for (const cap of ["maxBytes", "maxRowBytes", "maxValueBytes"] as const) {
    const value = options[cap];
    if (value !== undefined && !(value > 0)) throw new RangeError(`${cap} must be positive, got ${value}`);
  }
}

export function toQueryResult(raw: SessionResult, durationMs: number): QueryResult {
  const types = raw.columns.map((c) => c.type);
  return {
    columns: raw.columns.map((c) => ({ name: c.name, type: valueTypeOfInfo(c.type), dbType: c.type.dbType })),
    rows: raw.rows.map((row) => row.map((value, i) => convertValue(value, types[i]!))),
    rowCount: raw.rows.length,
    truncated: raw.truncated,
    durationMs,
  };
}
