import { SqlSandboxError, toSqlSandboxError, type InterruptReason } from "../../errors.ts";

/**
 * DuckDB failures as typed errors. DuckDB reports a class name before the
 * message ("Catalog Error: ...") instead of a SQLSTATE; the classes that mean
 * something to callers get their codes, the rest are QUERY_FAILED.
 */
export function toDuckdbError(error: unknown, interrupted?: InterruptReason): SqlSandboxError {
  if (error instanceof SqlSandboxError) return error;
  if (interrupted) return toSqlSandboxError(error, interrupted);
  const message = error instanceof Error ? error.message : String(error);
  if (/^Parser Error/i.test(message)) return new SqlSandboxError("SQL_PARSE_ERROR", message, { cause: error });
  if (/^Catalog Error: (Table|View|Schema) with name/i.test(message)) return new SqlSandboxError("SQL_UNKNOWN_OBJECT", message, { cause: error });
  if (/read-only (transaction|mode)|in read only mode|attached in read-only/i.test(message)) {
    return new SqlSandboxError("SQL_NOT_READ_ONLY", message, { cause: error });
  }
  if (/^INTERRUPT Error/i.test(message)) return new SqlSandboxError("QUERY_CANCELLED", message, { cause: error });
  if (/^Out of Memory Error/i.test(message)) {
    return new SqlSandboxError("QUERY_FAILED", message, { cause: error, hint: "The query needs more memory than the data source may use; filter or aggregate more." });
  }
  return new SqlSandboxError("QUERY_FAILED", message, { cause: error });
}
