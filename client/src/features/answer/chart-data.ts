import { formatCategory, isNumericType, isTimeType, parseDate, toNumber, type FormatOptions } from "./format.ts";
import type { ChartField, ChartSpec, ChartType, ResultCell, ResultColumn, TimeGrain, ValueFormat } from "./types.ts";

/**
 * Pure transforms from a chart spec and result rows to the shapes nivo draws.
 * Kept apart from the components so they are tested without layout (jsdom has none).
 */

/** The spec names a column the result does not have (a stale spec, or a result of another query). */
export class ChartDataError extends Error {
  readonly code = "CHART_COLUMN_MISSING";
  constructor(readonly column: string) {
    super(`The chart refers to a column “${column}” that is not in the result.`);
    this.name = "ChartDataError";
  }
}

export interface ChartInput {
  spec: ChartSpec;
  columns: ResultColumn[];
  rows: ResultCell[][];
  options?: FormatOptions;
}

/** Key of the category in bar data; keys of measures or series values never start with "\u0000". */
export const X_KEY = "\u0000x";
export const OTHER = "Other";

function indexOf(columns: ResultColumn[], field: ChartField): number {
  const i = columns.findIndex((c) => c.name === field.column);
  if (i < 0) throw new ChartDataError(field.column);
  return i;
}

/** The chart type first, then its alternatives, without repeats. */
export function chartTypes(spec: ChartSpec): ChartType[] {
  return [...new Set<ChartType>([spec.type, ...spec.alternatives])];
}

/** The fields a chart shows, in reading order (for the screen-reader table). */
export function chartFields(spec: ChartSpec): ChartField[] {
  return [spec.x, spec.series, ...spec.y].filter((f): f is ChartField => f !== null);
}

function categoryOf(spec: ChartSpec, columns: ResultColumn[], options: FormatOptions | undefined) {
  const x = spec.x;
  if (!x) return (_row: ResultCell[], i: number) => `Row ${i + 1}`;
  const xi = indexOf(columns, x);
  return (row: ResultCell[]) => formatCategory(row[xi], x.type, x.timeGrain, options);
}

/** Keeps the `max - 1` largest keys by absolute total and folds the rest into "Other". */
function foldSmallest(totals: Map<string, number>, max: number): { kept: string[]; folded: Set<string> } {
  const keys = [...totals.keys()];
  if (keys.length <= max) return { kept: keys, folded: new Set() };
  const byTotal = [...keys].sort((a, b) => Math.abs(totals.get(b)!) - Math.abs(totals.get(a)!));
  const keep = new Set(byTotal.slice(0, max - 1));
  return { kept: [...keys.filter((k) => keep.has(k)), OTHER], folded: new Set(keys.filter((k) => !keep.has(k))) };
}

export type BarDatum = Record<string, string | number>;

export interface BarData {
  data: BarDatum[];
  /** Bars per category: the measures' labels, or the series values when the spec splits by series. */
  keys: string[];
  format: ValueFormat;
  /** The grain when categories are time buckets (they keep time order and are never laid down); null otherwise. */
  timeGrain: TimeGrain | null;
  /** The date behind each time-bucket category, for short axis labels ("Jan 2024", "Feb", …). */
  dates: Record<string, Date>;
}

/**
 * Rows to nivo bar data. Without a series each measure is a key; with a series
 * the rows are pivoted (one key per series value, the first measure as value).
 * Repeated categories add up; missing combinations stay absent (no bar, not a zero).
 */
export function toBarData({ spec, columns, rows, options }: ChartInput, maxSeries = 8): BarData {
  const category = categoryOf(spec, columns, options);
  const measures = spec.y.map((f) => ({ field: f, index: indexOf(columns, f) }));
  const first = measures[0];
  const format = first?.field.format ?? "number";
  const byCategory = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  const add = (x: string, key: string, value: number) => {
    let cell = byCategory.get(x);
    if (!cell) byCategory.set(x, (cell = new Map()));
    cell.set(key, (cell.get(key) ?? 0) + value);
    totals.set(key, (totals.get(key) ?? 0) + value);
  };

  if (spec.series && first) {
    const si = indexOf(columns, spec.series);
    const seriesField = spec.series;
    rows.forEach((row, i) => {
      const x = category(row, i);
      if (!byCategory.has(x)) byCategory.set(x, new Map());
      const value = toNumber(row[first.index]);
      if (value !== null) add(x, formatCategory(row[si], seriesField.type, undefined, options), value);
    });
  } else {
    for (const m of measures) totals.set(m.field.label, 0);
    rows.forEach((row, i) => {
      const x = category(row, i);
      if (!byCategory.has(x)) byCategory.set(x, new Map());
      for (const m of measures) {
        const value = toNumber(row[m.index]);
        if (value !== null) add(x, m.field.label, value);
      }
    });
  }

  // Measures are never folded together: adding up different measures means nothing.
  const { kept, folded } = spec.series ? foldSmallest(totals, maxSeries) : { kept: [...totals.keys()], folded: new Set<string>() };
  const data = [...byCategory].map(([x, values]) => {
    const datum: BarDatum = { [X_KEY]: x };
    for (const [key, value] of values) {
      const target = folded.has(key) ? OTHER : key;
      datum[target] = ((datum[target] as number | undefined) ?? 0) + value;
    }
    return datum;
  });
  const x = spec.x;
  const timeGrain = x && (isTimeType(x.type) || x.timeGrain) ? (x.timeGrain ?? "day") : null;
  const dates: Record<string, Date> = {};
  if (x && timeGrain) {
    const xi = indexOf(columns, x);
    rows.forEach((row, i) => {
      const date = parseDate(row[xi]);
      if (date) dates[category(row, i)] = date;
    });
  }
  return { data, keys: kept, format, timeGrain, dates };
}

