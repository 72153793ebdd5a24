import { hasSqlDetails, loadModule, parseSync, scanSync } from "libpg-query";
import { SqlSandboxError } from "../errors.ts";

/** PostgreSQL's own parser (libpg-query, WASM). Loaded once per process or worker. */
let loading: Promise<void> | undefined;
let loaded = false;

export function initParser(): Promise<void> {
  loading ??= loadModule().then(() => {
    loaded = true;
  });
  return loading;
}

export function parserReady(): boolean {
  return loaded;
}

export interface RawStatement {
  stmt: unknown;
  /** Byte offsets into the UTF-8 text; a length of 0 means "to the end". */
  stmt_location?: number;
  stmt_len?: number;
}

export function parseStatements(sql: string): RawStatement[] {
  try {
    const result = parseSync(sql) as unknown as { stmts?: RawStatement[] };
    return result.stmts ?? [];
  } catch (error) {
    throw parseError(error);
  }
}

function parseError(error: unknown): SqlSandboxError {
  if (error instanceof RangeError) return new SqlSandboxError("SQL_TOO_LONG", "The query is nested too deeply.", { cause: error });
  if (hasSqlDetails(error) && error.sqlDetails) {
    // Bison's stack limit: the statement nests deeper than PostgreSQL itself accepts.
    if (/memory exhausted/.test(error.sqlDetails.message)) {
      return new SqlSandboxError("SQL_TOO_LONG", "The query is nested too deeply.", { cause: error });
    }
    const position = error.sqlDetails.cursorPosition;
    return new SqlSandboxError("SQL_PARSE_ERROR", `Syntax error: ${error.sqlDetails.message}`, {
      details: position >= 0 ? { position: position + 1 } : {},
      cause: error,
    });
  }
  return new SqlSandboxError("SQL_PARSE_ERROR", `The SQL could not be parsed: ${error instanceof Error ? error.message : String(error)}`, {
    cause: error,
  });
}

/**
 * The statement's text without comments or the trailing semicolon, so it can be
 * wrapped (as a cursor or a subquery) without a `--` comment swallowing what follows.
 */
export function statementText(sql: string, statement: RawStatement): string {
  const bytes = Buffer.from(sql, "utf8");
  const start = statement.stmt_location ?? 0;
  const end = statement.stmt_len ? start + statement.stmt_len : bytes.length;
  const slice = bytes.subarray(start, end);
  let tokens;
  try {
    tokens = scanSync(slice.toString("utf8")).tokens;
  } catch (error) {
    throw parseError(error);
  }
  const parts: Buffer[] = [];
  let at = 0;
  for (const token of tokens) {
    if (token.tokenName !== "C_COMMENT" && token.tokenName !== "SQL_COMMENT") continue;
    parts.push(slice.subarray(at, token.start), Buffer.from(" "));
    at = token.end;
  }
  parts.push(slice.subarray(at));
  return Buffer.concat(parts).toString("utf8").trim();
}

const positionKeys = new Set(["location", "stmt_location", "stmt_len", "rexpr_list_start", "rexpr_list_end", "list_start", "list_end"]);

/** The parse tree as a string, without source positions: equal strings mean equal queries. */
export function treeSignature(tree: unknown): string {
  return JSON.stringify(tree, (key, value: unknown) => (positionKeys.has(key) ? undefined : value));
}
