import { useMemo, useState } from "react";
import { isNumericType, parseDate, toNumber } from "../format.ts";
import type { ResultCell, ResultColumn, SortDirection, SortState } from "../types.ts";

function compare(a: ResultCell, b: ResultCell, column: ResultColumn): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (isNumericType(column.type)) return (toNumber(a) ?? 0) - (toNumber(b) ?? 0);
  if (column.type === "date" || column.type === "timestamp") return (parseDate(a)?.getTime() ?? 0) - (parseDate(b)?.getTime() ?? 0);
  return String(a).localeCompare(String(b));
}

/** Stands in for the server on the preview page: sorts and pages rows in memory, with a short fake fetch. */
export function useSampleTable(columns: ResultColumn[], rows: ResultCell[][], pageSize: number) {
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortState | null>(null);
  const [loading, setLoading] = useState(false);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const i = columns.findIndex((c) => c.name === sort.column);
    const sign = sort.direction === "ASC" ? 1 : -1;
    return [...rows].sort((a, b) => sign * compare(a[i]!, b[i]!, columns[i]!));
  }, [rows, columns, sort]);
  const fetchAfter = (apply: () => void) => {
    setLoading(true);
    setTimeout(() => {
      apply();
      setLoading(false);
    }, 350);
  };
  return {
    page,
    pageSize,
    sort,
    loading,
    rows: sorted.slice((page - 1) * pageSize, page * pageSize),
    onPage: (next: number) => fetchAfter(() => setPage(next)),
    onSort: (column: string, direction: SortDirection) =>
      fetchAfter(() => {
        setSort({ column, direction });
        setPage(1);
      }),
  };
}
