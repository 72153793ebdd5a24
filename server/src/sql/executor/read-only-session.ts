import type { RawConnection } from "./raw-connection.ts";
import { ResultBudget, type ResultCaps } from "./result-size.ts";
import { rowTooLarge, sizeCheckFailure, withSizeChecks } from "./size-check.ts";
import type { TypeCatalog, TypeInfo } from "./type-catalog.ts";

export interface SessionLimits extends ResultCaps {
  timeoutMs: number;
  searchPath: readonly string[];
  /** Called between round trips; throws when the caller gave up (timeout, cancel). */
  checkpoint(): void;
}

export interface SessionResult {
  columns: { name: string; type: TypeInfo }[];
  rows: (string | null)[][];
  truncated: boolean;
}

const cursor = "agentmedha_result";

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function positiveInt(n: number): number {
  return Math.max(1, Math.floor(n));
}

/**
 * The statements that open every user query. The session settings make the
 * server read the SQL the way the guard's parser did (standard strings), make
 * unqualified names resolve in the data source's schemas only, and make dates
 * come back in ISO form while keeping the server's day/month input order.
 */
export function openTransactionSql(limits: Pick<SessionLimits, "timeoutMs" | "searchPath">): string {
  const timeout = positiveInt(limits.timeoutMs);
  const searchPath = limits.searchPath.length > 0 ? limits.searchPath.map(quoteIdent).join(", ") : "''";
  return [
    "BEGIN TRANSACTION READ ONLY",
    `SET LOCAL statement_timeout = ${timeout}`,
    `SET LOCAL idle_in_transaction_session_timeout = ${timeout + 5000}`,
    `SET LOCAL search_path = ${searchPath}`,
    "SET LOCAL standard_conforming_strings = on",
    "SET LOCAL cursor_tuple_fraction = 1",
    // A planner estimate of millions of rows (a cross join) would JIT-compile the
    // query, hundreds of milliseconds of CPU for a result cut at MAX_RESULT_ROWS.
    "SET LOCAL jit = off",
    "SET LOCAL extra_float_digits = 1",
    "SET LOCAL bytea_output = 'hex'",
    "SELECT pg_catalog.set_config('DateStyle', 'ISO,' || pg_catalog.split_part(pg_catalog.current_setting('DateStyle'), ',', 2), true)",
  ].join(";\n");
}

/**
 * Runs one guarded SELECT as a cursor inside a read-only transaction, fetching
 * at most maxRows + 1 rows, then rolls back. The SQL text was checked by the
 * guard; DECLARE goes through the extended protocol, so the server itself
 * refuses a second statement and data-modifying WITH parts. The byte caps
 * hold while rows stream: the database refuses an oversized row and stops
 * the cursor past the total it may send, and every value and row is counted
 * as it is kept.
 */
export async function runReadOnly(
  connection: RawConnection,
  sql: string,
  limits: SessionLimits,
  types: TypeCatalog,
): Promise<SessionResult> {
  const budget = new ResultBudget(limits);
  const { maxRowBytes } = budget.caps;
  const rows: (string | null)[][] = [];
  let fields: { name: string; oid: number }[] = [];
  await connection.batch(openTransactionSql(limits));
  try {
    limits.checkpoint();
    await connection.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${withSizeChecks(sql, maxRowBytes, budget.totalCap)}`);
    const columnName = (i: number) => fields[i]?.name ?? `#${i + 1}`;
    for (;;) {
      limits.checkpoint();
      const wanted = budget.nextFetch();
      let batch: Awaited<ReturnType<RawConnection["query"]>>;
      try {
        batch = await connection.query(`FETCH FORWARD ${wanted} FROM ${cursor}`);
      } catch (error) {
        const size = sizeCheckFailure(error);
        if (size?.kind === "row") throw rowTooLarge(size.size, maxRowBytes);
        if (!size) throw error;
        budget.cut();
        break;
      }
      // The last column is the size check's.
      if (fields.length === 0) fields = batch.fields.slice(0, -1);
      for (const row of batch.rows) {
        row.pop();
        if (!budget.admit(row, columnName)) break;
        rows.push(row);
      }
      if (budget.full || batch.rows.length < wanted) break;
    }
  } finally {
    await connection.batch("ROLLBACK").catch(() => undefined);
  }
  // After the transaction: a cursor stopped by the size check aborted it.
  await types.resolve(
    connection,
    fields.map((f) => f.oid),
  );
  return { columns: fields.map((f) => ({ name: f.name, type: types.get(f.oid) })), rows, truncated: budget.full };
}

export interface QueryPlan {
  /** The planner's row estimate for the whole query. */
  estimatedRows: number;
  /** The planner's total cost, in its arbitrary units. */
  totalCost: number;
  /** The plan as EXPLAIN (FORMAT JSON) returned it. */
  plan: unknown;
}

/**
 * Plans (does not run) one guarded SELECT in the same read-only session: the
 * database checks every name and type, and the estimate lets callers refuse
 * a query that would read billions of rows before running it.
 */
export async function explainReadOnly(
  connection: RawConnection,
  sql: string,
  limits: Pick<SessionLimits, "timeoutMs" | "searchPath">,
): Promise<QueryPlan> {
  await connection.batch(openTransactionSql(limits));
  try {
    const result = await connection.query(`EXPLAIN (FORMAT JSON) ${sql}`);
    const plan = JSON.parse(result.rows[0]?.[0] ?? "[]") as { Plan?: { "Plan Rows"?: number; "Total Cost"?: number } }[];
    const top = plan[0]?.Plan ?? {};
    return { estimatedRows: top["Plan Rows"] ?? 0, totalCost: top["Total Cost"] ?? 0, plan };
  } finally {
    await connection.batch("ROLLBACK").catch(() => undefined);
  }
}

/** A trusted query (introspection) in its own read-only transaction with a time limit. */
export async function queryReadOnly<T>(batch: (sql: string) => Promise<void>, timeoutMs: number, run: () => Promise<T>): Promise<T> {
  await batch(
    [
      "BEGIN TRANSACTION READ ONLY",
      `SET LOCAL statement_timeout = ${positiveInt(timeoutMs)}`,
      `SET LOCAL idle_in_transaction_session_timeout = ${positiveInt(timeoutMs) + 5000}`,
    ].join(";\n"),
  );
  try {
    return await run();
  } finally {
    await batch("ROLLBACK").catch(() => undefined);
  }
}
