import { useId, useMemo, useState } from "react";
import { AlertIcon, CheckIcon, ChevronIcon, CrossIcon, QuestionIcon, SkipIcon } from "../../ui/icons.tsx";
import { formatDuration } from "./format.ts";
import { runProgress, type StepState, type StepStatus } from "./stages.ts";
import type { ProgressEvent } from "./types.ts";

export interface StageStepperProps {
  events: readonly ProgressEvent[];
  /** Which stages to show, in order; the pipeline's own by default. */
  stages?: readonly string[];
  /** Fold a successful run into a one-line summary (default true). */
  collapseWhenDone?: boolean;
}

const STATUS_TEXT: Record<StepStatus, string> = {
  pending: "waiting",
  running: "in progress",
  done: "done",
  skipped: "skipped",
  failed: "failed",
  needs_input: "needs your input",
  cancelled: "cancelled",
  not_reached: "not run",
};

function StepIcon({ status }: { status: StepStatus }) {
  switch (status) {
    case "running":
      return <span className="spinner" aria-hidden="true" />;
    case "done":
      return <CheckIcon size={13} />;
    case "failed":
      return <AlertIcon size={13} />;
    case "needs_input":
      return <QuestionIcon size={13} />;
    case "cancelled":
      return <CrossIcon size={13} />;
    case "skipped":
      return <SkipIcon size={13} />;
    default:
      return null;
  }
}

/** What a screen reader hears as the run moves: the stage now running, or how it ended. */
function announcement(current: StepState | null, outcome: ReturnType<typeof runProgress>["outcome"], totalMs: number | null): string {
  if (outcome === "succeeded") return `Answer ready${totalMs !== null ? ` in ${formatDuration(totalMs)}` : ""}.`;
  if (outcome === "cancelled") return "The question was cancelled.";
  if (current && outcome) return `${current.label}: ${STATUS_TEXT[current.status]}.`;
  if (current) return `${current.label}…`;
  return "";
}

/**
 * The pipeline's stages and where the run is, live from its progress events.
 * A list of steps on wide screens; on phones only the current step keeps its
 * label. A finished answer folds it into one line that opens on demand.
 */
export function StageStepper({ events, stages, collapseWhenDone = true }: StageStepperProps) {
  const progress = useMemo(() => runProgress(events, stages), [events, stages]);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const { steps, current, outcome, totalMs, finished } = progress;
  // Once the run has ended, steps it never reached are noise.
  const shown = finished ? steps.filter((s) => s.status !== "not_reached") : steps;
  const folded = collapseWhenDone && outcome === "succeeded" && !open;
  const position = current ? steps.indexOf(current) + 1 : 0;

  let summary = "";
  if (outcome === "succeeded") summary = `Answered${totalMs !== null ? ` in ${formatDuration(totalMs)}` : ""}`;
  else if (outcome === "failed") summary = current ? `Stopped at ${current.label}` : "Failed";
  else if (outcome === "needs_input") summary = "Waiting for your choice";
  else if (outcome === "cancelled") summary = "Cancelled";
  else if (current) summary = `Step ${position} of ${steps.length}`;

  return (
    <div
      className={`stepper ${outcome ?? "live"}`}
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      {collapseWhenDone && outcome === "succeeded" && (
        <button type="button" className="stepper-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          <span className="step-icon done">
            <CheckIcon size={13} />
          </span>
          {summary}
          <span className="muted">· {shown.length} steps</span>
          <ChevronIcon size={14} className={open ? "chevron open" : "chevron"} />
        </button>
      )}
      <ol className="steps" id={listId} aria-label="Progress" hidden={folded}>
        {shown.map((step) => {
          const isCurrent = step === current;
          return (
            <li key={step.stage} className={`step ${step.status}${isCurrent ? " current" : ""}`} aria-current={isCurrent ? "step" : undefined}>
              <span className="step-icon">
                <StepIcon status={step.status} />
              </span>
              <span className="step-text">
                <span className="step-label">{step.label}</span>
                <span className="sr-only">, {STATUS_TEXT[step.status]}</span>
                {step.status === "done" && step.durationMs !== null && <span className="step-time">{formatDuration(step.durationMs)}</span>}
                {step.detail && (step.status === "running" || step.status === "failed" || step.status === "needs_input") && <span className="step-detail">{step.detail}</span>}
              </span>
            </li>
          );
        })}
      </ol>
      {!(collapseWhenDone && outcome === "succeeded") && summary && (
        <p className="stepper-summary" aria-hidden="true">
          {summary}
        </p>
      )}
      <div className="sr-only" role="status" aria-live="polite">
        {announcement(current, outcome, totalMs)}
      </div>
    </div>
  );
}