export type LinePoint = { x: Date | string | number; y: number | null };
export interface LineSeriesData {
  id: string;
  data: LinePoint[];
}
export interface LineData {
  /** time: x are Dates on a time scale; number: a linear scale; category: a point scale in row order. */
  xKind: "time" | "number" | "category";
  series: LineSeriesData[];
  format: ValueFormat;
}

/** The most buckets a time axis is filled out to; past it, missing ones are only skipped. */
const MAX_FILLED_BUCKETS = 1_000;

/** The start of the bucket after `t` (UTC milliseconds) at a grain. */
function nextBucket(t: number, grain: TimeGrain): number {
  const d = new Date(t);
  if (grain === "day") return t + 86_400_000;
  if (grain === "week") return t + 7 * 86_400_000;
  const months = grain === "month" ? 1 : grain === "quarter" ? 3 : 12;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

/** Every bucket from the first to the last time, so a month without rows shows as a gap, not a straight line. */
function filledBuckets(times: number[], grain: TimeGrain | undefined): number[] {
  if (!grain || times.length < 2) return times;
  const out: number[] = [];
  const last = times[times.length - 1]!;
  for (let t = times[0]!; t <= last; t = nextBucket(t, grain)) {
    out.push(t);
    if (out.length > MAX_FILLED_BUCKETS) return times;
  }
  // Buckets that do not fall on the grain's starts (a date column read as months) keep the rows' own times.
  return times.every((t) => out.includes(t)) ? out : times;
}

/**
 * Rows to nivo line series: one line per series value (first measure), or one
 * per measure. Time axes are sorted by date, every bucket of the grain from the
 * first to the last present, so a missing month is a gap (null) in the line;
 * category axes keep row order, with gaps where a series has no value so every
 * line shares the categories.
 */
export function toLineSeries({ spec, columns, rows, options }: ChartInput, maxSeries = 8): LineData {
  const x = spec.x;
  const xi = x ? indexOf(columns, x) : -1;
  const measures = spec.y.map((f) => ({ field: f, index: indexOf(columns, f) }));
  const format = measures[0]?.field.format ?? "number";
  const xKind: LineData["xKind"] = !x ? "category" : isTimeType(x.type) || x.timeGrain ? "time" : isNumericType(x.type) ? "number" : "category";
  const xOf = (row: ResultCell[], i: number): Date | string | number | null => {
    if (!x) return `Row ${i + 1}`;
    const cell = row[xi];
    if (xKind === "time") return parseDate(cell);
    if (xKind === "number") return toNumber(cell);
    return formatCategory(cell, x.type, x.timeGrain, options);
  };

  const lines = new Map<string, Map<string | number, { x: Date | string | number; y: number }>>();
  const totals = new Map<string, number>();
  const categories: (string | number)[] = [];
  const seen = new Set<string | number>();
  const put = (id: string, px: Date | string | number, y: number) => {
    let line = lines.get(id);
    if (!line) lines.set(id, (line = new Map()));
    const key = px instanceof Date ? px.getTime() : px;
    const prev = line.get(key);
    line.set(key, { x: px, y: (prev?.y ?? 0) + y });
    totals.set(id, (totals.get(id) ?? 0) + y);
  };

  const series = spec.series;
  const si = series ? indexOf(columns, series) : -1;
  rows.forEach((row, i) => {
    const px = xOf(row, i);
    if (px === null) return;
    const key = px instanceof Date ? px.getTime() : px;
    if (!seen.has(key)) {
      seen.add(key);
      categories.push(key);
    }
    if (series && measures[0]) {
      const y = toNumber(row[measures[0].index]);
      if (y !== null) put(formatCategory(row[si], series.type, undefined, options), px, y);
    } else {
      for (const m of measures) {
        const y = toNumber(row[m.index]);
        if (y !== null) put(m.field.label, px, y);
      }
    }
  });

  const { kept, folded } = series ? foldSmallest(totals, maxSeries) : { kept: measures.map((m) => m.field.label), folded: new Set<string>() };
  if (folded.size > 0) {
    const other = new Map<string | number, { x: Date | string | number; y: number }>();
    for (const id of folded) {
      for (const [key, p] of lines.get(id)!) other.set(key, { x: p.x, y: (other.get(key)?.y ?? 0) + p.y });
      lines.delete(id);
    }
    lines.set(OTHER, other);
  }

  const order = xKind === "category" ? categories : [...categories].sort((a, b) => (a as number) - (b as number));
  const buckets = xKind === "time" ? filledBuckets(order as number[], x?.timeGrain) : order;
  const result = kept.map((id) => {
    const line = lines.get(id) ?? new Map();
    const data: LinePoint[] =
      xKind === "category"
        ? order.map((key) => ({ x: key, y: line.get(key)?.y ?? null }))
        : xKind === "time"
          ? buckets.map((key) => line.get(key) ?? { x: new Date(key as number), y: null })
          : order.filter((key) => line.has(key)).map((key) => line.get(key)!);
    return { id, data };
  });
  return { xKind, series: result, format };
}

export interface PieDatum {
  id: string;
  label: string;
  value: number;
}

/**
 * Rows to pie slices, largest first. Slices must be positive, so zero,
 * negative and empty values are left out; past `maxSlices` the rest is "Other".
 */
export function toPieData({ spec, columns, rows, options }: ChartInput, maxSlices = 8): PieDatum[] {
  const measure = spec.y[0];
  if (!measure) return [];
  const yi = indexOf(columns, measure);
  const category = categoryOf(spec, columns, options);
  const sums = new Map<string, number>();
  rows.forEach((row, i) => {
    const value = toNumber(row[yi]);
    if (value === null || value <= 0) return;
    const label = category(row, i);
    sums.set(label, (sums.get(label) ?? 0) + value);
  });
  const sorted = [...sums].sort((a, b) => b[1] - a[1]);
  const slices = sorted.length > maxSlices ? sorted.slice(0, maxSlices - 1) : sorted;
  const rest = sorted.slice(slices.length).reduce((sum, [, v]) => sum + v, 0);
  const data = slices.map(([label, value]) => ({ id: label, label, value }));
  if (rest > 0) data.push({ id: OTHER, label: OTHER, value: rest });
  return data;
}

export interface ScatterPoint {
  x: number;
  y: number;
  /** The row's name (its first text column not plotted), for the tooltip. */
  label: string | null;
}
export interface ScatterSeries {
  id: string;
  data: ScatterPoint[];
}

/** Rows to scatter points (x = the spec's x, y = its first measure), one series per series value; non-numeric rows are skipped. */
export function toScatterData({ spec, columns, rows, options }: ChartInput): ScatterSeries[] {
  const x = spec.x;
  const measure = spec.y[0];
  if (!x || !measure) return [];
  const xi = indexOf(columns, x);
  const yi = indexOf(columns, measure);
  const series = spec.series;
  const si = series ? indexOf(columns, series) : -1;
  const used = new Set([xi, yi, si]);
  const li = columns.findIndex((c, i) => c.type === "text" && !used.has(i));
  const groups = new Map<string, ScatterPoint[]>();
  for (const row of rows) {
    const px = toNumber(row[xi]);
    const py = toNumber(row[yi]);
    if (px === null || py === null) continue;
    const id = series ? formatCategory(row[si], series.type, undefined, options) : measure.label;
    let points = groups.get(id);
    if (!points) groups.set(id, (points = []));
    const name = li >= 0 ? row[li] : null;
    points.push({ x: px, y: py, label: name === null || name === undefined ? null : String(name) });
  }
  return [...groups].map(([id, data]) => ({ id, data }));
}

export interface Kpi {
  label: string;
  value: number | null;
  /** The cell as it arrived, so big decimals keep their digits. */
  raw: ResultCell;
  format: ValueFormat;
}

/** The measures of the first row as headline numbers; the first numeric column when the spec names none. */
export function toKpis({ spec, columns, rows }: ChartInput): Kpi[] {
  const row = rows[0] ?? [];
  let fields = spec.y;
  if (fields.length === 0) {
    const c = columns.find((col) => isNumericType(col.type));
    fields = c ? [{ column: c.name, label: c.name, type: c.type, format: "number" }] : [];
  }
  return fields.map((f) => {
    const raw = row[indexOf(columns, f)] ?? null;
    return { label: f.label, value: toNumber(raw), raw, format: f.format };
  });
}
