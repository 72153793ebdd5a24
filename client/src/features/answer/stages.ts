import type { EventStatus, ProgressEvent } from "./types.ts";

export type StepStatus = "pending" | "running" | "done" | "skipped" | "failed" | "needs_input" | "cancelled" | "not_reached";

export interface StepState {
  stage: string;
  label: string;
  status: StepStatus;
  durationMs: number | null;
  /** The latest human-readable detail of the stage (a progress payload's `message`). */
  detail: string | null;
}

/** The pipeline's stages as the stepper names them; DONE is the run's end, not a step. */
export const STEP_LABELS: Record<string, string> = {
  UNDERSTAND: "Understand",
  DISCOVER: "Find data",
  CONTEXT: "Context",
  PLAN: "Plan",
  COMPILE: "Write SQL",
  EXECUTE: "Run query",
  VISUALIZE: "Chart",
  SUGGEST: "Follow-ups",
};

const STATUS_OF: Record<EventStatus, StepStatus> = {
  STARTED: "running",
  PROGRESS: "running",
  COMPLETED: "done",
  SKIPPED: "skipped",
  FAILED: "failed",
  NEEDS_INPUT: "needs_input",
  CANCELLED: "cancelled",
};

export interface RunProgress {
  steps: StepState[];
  /** The DONE event arrived (or a step failed, was cancelled or needs input): nothing else will move. */
  finished: boolean;
  /** How the run ended, when it did. */
  outcome: "succeeded" | "failed" | "needs_input" | "cancelled" | null;
  /** The step now running, or the one the run stopped at. */
  current: StepState | null;
  totalMs: number | null;
}

function detailOf(payload: unknown): string | null {
  if (payload && typeof payload === "object" && "message" in payload) {
    const message = (payload as { message: unknown }).message;
    if (typeof message === "string" && message.trim()) return message;
  }
  return null;
}

/** Events in seq order without repeats (a reconnect may replay what was already seen). */
export function orderEvents(events: readonly ProgressEvent[]): ProgressEvent[] {
  const bySeq = new Map<number, ProgressEvent>();
  for (const e of events) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * Folds a run's progress events into one state per stage. Stages the server
 * adds later still show (after the known ones); stages never reached by a
 * finished run read "not reached".
 */
export function runProgress(events: readonly ProgressEvent[], stages: readonly string[] = Object.keys(STEP_LABELS)): RunProgress {
  const ordered = orderEvents(events);
  const names = [...stages];
  for (const e of ordered) if (e.stage !== "DONE" && !names.includes(e.stage)) names.push(e.stage);
  const steps = new Map<string, StepState>(
    names.map((stage) => [stage, { stage, label: STEP_LABELS[stage] ?? titleCase(stage), status: "pending", durationMs: null, detail: null }]),
  );
  let done: ProgressEvent | null = null;
  for (const e of ordered) {
    if (e.stage === "DONE") {
      done = e;
      continue;
    }
    const step = steps.get(e.stage)!;
    step.status = STATUS_OF[e.status];
    if (e.durationMs !== null) step.durationMs = e.durationMs;
    step.detail = detailOf(e.payload) ?? (e.status === "STARTED" ? null : step.detail);
  }
  const list = [...steps.values()];
  const stopped = list.find((s) => s.status === "failed" || s.status === "needs_input" || s.status === "cancelled");
  const doneStatus = done ? STATUS_OF[done.status] : null;
  const finished = done !== null || stopped !== undefined;
  if (finished) {
    for (const s of list) {
      if (s.status === "pending") s.status = "not_reached";
      // A run that ended while a stage was still running did not finish that stage.
      if (s.status === "running") s.status = doneStatus === "cancelled" ? "cancelled" : "not_reached";
    }
  }
  let outcome: RunProgress["outcome"] = null;
  if (finished) {
    const end = stopped?.status ?? doneStatus;
    outcome = end === "failed" || end === "needs_input" || end === "cancelled" ? end : "succeeded";
  }
  const current = stopped ?? list.find((s) => s.status === "running") ?? null;
  const first = ordered[0];
  const last = ordered.at(-1);
  const totalMs = finished && first && last ? Math.max(0, Date.parse(last.at) - Date.parse(first.at)) : null;
  return { steps: list, finished, outcome, current, totalMs };
}

function titleCase(stage: string): string {
  return stage.charAt(0) + stage.slice(1).toLowerCase().replaceAll("_", " ");
}
