import type { QuerySpec } from "../engine/spec.ts";
import { nameWords, readableLabel } from "../semantic/names.ts";
import type { SemanticModel } from "../semantic/types.ts";
import type { ResultColumn } from "../sql/executor/executor.ts";
import { resolveColumns, type ResolvedColumn } from "./columns.ts";
import { formatOf } from "./format.ts";
import { dimensionLabel, fieldLabel, measureLabel, specTitle } from "./labels.ts";
import type { ChartField, ChartSpec, ChartType, ColumnRole } from "./types.ts";

export interface ChartInput {
  spec: QuerySpec | null;
  model: SemanticModel | null;
  columns: readonly ResultColumn[];
  rows: readonly unknown[][];
  /** Column roles when the caller knows them; derived from the spec (or the values) otherwise. */
  roles?: readonly ColumnRole[];
  /** The question as asked, the title of SQL written by the model; an engine answer is titled from its spec. */
  title?: string;
}

/** Thresholds of the rules, exported so tests and the client speak of the same numbers. */
export const CHART_LIMITS = {
  /** KPI cards shown for one row at most. */
  kpiValues: 4,
  /** Pie is preferred up to this many slices and still offered up to `pieMaxSlices`. */
  pieSlices: 6,
  pieMaxSlices: 8,
  /** Bars drawn before the rest is cut (the cap says so). */
  barCap: 30,
  /** Beyond this many categories a table comes first and the capped bar is only an alternative. */
  barMaxCategories: 100,
  /** Lines or bar segments per x value at most. */
  seriesMax: 10,
  /** Side-by-side bars per group; more become stacked when they add up. */
  groupedSeriesMax: 3,
  /** Points that make a scatter worth drawing rather than grouped bars. */
  scatterMinRows: 10,
  /** Labels longer than this (or more categories than `horizontalCategories`) turn bars sideways. */
  horizontalLabelLength: 14,
  horizontalCategories: 12,
} as const;

interface Choice {
  types: ChartType[];
  reason: string;
  x: ResolvedColumn | null;
  y: ResolvedColumn[];
  series: ResolvedColumn | null;
  cap?: ChartSpec["cap"];
}

