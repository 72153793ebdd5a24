import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ThumbDownIcon, ThumbUpIcon } from "../../ui/icons.tsx";
import { FEEDBACK_CATEGORIES, type FeedbackCategory, type FeedbackInput, type Rating } from "./types.ts";

export const CATEGORY_LABELS: Record<FeedbackCategory, string> = {
  WRONG_RESULT: "Wrong result",
  WRONG_CHART: "Wrong chart",
  MISUNDERSTOOD: "Misunderstood the question",
  SQL_ERROR: "SQL error",
  SLOW: "Too slow",
  OTHER: "Something else",
};

export interface FeedbackProps {
  /** May return a promise: the form waits for it and reports a failure. */
  onSubmit: (feedback: FeedbackInput) => void | Promise<void>;
  /** A rating given earlier (feedback already stored for this answer). */
  initialRating?: Rating | null;
}

type Phase = "idle" | "open" | "sending" | "sent" | "error";

/** Thumbs up or down, then an optional comment (and, for a thumbs down, what went wrong). */
export function Feedback({ onSubmit, initialRating = null }: FeedbackProps) {
  const [rating, setRating] = useState<Rating | null>(initialRating);
  const [phase, setPhase] = useState<Phase>(initialRating ? "sent" : "idle");
  const [comment, setComment] = useState("");
  const [category, setCategory] = useState<FeedbackCategory | "">("");
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  useEffect(() => {
    if (phase === "open") commentRef.current?.focus();
  }, [phase, rating]);

  const choose = (next: Rating) => {
    setRating(next);
    setPhase("open");
    if (next === "POSITIVE") setCategory("");
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!rating) return;
    setPhase("sending");
    try {
      await onSubmit({ rating, comment: comment.trim() || null, category: rating === "NEGATIVE" && category ? category : null });
      setPhase("sent");
    } catch {
      setPhase("error");
    }
  };

  if (phase === "sent") {
    return (
      <div className="feedback sent" role="status">
        {rating === "POSITIVE" ? <ThumbUpIcon /> : <ThumbDownIcon />} Thanks for the feedback.
      </div>
    );
  }

  return (
    <div className="feedback">
      <div className="feedback-thumbs" role="group" aria-label="Was this answer helpful?">
        <span className="feedback-question" aria-hidden="true">
          Helpful?
        </span>
        <button type="button" className="icon-button thumb" aria-label="Helpful" aria-pressed={rating === "POSITIVE"} onClick={() => choose("POSITIVE")}>
          <ThumbUpIcon />
        </button>
        <button type="button" className="icon-button thumb" aria-label="Not helpful" aria-pressed={rating === "NEGATIVE"} onClick={() => choose("NEGATIVE")}>
          <ThumbDownIcon />
        </button>
      </div>
      {phase !== "idle" && rating && (
        <form
          className="feedback-form"
          aria-label="Feedback details"
          onSubmit={submit}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              setPhase("idle");
              setRating(null);
            }
          }}
        >
          {rating === "NEGATIVE" && (
            <label htmlFor={`${ids}-category`}>
              What went wrong?
              <select id={`${ids}-category`} value={category} onChange={(e) => setCategory(e.target.value as FeedbackCategory | "")}>
                <option value="">Choose…</option>
                {FEEDBACK_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {CATEGORY_LABELS[c]}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label htmlFor={`${ids}-comment`}>
            Comment <span className="muted">(optional)</span>
            <textarea
              id={`${ids}-comment`}
              ref={commentRef}
              rows={2}
              value={comment}
              maxLength={2000}
              placeholder={rating === "POSITIVE" ? "What was useful?" : "What did you expect?"}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          {phase === "error" && (
            <p className="error" role="alert">
              Could not send the feedback. Try again.
            </p>
          )}
          <div className="feedback-actions">
            <button
              type="button"
              className="ghost-button"
              onClick={() => {
                setPhase("idle");
                setRating(null);
              }}
            >
              Cancel
            </button>
            <button type="submit" className="primary" disabled={phase === "sending"}>
              {phase === "sending" ? "Sending…" : "Send feedback"}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
