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
  /** Stores the rating (the server keeps one per answer, replacing it); may return a promise, whose failure is shown. */
  onSubmit: (feedback: FeedbackInput) => void | Promise<void>;
  /** Feedback already stored for this answer. */
  initial?: FeedbackInput | null;
}

/**
 * Thumbs up or down, stored on click; then an optional comment (and, for a
 * thumbs down, what went wrong) that updates the same rating.
 */
export function Feedback({ onSubmit, initial = null }: FeedbackProps) {
  const [saved, setSaved] = useState<FeedbackInput | null>(initial);
  const [formOpen, setFormOpen] = useState(false);
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [category, setCategory] = useState<FeedbackCategory | "">(initial?.category ?? "");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const ids = useId();

  useEffect(() => {
    if (formOpen) commentRef.current?.focus();
  }, [formOpen]);

  const send = async (feedback: FeedbackInput, failure: string): Promise<boolean> => {
    setBusy(true);
    setFailed(null);
    try {
      await onSubmit(feedback);
      setSaved(feedback);
      return true;
    } catch {
      setFailed(failure);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const rate = async (rating: Rating) => {
    if (busy) return;
    if (saved?.rating === rating) return setFormOpen(true);
    // A thumb switched later keeps the comment already given; a category only goes with a thumbs down.
    const next = { rating, comment: saved?.comment ?? null, category: rating === "NEGATIVE" ? (saved?.category ?? null) : null };
    if (await send(next, "Could not save the rating. Try again.")) {
      setCategory(next.category ?? "");
      setFormOpen(true);
    }
  };

  const saveDetails = async (event: FormEvent) => {
    event.preventDefault();
    if (!saved) return;
    const details = { rating: saved.rating, comment: comment.trim() || null, category: saved.rating === "NEGATIVE" && category ? category : null };
    if (await send(details, "Could not save the comment. Try again.")) setFormOpen(false);
  };

  const close = () => {
    setFormOpen(false);
    setFailed(null);
    setComment(saved?.comment ?? "");
    setCategory(saved?.category ?? "");
  };

  return (
    <div className="feedback">
      <div className="feedback-thumbs" role="group" aria-label="Was this answer helpful?">
        <span className="feedback-question" aria-hidden="true">
          Helpful?
        </span>
        <button type="button" className="icon-button thumb" aria-label="Helpful" aria-pressed={saved?.rating === "POSITIVE"} disabled={busy} onClick={() => void rate("POSITIVE")}>
          <ThumbUpIcon />
        </button>
        <button type="button" className="icon-button thumb" aria-label="Not helpful" aria-pressed={saved?.rating === "NEGATIVE"} disabled={busy} onClick={() => void rate("NEGATIVE")}>
          <ThumbDownIcon />
        </button>
        {saved && (
          <span className="feedback-saved" role="status">
            Thanks for the feedback.
          </span>
        )}
        {saved && !formOpen && (
          <button type="button" className="ghost-button small" onClick={() => setFormOpen(true)}>
            {saved.comment || saved.category ? "Edit comment" : "Add a comment"}
          </button>
        )}
      </div>
      {failed && !formOpen && (
        <p className="error" role="alert">
          {failed}
        </p>
      )}
      {saved && formOpen && (
        <form
          className="feedback-form"
          aria-label="Feedback details"
          onSubmit={(e) => void saveDetails(e)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              close();
            }
          }}
        >
          {saved.rating === "NEGATIVE" && (
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
              placeholder={saved.rating === "POSITIVE" ? "What was useful?" : "What did you expect?"}
              onChange={(e) => setComment(e.target.value)}
            />
          </label>
          {failed && (
            <p className="error" role="alert">
              {failed}
            </p>
          )}
          <div className="feedback-actions">
            <button type="button" className="ghost-button" onClick={close}>
              Close
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? "Saving…" : "Save comment"}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
