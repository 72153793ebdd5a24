import type { ResultColumn } from "../../sql/executor/executor.ts";

export interface ResultOrder {
  column: string;
  direction: "ASC" | "DESC";
}

export interface ResultPage {
  columns: ResultColumn[];
  rows: unknown[][];
  totalRows: number;
  page: number;
  pageSize: number;
  pageCount: number;
  truncated: boolean;
}

const numeric = new Set(["integer", "bigint", "decimal", "float"]);

function comparator(type: ResultColumn["type"]): (a: unknown, b: unknown) => number {
  if (numeric.has(type)) return (a, b) => Number(a) - Number(b);
  if (type === "boolean") return (a, b) => Number(a) - Number(b);
  // ISO dates and timestamps sort correctly as text.
  return (a, b) => String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
}

/**
 * A page of a stored result, sorted on the server. Nulls sort last in both
 * directions, the way analysts expect; ties keep the query's own order.
 */
export function pageOfResult(
  stored: { columns: ResultColumn[]; rows: unknown[][]; truncated: boolean },
  request: { page: number; pageSize: number; orderBy?: ResultOrder | null },
): ResultPage {
  let rows = stored.rows;
  if (request.orderBy) {
    const index = stored.columns.findIndex((c) => c.name === request.orderBy!.column);
    if (index < 0) throw new RangeError(`unknown column ${request.orderBy.column}`);
    const compare = comparator(stored.columns[index]!.type);
    const sign = request.orderBy.direction === "DESC" ? -1 : 1;
    rows = rows
      .map((row, position) => ({ row, position }))
      .sort((a, b) => {
        const x = a.row[index];
        const y = b.row[index];
        if (x === null || x === undefined) return y === null || y === undefined ? a.position - b.position : 1;
        if (y === null || y === undefined) return -1;
        return sign * compare(x, y) || a.position - b.position;
      })
      .map((entry) => entry.row);
  }
  const pageCount = Math.max(1, Math.ceil(rows.length / request.pageSize));
  const start = (request.page - 1) * request.pageSize;
  return {
    columns: stored.columns,
    rows: rows.slice(start, start + request.pageSize),
    totalRows: stored.rows.length,
    page: request.page,
    pageSize: request.pageSize,
    pageCount,
    truncated: stored.truncated,
  };
}
