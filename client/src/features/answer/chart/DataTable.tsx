import { formatCell, isNumericType, type FormatOptions } from "../format.ts";
import type { ResultCell, ValueFormat, ValueType } from "../types.ts";

export interface DataTableField {
  /** Position of the field's values in each row. */
  index: number;
  label: string;
  type: ValueType;
  format: ValueFormat;
}

export interface DataTableProps {
  caption: string;
  fields: DataTableField[];
  rows: ResultCell[][];
  options: FormatOptions;
  className?: string;
  /** Rows past this are left out, with a note (a screen reader needs no 10,000-row table). */
  maxRows?: number;
}

/** A plain formatted table: the "table" chart type, and the screen-reader version of every chart. */
export function DataTable({ caption, fields, rows, options, className, maxRows = 500 }: DataTableProps) {
  const shown = rows.slice(0, maxRows);
  return (
    <div className={className}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {fields.map((f) => (
              <th key={f.index} scope="col" className={isNumericType(f.type) ? "num" : undefined}>
                {f.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row, r) => (
            <tr key={r}>
              {fields.map((f) => (
                <td key={f.index} className={isNumericType(f.type) ? "num" : undefined}>
                  {formatCell(row[f.index], f.type, f.format, options)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <p className="hint">First {shown.length} of {rows.length} rows.</p>}
    </div>
  );
}
