import type { ResultCell, TimeGrain, ValueFormat, ValueType } from "./types.ts";

export interface FormatOptions {
  /** BCP 47 locale; the browser's when absent. */
  locale?: string;
  /** ISO 4217 code for `currency` values; the API does not send one yet. */
  currency?: string;
}

export const EMPTY = "—";

const numericLiteral = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function isNumericType(type: ValueType): boolean {
  return type === "integer" || type === "bigint" || type === "decimal" || type === "float";
}

export function isTimeType(type: ValueType): boolean {
  return type === "date" || type === "timestamp";
}

/** The format a column reads in when the chart spec says nothing about it. */
export function defaultFormat(type: ValueType): ValueFormat {
  if (type === "integer" || type === "bigint") return "integer";
  if (type === "decimal" || type === "float") return "number";
  if (isTimeType(type)) return "date";
  return "text";
}

/** A cell as a JS number (decimals and bigints arrive as strings); null when it is not a number. */
export function toNumber(cell: ResultCell | undefined): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string" && numericLiteral.test(cell.trim())) return Number(cell);
  return null;
}

/** Intl formats numeric strings exactly, so a decimal or bigint keeps every digit it arrived with. */
function exact(value: number | string): number | `${number}` {
  return typeof value === "string" && numericLiteral.test(value.trim()) ? (value.trim() as `${number}`) : Number(value);
}

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let nf = cache.get(key);
  if (!nf) cache.set(key, (nf = new Intl.NumberFormat(locale, options)));
  return nf;
}

function numberOptions(format: ValueFormat, magnitude: number, compact: boolean, currency: string): Intl.NumberFormatOptions {
  const short: Intl.NumberFormatOptions = compact ? { notation: "compact", maximumFractionDigits: 1 } : {};
  switch (format) {
    case "integer":
      return { maximumFractionDigits: 0, ...short };
    case "currency":
      return { style: "currency", currency, ...short };
    case "percent":
      return { style: "percent", maximumFractionDigits: 1 };
    default:
      // Small magnitudes need more digits to say anything (0.0042, not 0).
      return compact ? short : { maximumFractionDigits: magnitude !== 0 && magnitude < 1 ? 4 : 2 };
  }
}

/**
 * A number in the given format: integer, number, currency, percent (ratio);
 * `compact` gives axis-style labels (1.2K, $3.4M).
 */