/** Aggregates whose values add up over groups, so parts make a whole (pie, stacked bars). */
function additive(spec: QuerySpec | null, model: SemanticModel | null, column: ResolvedColumn): boolean {
  const m = spec && column.index !== undefined ? spec.measures[column.index] : undefined;
  if (spec?.rollup) return false;
  if (m && m.kind === "count") return true;
  if (m && m.kind === "field") return m.agg === "sum" || m.agg === "count";
  if (m && m.kind === "metric") {
    const expression = model?.metrics.find((x) => x.name === m.metric)?.expression ?? "";
    return /^\s*(sum|count)\s*\(/i.test(expression) && !expression.includes("/");
  }
  const words = nameWords(column.name);
  if (words.some((w) => ["avg", "average", "mean", "min", "max", "median", "rate", "ratio", "percent", "pct", "share"].includes(w))) return false;
  return words.some((w) => ["count", "sum", "total", "number", "num", "qty", "quantity", "revenue", "sales", "amount"].includes(w));
}

/** Whether the rows are cut off by a "top N" limit, so they are not a whole. */
const cutByLimit = (spec: QuerySpec | null, rows: number) => spec?.limit !== null && spec?.limit !== undefined && rows >= spec.limit;

/** Whether rows already come sorted by the first measure, largest first. */
const sortedByValue = (spec: QuerySpec | null) => spec?.order[0]?.by.kind === "measure" && spec.order[0].by.index === 0 && spec.order[0].dir === "desc";

const withTable = (types: ChartType[]): ChartType[] => [...types.filter((t) => t !== "table"), "table"];

function categoryChart(input: ChartInput, x: ResolvedColumn, y: ResolvedColumn): Choice {
  const n = input.rows.length;
  const k = x.stats.distinct + (x.stats.present < n ? 1 : 0);
  const pieFits =
    k >= 2 &&
    k <= CHART_LIMITS.pieMaxSlices &&
    y.stats.negative === 0 &&
    y.stats.sum > 0 &&
    additive(input.spec, input.model, y) &&
    !cutByLimit(input.spec, n);
  const cap = k > CHART_LIMITS.barCap ? { shown: CHART_LIMITS.barCap, total: k, sortByValue: !sortedByValue(input.spec) } : null;
  if (k > CHART_LIMITS.barMaxCategories) {
    return { types: ["table", "bar"], reason: `${k} categories are too many to draw; a bar chart of the largest ${CHART_LIMITS.barCap} is offered.`, x, y: [y], series: null, cap };
  }
  if (pieFits && k <= CHART_LIMITS.pieSlices) {
    return { types: ["pie", "bar", "table"], reason: `${k} parts of a total: a pie shows each one's share.`, x, y: [y], series: null, cap: null };
  }
  const reason = cap ? `One value per category; the largest ${cap.shown} of ${k} are drawn.` : "One value per category: bars compare them.";
  return { types: pieFits ? ["bar", "pie", "table"] : ["bar", "table"], reason, x, y: [y], series: null, cap };
}

function timeChart(input: ChartInput, time: ResolvedColumn, cats: ResolvedColumn[], measures: ResolvedColumn[]): Choice {
  const points = time.stats.distinct;
  if (cats.length === 0) {
    const y = measures.slice(0, CHART_LIMITS.kpiValues);
    const bars: ChartType = y.length > 1 ? "grouped_bar" : "bar";
    const barFits = points <= CHART_LIMITS.barMaxCategories;
    return { types: barFits ? ["line", bars, "table"] : ["line", "table"], reason: `${points} points in time: a line shows the trend.`, x: time, y, series: null };
  }
  const series = cats[0]!;
  const s = series.stats.distinct;
  if (s > CHART_LIMITS.seriesMax) {
    return { types: ["table"], reason: `${s} series over time would be unreadable as lines.`, x: time, y: measures.slice(0, 1), series };
  }
  const y = measures[0]!;
  const stackable = additive(input.spec, input.model, y) && y.stats.negative === 0;
  const barFits = points <= CHART_LIMITS.barCap;
  const bars: ChartType[] = barFits ? (stackable ? ["stacked_bar", "grouped_bar"] : ["grouped_bar"]) : [];
  return { types: ["line", ...bars, "table"], reason: `${points} points in time for each of ${s} series: one line per series.`, x: time, y: [y], series };
}

function twoDimensionChart(input: ChartInput, cats: ResolvedColumn[], y: ResolvedColumn): Choice {
  // The dimension with fewer values splits the bars; the other runs along the axis.
  const [a, b] = cats as [ResolvedColumn, ResolvedColumn];
  const [x, series] = b.stats.distinct <= a.stats.distinct ? [a, b] : [b, a];
  const s = series.stats.distinct;
  const k = x.stats.distinct;
  if (s > CHART_LIMITS.seriesMax || k > CHART_LIMITS.barCap) {
    return { types: ["table"], reason: `${k} × ${s} combinations are too many to draw.`, x, y: [y], series };
  }
  const stackable = additive(input.spec, input.model, y) && y.stats.negative === 0;
  if (stackable && s > CHART_LIMITS.groupedSeriesMax) {
    return { types: ["stacked_bar", "grouped_bar", "table"], reason: `${s} parts of each total: stacked bars show the total and its parts.`, x, y: [y], series };
  }
  return {
    types: stackable ? ["grouped_bar", "stacked_bar", "table"] : ["grouped_bar", "table"],
    reason: `Two groupings: bars side by side for each of ${s} values.`,
    x,
    y: [y],
    series,
  };
}

function twoMeasureChart(input: ChartInput, cats: ResolvedColumn[], measures: ResolvedColumn[]): Choice {
  const n = input.rows.length;
  const x = cats[0] ?? null;
  const y = measures.slice(0, 2);
  if (!x && n < 3) return { types: ["table"], reason: "Too few rows to relate two measures.", x: null, y: [], series: null };
  if (n >= CHART_LIMITS.scatterMinRows || !x) {
    const bars = x && n <= CHART_LIMITS.barCap ? (["grouped_bar"] as ChartType[]) : [];
    return { types: ["scatter", ...bars, "table"], reason: `${n} rows with two measures: a scatter shows how they relate.`, x, y, series: null };
  }
  const more = measures.slice(0, CHART_LIMITS.kpiValues);
  const scatter = n >= 3 ? (["scatter"] as ChartType[]) : [];
  return { types: ["grouped_bar", ...scatter, "table"], reason: `${more.length} measures for ${n} categories: bars side by side.`, x, y: more, series: null };
}

function choose(input: ChartInput, resolved: ResolvedColumn[]): Choice {
  const n = input.rows.length;
  const measures = resolved.filter((c) => c.role === "measure");
  const times = resolved.filter((c) => c.role === "time");
  const dims = resolved.filter((c) => c.role === "dimension");
  // A single point in time is a category like any other.
  const time = times.length === 1 && times[0]!.stats.distinct >= 2 ? times[0]! : null;
  const cats = [...dims, ...times.filter((t) => t !== time)];
  const none = { x: null, y: [], series: null };
  if (n === 0) return { types: ["table"], reason: "No rows came back.", ...none };
  if (measures.length === 0) return { types: ["table"], reason: "Nothing numeric to plot.", ...none };
  const groupings = cats.length + (time ? 1 : 0);
  if (n === 1 && groupings <= 1 && measures.length <= CHART_LIMITS.kpiValues) {
    return { types: ["kpi", "table"], reason: "A single value.", x: cats[0] ?? time, y: measures, series: null };
  }
  if (groupings > 2) return { types: ["table"], reason: `${groupings} groupings are clearer as a table.`, ...none };
  if (time && cats.length <= 1) return timeChart(input, time, cats, measures);
  if (measures.length >= 2 && cats.length <= 1) return twoMeasureChart(input, cats, measures);
  if (cats.length === 1 && measures.length === 1) return categoryChart(input, cats[0]!, measures[0]!);
  if (cats.length === 2 && measures.length === 1) return twoDimensionChart(input, cats, measures[0]!);
  return { types: ["table"], reason: "No chart fits this shape.", ...none };
}

function label(input: ChartInput, c: ResolvedColumn): string {
  const { spec, model } = input;
  if (spec && model && !spec.verifiedSql && c.index !== undefined) {
    if (c.role === "measure" && spec.measures[c.index]) return measureLabel(model, spec.measures[c.index]!);
    if ((c.role === "dimension" || c.role === "time") && spec.dimensions[c.index]) return dimensionLabel(model, spec.dimensions[c.index]!);
  }
  if (spec && model && spec.measures.length === 0 && spec.dimensions.length === 0) return fieldLabel(model, spec.entity, c.name);
  return readableLabel(c.name);
}

function field(input: ChartInput, c: ResolvedColumn): ChartField {
  return { column: c.name, label: label(input, c), type: c.type, format: formatOf(input.spec, input.model, c) };
}

/** A listing or free text reads as a table first, whatever else could be drawn. */
function listingFirst(input: ChartInput, resolved: ResolvedColumn[]): boolean {
  const spec = input.spec && !input.spec.verifiedSql ? input.spec : null;
  if (spec) return spec.measures.length === 0 && spec.dimensions.length === 0;
  return resolved.some((c) => c.role === "attribute") || resolved.filter((c) => c.role === "dimension").length > 2;
}

/**
 * Picks a chart for a result from its shape (see CHART_LIMITS and the rules
 * in the functions above). Pure and deterministic.
 */
export function chooseChart(input: ChartInput): ChartSpec {
  const resolved = resolveColumns(input);
  let choice = choose(input, resolved);
  if (input.rows.length > 0 && listingFirst(input, resolved)) {
    choice = { ...choice, types: ["table", ...choice.types], reason: "A list of rows reads best as a table." };
  }
  const types = choice.types[0] === "table" ? [...new Set(choice.types)] : withTable(choice.types);
  const [type, ...alternatives] = types as [ChartType, ...ChartType[]];
  const x = choice.x ? { ...field(input, choice.x), ...(choice.x.grain ? { timeGrain: choice.x.grain } : {}) } : null;
  const bars = types.some((t) => t === "bar" || t === "grouped_bar" || t === "stacked_bar");
  const k = choice.x?.stats.distinct ?? 0;
  const sideways = bars && choice.x?.role !== "time" && (k > CHART_LIMITS.horizontalCategories || (choice.x?.stats.maxLength ?? 0) > CHART_LIMITS.horizontalLabelLength);
  const spec = input.spec && input.model && !input.spec.verifiedSql ? input.spec : null;
  return {
    type,
    title: input.title?.trim() || (spec ? specTitle(input.model!, spec) : titleFromFields(choice)),
    x,
    y: choice.y.map((c) => field(input, c)),
    series: choice.series ? field(input, choice.series) : null,
    alternatives,
    reason: choice.reason,
    layout: sideways ? "horizontal" : "vertical",
    cap: choice.cap ?? null,
  };
}

function titleFromFields(choice: Choice): string {
  const y = choice.y.map((c) => readableLabel(c.name));
  const by = [choice.x, choice.series].filter((c): c is ResolvedColumn => c !== null).map((c) => readableLabel(c.name).toLowerCase());
  if (y.length === 0) return "Result";
  return y.join(" and ") + (by.length ? ` by ${by.join(" and ")}` : "");
}
