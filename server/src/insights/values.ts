import type { ValueType } from "../sql/snapshot.ts";

/**
 * Reading result cells. Executors send decimals and big integers as exact
 * strings and money as the database formats it (see sql/executor/values.ts),
 * so numbers are recognised in both forms.
 */

export const NUMERIC_TYPES: ReadonlySet<ValueType> = new Set(["integer", "bigint", "decimal", "float"]);

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Money as PostgreSQL prints it under common locales: "$1,234.50", "-$3.00", "€12.00". */
const MONEY_TEXT = /^-?[$€£¥₹]\s?[\d,]+(\.\d+)?$/;

/** A cell as a finite number, or null (NULL, text, NaN, Infinity). */
export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (NUMBER_TEXT.test(text)) return Number(text);
  if (MONEY_TEXT.test(text)) {
    const n = Number(text.replace(/[^\d.-]/g, ""));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const ISO_DATE = /^\d{4}-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?)?$/;

export const isIsoDateText = (value: unknown): value is string => typeof value === "string" && ISO_DATE.test(value);

export interface ColumnStats {
  /** Rows whose cell is not null. */
  present: number;
  /** Distinct non-null values (compared as JSON text), counted up to `DISTINCT_LIMIT`. */
  distinct: number;
  /** Non-null cells that read as numbers. */
  numeric: number;
  /** Non-null cells that look like ISO dates. */
  dates: number;
  negative: number;
  sum: number;
  /** Mean length of non-null values as text. */
  meanLength: number;
  maxLength: number;
}

const DISTINCT_LIMIT = 10_000;

export function columnStats(rows: readonly unknown[][], index: number): ColumnStats {
  const seen = new Set<string>();
  let present = 0;
  let numeric = 0;
  let dates = 0;
  let negative = 0;
  let sum = 0;
  let totalLength = 0;
  let maxLength = 0;
  for (const row of rows) {
    const value = row[index];
    if (value === null || value === undefined) continue;
    present++;
    const text = typeof value === "string" ? value : JSON.stringify(value);
    if (seen.size < DISTINCT_LIMIT) seen.add(text);
    totalLength += text.length;
    if (text.length > maxLength) maxLength = text.length;
    const n = toNumber(value);
    if (n !== null) {
      numeric++;
      sum += n;
      if (n < 0) negative++;
    } else if (isIsoDateText(value)) dates++;
  }
  return { present, distinct: seen.size, numeric, dates, negative, sum, meanLength: present ? totalLength / present : 0, maxLength };
}

/** Row index holding the largest value of a column (first one on ties), or -1 when it has no numbers. */
export function argMax(rows: readonly unknown[][], index: number): number {
  let best = -1;
  let bestValue = -Infinity;
  rows.forEach((row, i) => {
    const n = toNumber(row[index]);
    if (n !== null && n > bestValue) {
      best = i;
      bestValue = n;
    }
  });
  return best;
}
