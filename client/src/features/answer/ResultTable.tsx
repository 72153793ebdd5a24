import { useId } from "react";
import { ArrowDownIcon, ArrowUpIcon, ChevronIcon, ChevronLeftIcon, ChevronsLeftIcon, ChevronsRightIcon, SortIcon } from "../../ui/icons.tsx";
import { EMPTY, columnLabel, defaultFormat, formatCell, formatNumber, formatTimeBucket, isNumericType, parseDate, toNumber, type FormatOptions } from "./format.ts";
import type { ResultCell, ResultColumn, SortDirection, SortState, TimeGrain, ValueFormat } from "./types.ts";

export interface ResultTableProps {
  columns: ResultColumn[];
  /** The rows of the current page only: paging and sorting happen on the server. */
  rows: ResultCell[][];
  totalRows: number;
  /** 1-based. */
  page: number;
  pageSize: number;
  onPage?: (page: number) => void;
  sort?: SortState | null;
  onSort?: (column: string, direction: SortDirection) => void;
  /** The server kept only `totalRows` rows of a larger result. */
  truncated?: boolean;
  /** A page is being fetched: skeleton rows stand in for it. */
  loading?: boolean;
  /** Per-column formats (e.g. currency from the chart spec); by type otherwise. */
  formats?: Record<string, ValueFormat>;
  /** Per-column headings (e.g. the chart spec's labels); the name in words otherwise. */
  labels?: Record<string, string>;
  /** Per-column time buckets (a month column reads "Jan 2024", not "Jan 1, 2024"). */
  grains?: Record<string, TimeGrain>;
  caption?: string;
  formatOptions?: FormatOptions;
}

/** Numbers start descending (largest first is what people look for), text ascending; a second click flips. */
export function nextDirection(column: ResultColumn, sort: SortState | null | undefined): SortDirection {
  if (sort?.column === column.name) return sort.direction === "ASC" ? "DESC" : "ASC";
  return isNumericType(column.type) ? "DESC" : "ASC";
}

const ARIA_SORT = { ASC: "ascending", DESC: "descending" } as const;

function Cell({ value, column, format, grain, options }: { value: ResultCell | undefined; column: ResultColumn; format: ValueFormat; grain?: TimeGrain; options: FormatOptions }) {
  if (value === null || value === undefined) {
    return (
      <td className="cell-null">
        <span aria-hidden="true">{EMPTY}</span>
        <span className="sr-only">empty</span>
      </td>
    );
  }
  const date = grain ? parseDate(value) : null;
  const text = grain && date ? formatTimeBucket(date, grain, options) : formatCell(value, column.type, format, options);
  const numeric = isNumericType(column.type);
  const cls = [numeric ? "num" : "", column.type === "boolean" ? "bool" : "", (toNumber(value) ?? 0) < 0 ? "neg" : ""].filter(Boolean).join(" ");
  const long = !numeric && text.length > 60;
  return (
    <td className={cls || undefined} title={long ? text : undefined}>
      {long ? <span className="cell-clip">{text}</span> : text}
    </td>
  );
}

/**
 * A page of a result: typed, formatted, sortable and paginated by the server,
 * with a sticky header and horizontal scroll on narrow screens.
 */
export function ResultTable({
  columns: allColumns,
  rows,
  totalRows,
  page,
  pageSize,
  onPage,
  sort,
  onSort,
  truncated = false,
  loading = false,
  formats = {},
  labels = {},
  grains = {},
  caption = "Result",
  formatOptions = {},
}: ResultTableProps) {
  const captionId = useId();
  // Keys shown beside the names they identify are left out; cells keep their place in the row.
  const shown = allColumns.map((column, index) => ({ column, index })).filter(({ column }) => !column.hidden);
  const columns = shown.map(({ column }) => column);
  const pages = Math.max(1, Math.ceil(totalRows / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  const first = totalRows === 0 ? 0 : (current - 1) * pageSize + 1;
  const last = Math.min(totalRows, current * pageSize);
  const count = (n: number) => formatNumber(n, "integer", formatOptions);
  const skeletonRows = Math.min(pageSize, 8);

  return (
    <div className="result-table">
      {truncated && (
        <p className="table-notice" role="note">
          The result was truncated at {count(totalRows)} rows. Add a filter or a limit to see the rest.
        </p>
      )}
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table aria-busy={loading || undefined} aria-rowcount={totalRows + 1}>
          <caption id={captionId} className="sr-only">
            {caption}, rows {first} to {last} of {totalRows}
          </caption>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="row-number">
                <span className="sr-only">Row</span>#
              </th>
              {columns.map((column) => {
                const sorted = sort?.column === column.name ? sort.direction : null;
                const label = labels[column.name] ?? columnLabel(column.name);
                const title = label === column.name ? undefined : column.name;
                return (
                  <th key={column.name} scope="col" className={isNumericType(column.type) ? "num" : undefined} aria-sort={sorted ? ARIA_SORT[sorted] : undefined}>
                    {onSort ? (
                      <button
                        type="button"
                        className={sorted ? "sort active" : "sort"}
                        onClick={() => onSort(column.name, nextDirection(column, sort))}
                        title={title}
                      >
                        <span>{label}</span>
                        {sorted === "ASC" ? <ArrowUpIcon size={14} /> : sorted === "DESC" ? <ArrowDownIcon size={14} /> : <SortIcon size={14} className="sort-idle" />}
                      </button>
                    ) : (
                      <span title={title}>{label}</span>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {loading
              ? Array.from({ length: skeletonRows }, (_, r) => (
                  <tr key={r} className="skeleton-row" aria-hidden="true">
                    <td className="row-number">
                      <span className="skeleton-bar" />
                    </td>
                    {columns.map((c) => (
                      <td key={c.name}>
                        <span className="skeleton-bar" />
                      </td>
                    ))}
                  </tr>
                ))
              : rows.map((row, r) => (
                  <tr key={r} aria-rowindex={first + r + 1}>
                    <td className="row-number">{first + r}</td>
                    {shown.map(({ column, index }) => (
                      <Cell key={column.name} value={row[index]} column={column} format={formats[column.name] ?? defaultFormat(column.type)} grain={grains[column.name]} options={formatOptions} />
                    ))}
                  </tr>
                ))}
            {!loading && rows.length === 0 && (
              <tr>
                <td className="table-empty" colSpan={columns.length + 1}>
                  No rows.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages of the result">
        <span className="pager-range" aria-live="polite">
          {totalRows === 0 ? "No rows" : `${count(first)}–${count(last)} of ${count(totalRows)}${truncated ? "+" : ""}`}
        </span>
        {pages > 1 && (
          <span className="pager-buttons">
            <button type="button" className="icon-button" aria-label="First page" disabled={current <= 1 || loading} onClick={() => onPage?.(1)}>
              <ChevronsLeftIcon />
            </button>
            <button type="button" className="icon-button" aria-label="Previous page" disabled={current <= 1 || loading} onClick={() => onPage?.(current - 1)}>
              <ChevronLeftIcon />
            </button>
            <span className="pager-page">
              Page {count(current)} of {count(pages)}
            </span>
            <button type="button" className="icon-button" aria-label="Next page" disabled={current >= pages || loading} onClick={() => onPage?.(current + 1)}>
              <ChevronIcon />
            </button>
            <button type="button" className="icon-button" aria-label="Last page" disabled={current >= pages || loading} onClick={() => onPage?.(pages)}>
              <ChevronsRightIcon />
            </button>
          </span>
        )}
      </nav>
    </div>
  );
}
