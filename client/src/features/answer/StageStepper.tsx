import { useMemo } from "react";
import { AlertIcon, CheckIcon, CrossIcon, QuestionIcon, SkipIcon } from "../../ui/icons.tsx";
import { formatDuration } from "./format.ts";
import { runProgress, type StepState, type StepStatus } from "./stages.ts";
import type { ProgressEvent } from "./types.ts";

export interface StageStepperProps {
  events: readonly ProgressEvent[];
  /** Which stages to show, in order; the pipeline's own by default. */
  stages?: readonly string[];
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
 * A list of steps on wide screens; on phones only the current step keeps its label.
 */
export function StageStepper({ events, stages }: StageStepperProps) {
  const progress = useMemo(() => runProgress(events, stages), [events, stages]);
  const { steps, current, outcome, totalMs } = progress;
  const shown = steps.filter((s) => !(progress.finished && s.status === "not_reached" && outcome === "succeeded"));
  const doneCount = steps.filter((s) => s.status === "done" || s.status === "skipped").length;

  return (
    <div className={`stepper ${outcome ?? "live"}`}>
      <ol className="steps" aria-label="Progress">
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
      <p className="stepper-summary" aria-hidden="true">
        {outcome === "succeeded" && totalMs !== null ? `Done in ${formatDuration(totalMs)}` : current ? `${current.label} · ${doneCount}/${steps.length}` : ""}
      </p>
      <div className="sr-only" role="status" aria-live="polite">
        {announcement(current, outcome, totalMs)}
      </div>
    </div>
  );
}
