import { SqlSandboxError } from "../errors.ts";
import { initParser, parserReady, parseStatements, statementText, treeSignature } from "./parser.ts";
import { QueryWalker, userSchemas, type TableRef } from "./walk.ts";

export type { TableRef } from "./walk.ts";

export interface GuardOptions {
  /** Schemas the query may read. System schemas (pg_catalog, information_schema, any pg_*) never, even when listed. */
  allowedSchemas: readonly string[];
  /** "schema.table" names of the data source; when given, any other table is SQL_UNKNOWN_OBJECT. */
  knownTables?: ReadonlySet<string>;
  /** In characters; default 50 000. */
  maxLength?: number;
  /** Parse-tree depth; default 1000. */
  maxDepth?: number;
}

declare const guarded: unique symbol;

/**
 * SQL that passed the guard. Executors accept only this type, and only this
 * module creates it, so unchecked text cannot reach a data source by accident.
 */
export interface GuardedSql {
  /** The single statement, without comments or trailing semicolon. */
  readonly sql: string;
  /** Tables the query reads (CTE names excluded), deduplicated. */
  readonly tables: readonly TableRef[];
  /** The schemas unqualified names were resolved against; executors set it as search_path. */
  readonly searchPath: readonly string[];
  readonly [guarded]: true;
}

export const defaultMaxLength = 50_000;
const defaultMaxDepth = 1000;

/** Loads the parser; needed once before `guardSqlSync`. */
export function initGuard(): Promise<void> {
  return initParser();
}

export async function guardSql(sql: string, options: GuardOptions): Promise<GuardedSql> {
  await initParser();
  return guardSqlSync(sql, options);
}

/**
 * Accepts exactly one read-only SELECT over the allowed schemas, or throws a
 * SqlSandboxError saying why not. The decision is made on PostgreSQL's own
 * parse tree; nothing here looks at the text with patterns.
 */
export function guardSqlSync(sql: string, options: GuardOptions): GuardedSql {
  if (!parserReady()) throw new Error("guardSqlSync called before initGuard() finished");
  try {
    return check(sql, options);
  } catch (error) {
    if (error instanceof SqlSandboxError) throw error;
    // Only pathological input gets here (a parse tree too deep for the JS stack).
    if (error instanceof RangeError) throw new SqlSandboxError("SQL_TOO_LONG", "The query is nested too deeply.", { cause: error });
    throw new SqlSandboxError("SQL_PARSE_ERROR", "The query could not be checked.", { cause: error });
  }
}

function check(sql: string, options: GuardOptions): GuardedSql {
  const maxLength = options.maxLength ?? defaultMaxLength;
  if (sql.length > maxLength) {
    throw new SqlSandboxError("SQL_TOO_LONG", `The query is ${sql.length} characters long; the limit is ${maxLength}.`);
  }
  // The parser reads C strings: text after a NUL would be invisible to it but not to every server path.
  if (sql.includes("\u0000")) {
    throw new SqlSandboxError("SQL_PARSE_ERROR", "The query contains a NUL character.");
  }
  const statements = parseStatements(sql);
  if (statements.length === 0) throw new SqlSandboxError("SQL_PARSE_ERROR", "The query is empty.");
  if (statements.length > 1) {
    throw new SqlSandboxError("SQL_MULTIPLE_STATEMENTS", `The query contains ${statements.length} statements; send exactly one.`);
  }
  const statement = statements[0]!;
  const walker = new QueryWalker({
    allowedSchemas: options.allowedSchemas,
    knownTables: options.knownTables,
    maxDepth: options.maxDepth ?? defaultMaxDepth,
  });
  walker.statement(statement.stmt);

  const text = statementText(sql, statement);
  const reparsed = parseStatements(text);
  if (reparsed.length !== 1 || treeSignature(reparsed[0]!.stmt) !== treeSignature(statement.stmt)) {
    // Removing comments must never change the query; refuse rather than run something else.
    throw new SqlSandboxError("SQL_PARSE_ERROR", "The query could not be normalised safely.");
  }
  return {
    sql: text,
    tables: [...walker.tables.values()],
    searchPath: userSchemas(options.allowedSchemas),
  } as unknown as GuardedSql;
}
