import type { QueryResult } from "../sql/executor/executor.ts";

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "number") return numberFormat.format(value);
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return numberFormat.format(Number(value));
  return String(value);
}

/** One sentence for the answer message and the session list, from the result's shape. */
export function summarise(result: QueryResult): string {
  if (result.rowCount === 0) return "No rows match.";
  if (result.rowCount === 1 && result.columns.length === 1) {
    return `${result.columns[0]!.name.replace(/_/g, " ")}: ${formatCell(result.rows[0]![0])}.`;
  }
  const rows = `${result.truncated ? "The first " : ""}${numberFormat.format(result.rowCount)} row${result.rowCount === 1 ? "" : "s"}`;
  return `${rows}${result.truncated ? " (more exist)" : ""}.`;
}