export function formatNumber(value: number | string, format: ValueFormat, options: FormatOptions & { compact?: boolean } = {}): string {
  const n = toNumber(value);
  if (n === null) return typeof value === "string" ? value : String(value);
  const base = numberOptions(format, Math.abs(n), options.compact ?? false, options.currency ?? "USD");
  // A decimal keeps the scale it arrived with ("180.20" stays 180.20), up to the format's precision.
  const scale = typeof value === "string" && format === "number" && !options.compact ? (value.split(".")[1]?.length ?? 0) : 0;
  const nf = numberFormat(options.locale, scale > 0 ? { ...base, minimumFractionDigits: Math.min(scale, base.maximumFractionDigits ?? 2) } : base);
  return nf.format(exact(value));
}

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' is a calendar day (read as UTC midnight so it never shifts a day); anything else goes to Date. */
export function parseDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === "string") {
    const day = dateOnly.exec(value);
    const date = day ? new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]))) : new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  if (typeof value === "number") return new Date(value);
  return null;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""}|${JSON.stringify(options)}`;
  let df = dateFormats.get(key);
  if (!df) dateFormats.set(key, (df = new Intl.DateTimeFormat(locale, options)));
  return df;
}

/**
 * A time bucket as people name it: "2024", "Q2 2024", "Mar 2024", "Week of Mar 4, 2024", "Mar 4, 2024".
 * `short` is for axis ticks ("Mar 24", "Mar 4"). Buckets are calendar labels, so they read in UTC.
 */
export function formatTimeBucket(date: Date, grain: TimeGrain, options: FormatOptions & { short?: boolean } = {}): string {
  const { locale, short = false } = options;
  const utc = { timeZone: "UTC" } as const;
  switch (grain) {
    case "year":
      return dateFormat(locale, { ...utc, year: "numeric" }).format(date);
    case "quarter": {
      const q = Math.floor(date.getUTCMonth() / 3) + 1;
      return short ? `Q${q} ’${String(date.getUTCFullYear()).slice(2)}` : `Q${q} ${date.getUTCFullYear()}`;
    }
    case "month":
      return dateFormat(locale, { ...utc, month: "short", year: short ? "2-digit" : "numeric" }).format(date);
    case "week": {
      const day = dateFormat(locale, short ? { ...utc, month: "short", day: "numeric" } : { ...utc, dateStyle: "medium" }).format(date);
      return short ? day : `Week of ${day}`;
    }
    case "day":
      return dateFormat(locale, short ? { ...utc, month: "short", day: "numeric" } : { ...utc, dateStyle: "medium" }).format(date);
  }
}

/** A date cell ("Mar 4, 2024") or timestamp cell ("Mar 4, 2024, 3:05 PM", local time). */
export function formatDateValue(value: unknown, type: ValueType, options: FormatOptions = {}): string {
  const date = parseDate(value);
  if (!date) return String(value);
  const onlyDay = typeof value === "string" && dateOnly.test(value);
  if (type === "timestamp" && !onlyDay) return dateFormat(options.locale, { dateStyle: "medium", timeStyle: "short" }).format(date);
  return dateFormat(options.locale, { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** One result cell as text: null as an em dash, numbers by format, dates readable, objects as JSON. */
export function formatCell(cell: ResultCell | undefined, type: ValueType, format: ValueFormat = defaultFormat(type), options: FormatOptions = {}): string {
  if (cell === null || cell === undefined) return EMPTY;
  if (typeof cell === "boolean") return cell ? "Yes" : "No";
  if (typeof cell === "object") return JSON.stringify(cell);
  if (isTimeType(type) || format === "date") return formatDateValue(cell, type, options);
  if ((isNumericType(type) || format !== "text") && toNumber(cell) !== null) return formatNumber(cell, format === "text" ? defaultFormat(type) : format, options);
  return String(cell);
}

/**
 * A category label on an axis or legend. Numbers keep no grouping separators
 * because dimensions that are numbers are mostly years and ids ("2024", not "2,024").
 */
export function formatCategory(cell: ResultCell | undefined, type: ValueType, grain: TimeGrain | undefined, options: FormatOptions = {}): string {
  if (cell === null || cell === undefined || cell === "") return "(empty)";
  if (grain || isTimeType(type)) {
    const date = parseDate(cell);
    if (date) return grain ? formatTimeBucket(date, grain, options) : formatDateValue(cell, type, options);
  }
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "Yes" : "No";
  if (typeof cell === "object") return JSON.stringify(cell);
  return cell;
}

/**
 * Labels for a run of time-axis ticks: the year only where it starts or
 * changes ("Jan 2024", "Mar", "May" … "Jan 2025"), so short labels stay unambiguous.
 */
export function formatTimeTicks(dates: readonly Date[], grain: TimeGrain, options: FormatOptions = {}): string[] {
  const utc = { timeZone: "UTC" } as const;
  return dates.map((date, i) => {
    const prev = dates[i - 1];
    const withYear = !prev || prev.getUTCFullYear() !== date.getUTCFullYear();
    switch (grain) {
      case "year":
        return String(date.getUTCFullYear());
      case "quarter": {
        const q = `Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
        return withYear ? `${q} ${date.getUTCFullYear()}` : q;
      }
      case "month":
        return dateFormat(options.locale, withYear ? { ...utc, month: "short", year: "numeric" } : { ...utc, month: "short" }).format(date);
      default:
        return dateFormat(options.locale, withYear ? { ...utc, dateStyle: "medium" } : { ...utc, month: "short", day: "numeric" }).format(date);
    }
  });
}

/** A column name as a heading: snake_case becomes words ("avg_order_value" → "Avg order value"); anything else is kept. */
export function columnLabel(name: string): string {
  if (!/^[a-z][a-z0-9_]*$/.test(name)) return name;
  const words = name.replace(/_+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "85 ms", "1.2 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
