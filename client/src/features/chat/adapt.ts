import type { RunDetailsQuery, RunResultPageQuery } from "../../graphql/graphql";
import type {
  AnswerResult,
  ChartField,
  ChartSpec,
  ChartType,
  DiscoveryCandidate,
  ProgressEvent,
  ResultCell,
  ResultColumn,
  TimeGrain,
  ValueFormat,
  ValueType,
} from "../answer/types.ts";

/** The API sends these as strings; the components want their unions. */
type ApiField = { column: string; label: string; type: string; format: string; timeGrain?: string | null };
type ApiChart = NonNullable<RunDetailsQuery["run"]["chart"]>;
type ApiPage = NonNullable<RunResultPageQuery["run"]["result"]>;

const grains = new Set<TimeGrain>(["year", "quarter", "month", "week", "day"]);

function field(f: ApiField): ChartField {
  return { column: f.column, label: f.label, type: f.type as ValueType, format: f.format as ValueFormat };
}

export function toChartSpec(chart: ApiChart): ChartSpec {
  const grain = chart.x?.timeGrain;
  return {
    type: chart.type as ChartType,
    title: chart.title,
    reason: chart.reason,
    alternatives: chart.alternatives as ChartType[],
    x: chart.x ? { ...field(chart.x), ...(grain && grains.has(grain as TimeGrain) ? { timeGrain: grain as TimeGrain } : {}) } : null,
    y: chart.y.map(field),
    series: chart.series ? field(chart.series) : null,
  };
}

export function toColumns(columns: ApiPage["columns"]): ResultColumn[] {
  return columns.map((c) => ({ name: c.name, type: c.type as ValueType, dbType: c.dbType, ...(c.hidden ? { hidden: true } : {}) }));
}

export function toResult(page: ApiPage): AnswerResult {
  return { columns: toColumns(page.columns), rows: page.rows as ResultCell[][], totalRows: page.totalRows, truncated: page.truncated };
}

export function toEvents(events: RunDetailsQuery["run"]["events"]): ProgressEvent[] {
  return events.map((e) => ({ seq: e.seq, stage: e.stage, status: e.status, durationMs: e.durationMs, payload: e.payload, at: e.at }));
}

export function toCandidates(candidates: RunDetailsQuery["run"]["candidates"]): DiscoveryCandidate[] {
  // A zero score means nothing was matched (the user asked to browse): no "0% match" badge.
  return candidates.map((c) => ({ id: c.dataSourceId, name: c.name, description: c.description || null, ...(c.score > 0 ? { score: c.score } : {}), matched: c.matched, reason: c.reason || null }));
}

/** Statuses after which nothing about the run changes any more. */
export const finishedStatuses = new Set(["SUCCEEDED", "REPLIED", "FAILED", "CANCELLED", "NEEDS_INPUT"]);
