import { describe, expect, it } from "vitest";
import { orderEvents, runProgress } from "./stages.ts";
import type { EventStatus, ProgressEvent } from "./types.ts";

let clock = Date.parse("2024-05-01T10:00:00Z");
function ev(seq: number, stage: string, status: EventStatus, durationMs: number | null = null, payload: unknown = null): ProgressEvent {
  clock += 100;
  return { seq, stage, status, durationMs, payload, at: new Date(clock).toISOString() };
}

describe("orderEvents", () => {
  it("sorts by seq and drops replays", () => {
    const a = ev(2, "PLAN", "STARTED");
    const b = ev(1, "UNDERSTAND", "STARTED");
    expect(orderEvents([a, b, a]).map((e) => e.seq)).toEqual([1, 2]);
  });
});

describe("runProgress", () => {
  it("shows pending stages before anything happens", () => {
    const p = runProgress([]);
    expect(p.finished).toBe(false);
    expect(p.steps.every((s) => s.status === "pending")).toBe(true);
    expect(p.steps.map((s) => s.stage)).toEqual(["UNDERSTAND", "DISCOVER", "CONTEXT", "PLAN", "COMPILE", "EXECUTE", "VISUALIZE", "SUGGEST"]);
  });

  it("tracks a running run: done with durations, skipped, running with its detail", () => {
    const p = runProgress([
      ev(1, "UNDERSTAND", "STARTED"),
      ev(2, "UNDERSTAND", "COMPLETED", 12),
      ev(3, "DISCOVER", "SKIPPED"),
      ev(4, "CONTEXT", "STARTED"),
      ev(5, "CONTEXT", "PROGRESS", null, { message: "Reading the semantic model" }),
    ]);
    const by = Object.fromEntries(p.steps.map((s) => [s.stage, s]));
    expect(by.UNDERSTAND).toMatchObject({ status: "done", durationMs: 12 });
    expect(by.DISCOVER!.status).toBe("skipped");
    expect(by.CONTEXT).toMatchObject({ status: "running", detail: "Reading the semantic model" });
    expect(by.PLAN!.status).toBe("pending");
    expect(p.current?.stage).toBe("CONTEXT");
    expect(p.finished).toBe(false);
    expect(p.outcome).toBeNull();
  });

  it("ends on DONE with the total time, whatever order events arrive in", () => {
    const events = [ev(1, "UNDERSTAND", "STARTED"), ev(2, "UNDERSTAND", "COMPLETED", 5), ev(3, "DONE", "COMPLETED")];
    const p = runProgress([events[2]!, events[0]!, events[1]!]);
    expect(p.finished).toBe(true);
    expect(p.outcome).toBe("succeeded");
    expect(p.totalMs).toBe(200);
    expect(p.steps.find((s) => s.stage === "PLAN")!.status).toBe("not_reached");
  });

  it("stops at a failed stage and marks later ones not reached", () => {
    const p = runProgress([ev(1, "EXECUTE", "STARTED"), ev(2, "EXECUTE", "FAILED", 30, { message: "timeout" }), ev(3, "DONE", "FAILED")]);
    expect(p.outcome).toBe("failed");
    expect(p.current).toMatchObject({ stage: "EXECUTE", status: "failed", detail: "timeout" });
    expect(p.steps.find((s) => s.stage === "VISUALIZE")!.status).toBe("not_reached");
  });

  it("reports needs-input and cancellation", () => {
    expect(runProgress([ev(1, "PLAN", "NEEDS_INPUT")]).outcome).toBe("needs_input");
    const cancelled = runProgress([ev(1, "EXECUTE", "STARTED"), ev(2, "DONE", "CANCELLED")]);
    expect(cancelled.outcome).toBe("cancelled");
    expect(cancelled.steps.find((s) => s.stage === "EXECUTE")!.status).toBe("cancelled");
  });

  it("shows stages the client does not know yet, after the known ones", () => {
    const p = runProgress([ev(1, "REVIEW_SQL", "STARTED")]);
    expect(p.steps.at(-1)).toMatchObject({ stage: "REVIEW_SQL", label: "Review sql", status: "running" });
  });
});
