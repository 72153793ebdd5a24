import { SqlSandboxError } from "../errors.ts";
import { formatBytes } from "./result-size.ts";

const rowMarker = "agentmedha_row_too_large";
const totalMarker = "agentmedha_result_too_large";
const markerPattern = new RegExp(`(${rowMarker}|${totalMarker}):(\\d+)`);

/**
 * The user's SELECT wrapped so the database itself refuses, as it produces
 * them, a row whose text form is larger than `maxRowBytes` and the row that
 * brings the rows sent so far past `maxTotalBytes`. This is what bounds our
 * memory: a driver buffers a whole DataRow message (and a whole FETCH) before
 * it hands any of it over, so a 100 MB value would be 100 MB (and more, as
 * strings) in this process before any check of ours could run, and cancelling
 * on bytes received would come too late for the same reason.
 *
 * The size is the row as the server writes it (`ROW(r.*)::text`, which also
 * expands TOASTed values), computed once per row (LATERAL ... OFFSET 0 keeps
 * it from being inlined twice); `ROW(r.*)` means the whole row even when the
 * user's query has a column named like the alias. The running total is a
 * window sum over the rows in the cursor's order (ROWS UNBOUNDED PRECEDING,
 * which streams). Both checks fail the statement with a marker we recognise.
 * The user's columns keep their names, types and order; one check column is
 * appended (always 0), which the caller drops.
 */
export function withSizeChecks(sql: string, maxRowBytes: number, maxTotalBytes: number): string {
  const rowCap = Math.max(1, Math.floor(maxRowBytes));
  const totalCap = Math.max(1, Math.floor(maxTotalBytes));
  const total = "pg_catalog.sum(agentmedha_size.bytes) OVER (ROWS UNBOUNDED PRECEDING)";
  return [
    `SELECT agentmedha_row.*, CASE WHEN ${total} <= ${totalCap} THEN 0 ELSE ('${totalMarker}:' || ${total})::int END AS agentmedha_check FROM (`,
    sql,
    ") AS agentmedha_row CROSS JOIN LATERAL (SELECT pg_catalog.octet_length(ROW(agentmedha_row.*)::text) AS bytes OFFSET 0) AS agentmedha_size",
    `WHERE CASE WHEN agentmedha_size.bytes <= ${rowCap} THEN true ELSE ('${rowMarker}:' || agentmedha_size.bytes)::int = 0 END`,
  ].join("\n");
}

export type SizeCheckFailure = { kind: "row"; size: number } | { kind: "total"; size: number };

/** Which check of withSizeChecks failed the statement; undefined for any other failure. */
export function sizeCheckFailure(error: unknown): SizeCheckFailure | undefined {
  const message = (error as { message?: unknown } | null)?.message;
  const match = typeof message === "string" ? markerPattern.exec(message) : null;
  if (!match) return undefined;
  return { kind: match[1] === rowMarker ? "row" : "total", size: Number(match[2]) };
}

export function rowTooLarge(size: number, maxRowBytes: number): SqlSandboxError {
  return new SqlSandboxError("RESULT_TOO_LARGE", `A row of the result is ${formatBytes(size)}; the limit is ${formatBytes(maxRowBytes)} per row.`, {
    details: { limit: maxRowBytes, size },
  });
}
