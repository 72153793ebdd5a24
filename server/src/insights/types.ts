import type { QuerySpec, TimeGrain } from "../engine/spec.ts";
import type { ValueType } from "../sql/snapshot.ts";

/**
 * What the visualize and suggest stages produce. Plain JSON: stored on a run,
 * sent in progress events, and rendered by the client with nivo.
 */

export type ChartType = "kpi" | "line" | "bar" | "grouped_bar" | "stacked_bar" | "pie" | "scatter" | "table";

export type ValueFormat = "integer" | "number" | "currency" | "percent" | "text" | "date";

/** One result column as a chart uses it. `column` is the result column's name. */
export interface ChartField {
  column: string;
  label: string;
  type: ValueType;
  format: ValueFormat;
}

/**
 * Fields are given by role, so that every type in `alternatives` renders from
 * the same spec: `x` is the category or time axis (or what names each point
 * or the KPI), `y` the measures, `series` the second dimension.
 */
export interface ChartSpec {
  type: ChartType;
  title: string;
  /**
   * Category or time axis (bar, line, pie slices). For scatter: names each
   * point (may be null). For KPI: the label of the single row, if it has one.
   */
  x: (ChartField & { timeGrain?: TimeGrain }) | null;
  /**
   * Measures plotted (one per line / bar of a group); for KPI the values
   * (the first is the headline); for scatter y[0] is the horizontal axis and
   * y[1] the vertical one.
   */
  y: ChartField[];
  /** Second dimension splitting the data into series (grouped/stacked bars, multi-line). */
  series: ChartField | null;
  /**
   * Other chart types that also fit this result, best first (the client offers
   * a switch). Always ends with "table" unless the chosen type is "table".
   */
  alternatives: ChartType[];
  /** Why this type was chosen, in one sentence. */
  reason: string;
  /** Bars drawn sideways: many categories or long labels read better that way. */
  layout: "vertical" | "horizontal";
  /**
   * Categories kept when there are too many to draw: the client plots the
   * first `shown` of `total` distinct x values, after sorting rows by y[0]
   * descending when `sortByValue` (so the largest are kept). Null: plot all.
   */
  cap: { shown: number; total: number; sortByValue: boolean } | null;
}

/** Where a column of the result comes from, so charts and suggestions need not guess from names. */
export interface ColumnRole {
  column: string;
  /**
   * `key`: identifies the group of an entity dimension (its primary key) but
   * does not name it; never plotted. `attribute`: a listed column (rows of a
   * listing, free text); the compiler's "column" role maps here.
   */
  role: "dimension" | "time" | "measure" | "attribute" | "key";
  /** Index into the spec's dimensions or measures, when the column is one. */
  index?: number;
}

export type SuggestionKind = "breakdown" | "time_grain" | "top_n" | "filter_top" | "compare_period" | "drill_down" | "trend" | "measure" | "widen";

export interface Suggestion {
  kind: SuggestionKind;
  /** Button text, phrased as the question it asks, e.g. "Break down by region". */
  label: string;
  /** The QuerySpec it runs: one click runs it without parsing text again. */
  spec: QuerySpec;
}
