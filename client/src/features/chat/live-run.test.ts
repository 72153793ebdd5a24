import { describe, expect, it } from "vitest";
import type { ProgressEvent } from "../answer/types.ts";
import { applyEvents, emptyLiveRun, resumableVariables } from "./live-run";

const at = "2026-01-10T12:00:00.000Z";
const ev = (seq: number, stage: string, status: ProgressEvent["status"], payload: unknown = null, durationMs: number | null = null): ProgressEvent => ({
  seq,
  stage,
  status,
  payload,
  durationMs,
  at,
});

const columns = [
  { name: "region", type: "text", dbType: "text" },
  { name: "revenue", type: "decimal", dbType: "numeric" },
];
const chart = { type: "bar", title: "Revenue by region", reason: "Categories.", alternatives: ["pie", "table"], x: { column: "region", label: "Region", type: "text", format: "text" }, y: [{ column: "revenue", label: "Revenue", type: "decimal", format: "currency" }], series: null, cap: null };

const run: ProgressEvent[] = [
  ev(1, "UNDERSTAND", "STARTED"),
  ev(2, "UNDERSTAND", "COMPLETED", { text: "Show by region" }, 3),
  ev(3, "COMPILE", "STARTED"),
  ev(4, "COMPILE", "COMPLETED", { sql: "select 1", explanation: "Adds up revenue by region." }, 20),
  ev(5, "EXECUTE", "COMPLETED", { columns, rows: [["North", "10.5"]], rowCount: 4, truncated: false }, 40),
  ev(6, "VISUALIZE", "COMPLETED", { chart }, 1),
  ev(7, "SUGGEST", "COMPLETED", { suggestions: [{ index: 0, kind: "trend", label: "Trend by month" }] }, 1),
  ev(8, "DONE", "COMPLETED", { status: "SUCCEEDED", message: "4 rows." }),
];

describe("applyEvents", () => {
  it("builds the answer up stage by stage", () => {
    let state = applyEvents(emptyLiveRun, run.slice(0, 4));
    expect(state.sql).toBe("select 1");
    expect(state.explanation).toBe("Adds up revenue by region.");
    expect(state.preview).toBeNull();
    expect(state.done).toBe(false);
    state = applyEvents(state, run.slice(4));
    expect(state.preview).toEqual({ columns, rows: [["North", "10.5"]], totalRows: 4, truncated: false });
    expect(state.chart).toMatchObject({ type: "bar", alternatives: ["pie", "table"], series: null });
    expect(state.chart).not.toHaveProperty("cap");
    expect(state.suggestions).toEqual([{ index: 0, kind: "trend", label: "Trend by month" }]);
    expect(state.done).toBe(true);
    expect(state.message).toBe("4 rows.");
    expect(state.lastSeq).toBe(8);
  });

  it("takes replayed and out-of-order events without repeating them", () => {
    const once = applyEvents(emptyLiveRun, run);
    const replayed = applyEvents(applyEvents(emptyLiveRun, [run[5]!, run[0]!, run[1]!]), run);
    expect(replayed.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(replayed).toEqual(once);
    expect(applyEvents(once, run.slice(2, 5))).toBe(once);
  });

  it("reads a failure from the DONE event", () => {
    const state = applyEvents(emptyLiveRun, [ev(1, "EXECUTE", "FAILED", { message: "Timed out" }), ev(2, "DONE", "FAILED", { status: "FAILED", code: "QUERY_TIMEOUT", message: "The query ran too long.", hint: "Add a filter." })]);
    expect(state.error).toEqual({ code: "QUERY_TIMEOUT", message: "The query ran too long.", hint: "Add a filter." });
  });

  it("ignores payloads of the wrong shape", () => {
    const state = applyEvents(emptyLiveRun, [ev(1, "EXECUTE", "COMPLETED", { columns: "nope" }), ev(2, "VISUALIZE", "COMPLETED", { chart: { type: "bar" } })]);
    expect(state.preview).toBeNull();
    expect(state.chart).toBeNull();
  });
});

describe("resumableVariables", () => {
  it("serialises the latest seq each time the subscription is (re)sent", () => {
    let last = 0;
    const variables = resumableVariables("run-1", () => last);
    expect(JSON.parse(JSON.stringify({ variables }))).toEqual({ variables: { runId: "run-1", afterSeq: 0 } });
    last = 7;
    expect(JSON.parse(JSON.stringify({ variables }))).toEqual({ variables: { runId: "run-1", afterSeq: 7 } });
  });
});
