/**
 * Typed failures of the SQL sandbox (guard + executors). Every error that leaves
 * `sql/guard` or `sql/executor` is a `SqlSandboxError` with one of these codes;
 * callers switch on `code`, show `hint` to people, and may show `message`.
 */
export const sqlErrorCodes = {
  SQL_PARSE_ERROR: "The SQL could not be parsed.",
  SQL_TOO_LONG: "The SQL is longer or more deeply nested than allowed.",
  SQL_MULTIPLE_STATEMENTS: "More than one SQL statement was sent.",
  SQL_NOT_READ_ONLY: "The SQL is not a read-only SELECT.",
  SQL_UNSUPPORTED_SYNTAX: "The SQL uses a construct the sandbox does not vouch for.",
  SQL_FORBIDDEN_FUNCTION: "The SQL calls a function that is not on the allow-list.",
  SQL_FORBIDDEN_TYPE: "The SQL casts to a type that is not on the allow-list.",
  SQL_FORBIDDEN_COLUMN: "The SQL reads a system column.",
  SQL_FORBIDDEN_SCHEMA: "The SQL reads a schema outside the data source's allowed schemas.",
  SQL_UNKNOWN_OBJECT: "The SQL names a table the data source does not have.",
  QUERY_TIMEOUT: "The query ran longer than its time limit.",
  QUERY_CANCELLED: "The query was cancelled.",
  QUERY_FAILED: "The database rejected or failed the query.",
  RESULT_TOO_LARGE: "A value or a row of the result is larger than allowed.",
  DATA_SOURCE_BAD_URL: "The connection URL is malformed or unsupported.",
  DATA_SOURCE_UNREACHABLE: "The database server could not be reached.",
  DATA_SOURCE_AUTH_FAILED: "The database refused the user name or password.",
  DATA_SOURCE_NOT_FOUND: "The database named in the connection does not exist.",
  DATA_SOURCE_CLOSED: "The data source connection was closed.",
  DATA_SOURCE_HOST_NOT_ALLOWED: "The connection points at a host the connection policy refuses (loopback, private, link-local, or the app's own database).",
  DATA_SOURCE_PATH_NOT_ALLOWED: "The connection names a file or folder outside FILE_SOURCES_DIR, or a file there that links outside it.",
} as const;

export type SqlErrorCode = keyof typeof sqlErrorCodes;

export interface SqlErrorDetails {
  /** PostgreSQL SQLSTATE, for QUERY_FAILED and database-reported failures. */
  sqlstate?: string;
  /** 1-based character position in the SQL, when the parser or database gave one. */
  position?: number;
  /** The offending name: function, type, schema, table or column. */
  name?: string;
  /** Low-level cause code, e.g. ECONNREFUSED. */
  cause?: string;
  /** RESULT_TOO_LARGE: the cap that was exceeded and the size that exceeded it, in bytes. */
  limit?: number;
  size?: number;
}

const defaultHints: Record<SqlErrorCode, string> = {
  SQL_PARSE_ERROR: "Check the SQL syntax.",
  SQL_TOO_LONG: "Send a shorter, simpler query.",
  SQL_MULTIPLE_STATEMENTS: "Send exactly one SELECT statement.",
  SQL_NOT_READ_ONLY: "Only SELECT queries (including WITH, UNION and VALUES) may run on a data source.",
  SQL_UNSUPPORTED_SYNTAX: "Rewrite the query with plain SELECT, joins, subqueries, CTEs and common functions.",
  SQL_FORBIDDEN_FUNCTION: "Use common aggregate, window, date, text, math or JSON functions only.",
  SQL_FORBIDDEN_TYPE: "Cast to common types only (numbers, text, dates, timestamps, booleans, JSON, UUID).",
  SQL_FORBIDDEN_COLUMN: "Select the table's own columns instead of system columns.",
  SQL_FORBIDDEN_SCHEMA: "Query only the tables of this data source's schemas.",
  SQL_UNKNOWN_OBJECT: "Use one of the data source's tables; refresh the data source if it changed.",
  QUERY_TIMEOUT: "Narrow the question (filters, a shorter period) or raise the time limit.",
  QUERY_CANCELLED: "Run the question again when you are ready.",
  QUERY_FAILED: "The database reported an error; check the names and types in the query.",
  RESULT_TOO_LARGE: "Select fewer or shorter columns (for example left(column, 200)), or aggregate instead of listing raw values.",
  DATA_SOURCE_BAD_URL: "Use postgresql://user:password@host:port/database, or duckdb:///folder or duckdb:///file.duckdb inside the file sources folder.",
  DATA_SOURCE_UNREACHABLE: "Check the host name and port, and that the server accepts connections from here.",
  DATA_SOURCE_AUTH_FAILED: "Check the user name and password.",
  DATA_SOURCE_NOT_FOUND: "Check the database name in the connection URL.",
  DATA_SOURCE_CLOSED: "Reopen the data source.",
  DATA_SOURCE_HOST_NOT_ALLOWED: "Use a publicly reachable database server, or ask an administrator to list the host in DATA_SOURCE_ALLOWED_HOSTS.",
  DATA_SOURCE_PATH_NOT_ALLOWED: "Put the files in the server's file sources folder (FILE_SOURCES_DIR) and name a path inside it.",
};

