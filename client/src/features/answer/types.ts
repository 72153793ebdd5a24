/**
 * What the API delivers for one answer, mirrored from the server's
 * `server/src/insights/types.ts`, `pipeline/events.ts` and discovery ranking.
 * Everything arrives as JSON, so only JSON-shaped types appear here.
 */

export type ValueType = "integer" | "bigint" | "decimal" | "float" | "text" | "boolean" | "date" | "timestamp";

export type ChartType = "kpi" | "line" | "bar" | "grouped_bar" | "stacked_bar" | "pie" | "scatter" | "table";

/**
 * How a value reads. `percent` values are ratios (0.25 shows as 25%), the
 * convention of Intl.NumberFormat's percent style.
 */
export type ValueFormat = "integer" | "number" | "currency" | "percent" | "text" | "date";

export type TimeGrain = "year" | "quarter" | "month" | "week" | "day";

export interface ChartField {
  /** The result column's name. */
  column: string;
  label: string;
  type: ValueType;
  format: ValueFormat;
}

export interface ChartSpec {
  type: ChartType;
  title: string;
  /** Category or time axis (bar, line, pie slices, scatter x). */
  x: (ChartField & { timeGrain?: TimeGrain }) | null;
  /** Measures plotted; for KPI the single value; for scatter the y axis. */
  y: ChartField[];
  /** Second dimension splitting the data into series (grouped/stacked bars, multi-line). */
  series: ChartField | null;
  /** Other chart types that also fit, best first. */
  alternatives: ChartType[];
  /** Why this type was chosen, in one sentence. */
  reason: string;
}

export interface ResultColumn {
  name: string;
  type: ValueType;
  /** The database's own type name, e.g. `numeric(12,2)`. */
  dbType: string;
  /** A key beside the names of the groups it identifies: left out of the table, kept in exports. */
  hidden?: boolean;
}

/** Decimals and bigints may arrive as strings; dates as 'YYYY-MM-DD'; timestamps as ISO 8601. */
export type ResultCell = string | number | boolean | null | { [key: string]: unknown } | unknown[];

export interface AnswerResult {
  columns: ResultColumn[];
  /** The rows of the current page. */
  rows: ResultCell[][];
  /** Rows in the whole (possibly truncated) result. */
  totalRows: number;
  /** The query returned more rows than the server keeps; `totalRows` is the cap. */
  truncated: boolean;
}

export type SortDirection = "ASC" | "DESC";

export interface SortState {
  column: string;
  direction: SortDirection;
}

export interface Suggestion {
  kind: string;
  label: string;
}

export const STAGES = ["UNDERSTAND", "DISCOVER", "CONTEXT", "PLAN", "COMPILE", "EXECUTE", "VISUALIZE", "SUGGEST", "DONE"] as const;
export type Stage = (typeof STAGES)[number];

export type EventStatus = "STARTED" | "PROGRESS" | "COMPLETED" | "SKIPPED" | "FAILED" | "NEEDS_INPUT" | "CANCELLED";

export interface ProgressEvent {
  seq: number;
  /** One of STAGES; typed as string because a newer server may add stages. */
  stage: string;
  status: EventStatus;
  durationMs: number | null;
  payload: unknown;
  /** ISO 8601. */
  at: string;
}

export interface AnswerError {
  code: string;
  message: string;
  hint?: string | null;
}

/** A data source offered when the question could fit several. */
export interface DiscoveryCandidate {
  id: string;
  name: string;
  description?: string | null;
  /** 0–1. */
  score?: number;
  /** What in the question matched, e.g. `"revenue" → metric Revenue`. */
  matched: string[];
  reason?: string | null;
}

export interface ClarificationOption {
  label: string;
}

export type Rating = "POSITIVE" | "NEGATIVE";

export const FEEDBACK_CATEGORIES = ["WRONG_RESULT", "WRONG_CHART", "MISUNDERSTOOD", "SQL_ERROR", "SLOW", "OTHER"] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

export interface FeedbackInput {
  rating: Rating;
  comment: string | null;
  category: FeedbackCategory | null;
}
