import { exposedError } from "../errors.ts";
import type { EventLog, EventStatus } from "./events.ts";

/** Pipeline stages in the order they run; DONE is the terminal event. */
export const stages = ["UNDERSTAND", "DISCOVER", "CONTEXT", "PLAN", "COMPILE", "EXECUTE", "VISUALIZE", "SUGGEST", "DONE"] as const;
export type Stage = (typeof stages)[number];

/** A failure a person can act on: it ends the run with this code, message and hint. */
export class RunFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "RunFailure";
  }
}

/** The run stopped to wait for the user (a data source to pick, a clarification). */
export class NeedsInput extends Error {
  constructor(
    readonly kind: "DISCOVERY" | "CLARIFICATION",
    message: string,
    readonly payload: unknown,
  ) {
    super(message);
    this.name = "NeedsInput";
  }
}

export class RunCancelled extends Error {
  constructor() {
    super("The run was cancelled.");
    this.name = "RunCancelled";
  }
}

/** Code, message and hint of anything a stage threw, for events and the ERROR message. */
export function describeFailure(error: unknown): { code: string; message: string; hint: string } {
  if (error instanceof RunFailure) return { code: error.code, message: error.message, hint: error.hint };
  const exposed = exposedError(error);
  if (exposed) return { code: exposed.code, message: exposed.message, hint: exposed.hint ?? "Try rephrasing the question." };
  return { code: "INTERNAL", message: "Something unexpected went wrong while answering.", hint: "Try again; if it keeps failing, the server log has the details." };
}

/**
 * Runs one stage of one run, reporting STARTED, then COMPLETED with the
 * stage's payload and duration, or FAILED / NEEDS_INPUT / CANCELLED.
 */
export function createStageRunner(runId: string, events: EventLog, signal: AbortSignal) {
  const timings: Partial<Record<Stage, number>> = {};

  const emit = (stage: Stage, status: EventStatus, payload?: unknown, durationMs?: number) =>
    events.append(
      runId,
      { stage, status, payload, durationMs: durationMs === undefined ? null : Math.round(durationMs) },
      { durable: stage === "EXECUTE" && status === "STARTED" },
    );

  return {
    timings,
    emit,
    async skip(stage: Stage, payload: unknown) {
      await emit(stage, "SKIPPED", payload);
    },
    /** Intermediate output of a running stage (the model's SQL as it is written, a correction). */
    async progress(stage: Stage, payload: unknown) {
      await emit(stage, "PROGRESS", payload);
    },
    async run<T>(stage: Stage, work: () => Promise<{ value: T; payload?: unknown }>): Promise<T> {
      if (signal.aborted) throw new RunCancelled();
      await emit(stage, "STARTED");
      const started = performance.now();
      try {
        const { value, payload } = await work();
        if (signal.aborted) throw new RunCancelled();
        timings[stage] = performance.now() - started;
        await emit(stage, "COMPLETED", payload ?? null, timings[stage]);
        return value;
      } catch (error) {
        const elapsed = performance.now() - started;
        timings[stage] = elapsed;
        if (error instanceof NeedsInput) await emit(stage, "NEEDS_INPUT", { message: error.message, ...(error.payload as object) }, elapsed);
        else if (error instanceof RunCancelled || signal.aborted) await emit(stage, "CANCELLED", null, elapsed);
        else await emit(stage, "FAILED", describeFailure(error), elapsed);
        throw signal.aborted && !(error instanceof NeedsInput) ? new RunCancelled() : error;
      }
    },
  };
}

export type StageRunner = ReturnType<typeof createStageRunner>;