export class SqlSandboxError extends Error {
  readonly code: SqlErrorCode;
  /** A short, actionable sentence for the person using the product. */
  readonly hint: string;
  readonly details: SqlErrorDetails;

  constructor(code: SqlErrorCode, message: string, options: { hint?: string; details?: SqlErrorDetails; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SqlSandboxError";
    this.code = code;
    this.hint = options.hint ?? defaultHints[code];
    this.details = options.details ?? {};
  }

  /** Plain data, for crossing a worker boundary or storing on a run. */
  toJSON(): { code: SqlErrorCode; message: string; hint: string; details: SqlErrorDetails } {
    return { code: this.code, message: this.message, hint: this.hint, details: this.details };
  }
}

export function isSqlSandboxError(error: unknown): error is SqlSandboxError {
  return error instanceof SqlSandboxError;
}

export function isSqlErrorCode(value: unknown): value is SqlErrorCode {
  return typeof value === "string" && Object.hasOwn(sqlErrorCodes, value);
}

/** Why a running query was interrupted by us, when it was. */
export type InterruptReason = "timeout" | "cancelled";

const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "ENOENT", // Unix socket path missing
]);

interface DriverErrorLike {
  code?: unknown;
  message?: unknown;
  position?: unknown;
  hint?: unknown;
  details?: unknown;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * The one place where driver failures (pg / PGlite errors with a SQLSTATE, Node
 * network errors, connection timeouts) become typed errors. `interrupted` says
 * whether we cancelled the query ourselves, which decides timeout vs cancel.
 */
export function toSqlSandboxError(error: unknown, interrupted?: InterruptReason): SqlSandboxError {
  if (error instanceof SqlSandboxError) return error;
  if (interrupted) return interruptError(interrupted);
  const e = (typeof error === "object" && error !== null ? error : {}) as DriverErrorLike;
  const code = text(e.code);
  const message = text(e.message) || String(error);
  const position = Number(text(e.position)) || undefined;
  // A sandbox error that crossed a worker boundary as plain data.
  if (isSqlErrorCode(code)) {
    return new SqlSandboxError(code, message, {
      hint: text(e.hint) || undefined,
      details: typeof e.details === "object" && e.details !== null ? (e.details as SqlErrorDetails) : undefined,
      cause: error,
    });
  }

  if (networkCodes.has(code)) {
    return new SqlSandboxError("DATA_SOURCE_UNREACHABLE", `Cannot reach the database server (${code}).`, {
      details: { cause: code },
      cause: error,
      hint: code === "ENOTFOUND" || code === "EAI_AGAIN" ? "The host name could not be resolved; check it." : undefined,
    });
  }
  if (/timeout expired|timeout exceeded|connection timeout|Connection terminated/i.test(message) && !/^[0-9A-Z]{5}$/.test(code)) {
    return new SqlSandboxError("DATA_SOURCE_UNREACHABLE", `Lost or could not open the connection: ${message}`, { cause: error });
  }
  if (!/^[0-9A-Z]{5}$/.test(code)) {
    return new SqlSandboxError("QUERY_FAILED", message, { cause: error });
  }
  const details: SqlErrorDetails = { sqlstate: code, ...(position ? { position } : {}) };
  switch (code) {
    case "28P01":
    case "28000":
      return new SqlSandboxError("DATA_SOURCE_AUTH_FAILED", message, { details, cause: error });
    case "3D000":
      return new SqlSandboxError("DATA_SOURCE_NOT_FOUND", message, { details, cause: error });
    case "57014":
      return /statement timeout/i.test(message) ? interruptError("timeout") : interruptError("cancelled");
    case "25006": // read_only_sql_transaction: the transaction caught what the guard let through
      return new SqlSandboxError("SQL_NOT_READ_ONLY", message, { details, cause: error });
    case "42P01":
      return new SqlSandboxError("SQL_UNKNOWN_OBJECT", message, { details, cause: error });
    case "42601":
      return new SqlSandboxError("SQL_PARSE_ERROR", message, { details, cause: error });
    case "57P01":
    case "57P02":
    case "57P03":
      return new SqlSandboxError("DATA_SOURCE_UNREACHABLE", message, { details, cause: error });
  }
  if (code.startsWith("08")) {
    return new SqlSandboxError("DATA_SOURCE_UNREACHABLE", message, { details, cause: error });
  }
  return new SqlSandboxError("QUERY_FAILED", message, { details, cause: error });
}

export function interruptError(reason: InterruptReason): SqlSandboxError {
  return reason === "timeout"
    ? new SqlSandboxError("QUERY_TIMEOUT", "The query ran longer than its time limit and was stopped.")
    : new SqlSandboxError("QUERY_CANCELLED", "The query was cancelled.");
}
