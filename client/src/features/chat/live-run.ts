import { orderEvents } from "../answer/stages.ts";
import type { AnswerError, AnswerResult, ChartSpec, ProgressEvent, ResultCell, ResultColumn, Suggestion } from "../answer/types.ts";

/**
 * What a run has produced so far, read from its progress events alone: the
 * answer builds up on screen before the run is stored as finished. Payload
 * shapes are the server's (see the ProgressEvent.payload description).
 */
export interface LiveRun {
  events: ProgressEvent[];
  /** The highest seq seen: where a resumed subscription continues. */
  lastSeq: number;
  /** The DONE event arrived. */
  done: boolean;
  sql: string | null;
  explanation: string | null;
  /** The first rows, from the EXECUTE stage (the table's real pages come later). */
  preview: AnswerResult | null;
  chart: ChartSpec | null;
  suggestions: (Suggestion & { index: number })[];
  error: AnswerError | null;
  /** The assistant's closing words (DONE's message). */
  message: string | null;
}

export const emptyLiveRun: LiveRun = {
  events: [],
  lastSeq: 0,
  done: false,
  sql: null,
  explanation: null,
  preview: null,
  chart: null,
  suggestions: [],
  error: null,
  message: null,
};

type Payload = Record<string, unknown>;

function asObject(value: unknown): Payload | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Payload) : null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.length > 0 ? value : null;
}

function chartOf(value: unknown): ChartSpec | null {
  const chart = asObject(value);
  if (!chart || typeof chart.type !== "string" || !Array.isArray(chart.y)) return null;
  return {
    type: chart.type as ChartSpec["type"],
    title: text(chart.title) ?? "",
    reason: text(chart.reason) ?? "",
    alternatives: Array.isArray(chart.alternatives) ? (chart.alternatives as ChartSpec["alternatives"]) : [],
    x: (asObject(chart.x) as ChartSpec["x"]) ?? null,
    y: chart.y as ChartSpec["y"],
    series: (asObject(chart.series) as ChartSpec["series"]) ?? null,
  };
}

/** Adds events (any order, repeats allowed: a resumed subscription may replay) and re-reads the run. */
export function applyEvents(state: LiveRun, incoming: readonly ProgressEvent[]): LiveRun {
  // A seq names one event for good: nothing new means the same state (so React can skip a render).
  const known = new Set(state.events.map((e) => e.seq));
  if (incoming.every((e) => known.has(e.seq))) return state;
  const events = orderEvents([...state.events, ...incoming]);
  let next: LiveRun = { ...emptyLiveRun, events, lastSeq: events.at(-1)?.seq ?? 0 };
  for (const event of events) next = applyOne(next, event);
  return next;
}

function applyOne(state: LiveRun, event: ProgressEvent): LiveRun {
  const payload = asObject(event.payload);
  if (event.stage === "DONE") {
    const failed = event.status === "FAILED";
    return {
      ...state,
      done: true,
      message: text(payload?.message),
      error: failed ? { code: text(payload?.code) ?? "INTERNAL", message: text(payload?.message) ?? "The answer failed.", hint: text(payload?.hint) } : state.error,
    };
  }
  if (event.status !== "COMPLETED" || !payload) return state;
  switch (event.stage) {
    case "COMPILE":
      return { ...state, sql: text(payload.sql), explanation: text(payload.explanation) };
    case "EXECUTE": {
      if (!Array.isArray(payload.columns) || !Array.isArray(payload.rows)) return state;
      const rows = payload.rows as ResultCell[][];
      const rowCount = typeof payload.rowCount === "number" ? payload.rowCount : rows.length;
      return { ...state, preview: { columns: payload.columns as ResultColumn[], rows, totalRows: rowCount, truncated: Boolean(payload.truncated) } };
    }
    case "VISUALIZE":
      return { ...state, chart: chartOf(payload.chart) };
    case "SUGGEST":
      return { ...state, suggestions: Array.isArray(payload.suggestions) ? (payload.suggestions as LiveRun["suggestions"]) : [] };
    default:
      return state;
  }
}

/**
 * Variables for `queryProgress` that always ask for what comes after the
 * last event seen. graphql-ws serialises the subscribe message again on every
 * reconnection, so the getter makes a retried subscription resume instead of
 * replaying from the start.
 */
export function resumableVariables(runId: string, lastSeq: () => number): { runId: string; afterSeq: number } {
  return {
    runId,
    get afterSeq() {
      return lastSeq();
    },
  } as { runId: string; afterSeq: number };
}
