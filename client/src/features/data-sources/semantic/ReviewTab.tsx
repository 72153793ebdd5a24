import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { ReviewQueueQuery, VerifiedQueryStatus } from "../../../graphql/graphql";
import { ErrorNote } from "../../../ui/ErrorNote.tsx";
import { CheckIcon, CrossIcon, PencilIcon, ThumbDownIcon, ThumbUpIcon } from "../../../ui/icons.tsx";
import { relativeTime } from "../../../ui/time.ts";
import { useNotify } from "../../../ui/toast.tsx";
import { CATEGORY_LABELS } from "../../answer/Feedback.tsx";
import { SqlBlock } from "../../answer/SqlBlock.tsx";
import type { FeedbackCategory } from "../../answer/types.ts";
import { PromoteVerifiedQuery, RejectVerifiedQuery, ReviewQueue, UpdateVerifiedQuery } from "../operations.ts";

type Entry = ReviewQueueQuery["verifiedQueries"]["edges"][number]["node"];

const FILTERS: { id: string; label: string; status: VerifiedQueryStatus | null }[] = [
  { id: "CANDIDATE", label: "Rated good", status: "CANDIDATE" },
  { id: "FLAGGED", label: "Rated wrong", status: "FLAGGED" },
  { id: "VERIFIED", label: "Verified", status: "VERIFIED" },
  { id: "REJECTED", label: "Rejected", status: "REJECTED" },
  { id: "ALL", label: "All", status: null },
];

const STATUS_TEXT: Record<VerifiedQueryStatus, string> = {
  CANDIDATE: "rated good · to review",
  FLAGGED: "rated wrong · to fix",
  VERIFIED: "verified",
  REJECTED: "rejected",
};

function EditForm({ entry, onDone }: { entry: Entry; onDone: () => void }) {
  const [question, setQuestion] = useState(entry.question);
  const [sql, setSql] = useState(entry.sql);
  const [note, setNote] = useState(entry.note ?? "");
  const [state, update] = useMutation(UpdateVerifiedQuery);
  const notify = useNotify();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({ input: { id: entry.id, question: question.trim(), sql: sql.trim(), note: note.trim() || null } });
    if (!result.error) {
      notify("Saved the query.", "success");
      onDone();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label="Edit the query">
      <label>
        Question
        <input required value={question} onChange={(e) => setQuestion(e.target.value)} />
      </label>
      <label>
        SQL
        <textarea required className="mono" rows={6} spellCheck={false} value={sql} onChange={(e) => setSql(e.target.value)} />
      </label>
      <label>
        Note
        <input value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ErrorNote error={state.error} />
      <div className="form-actions">
        <button type="button" className="ghost-button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={state.fetching}>
          {state.fetching ? "Checking the SQL…" : "Save"}
        </button>
      </div>
    </form>
  );
}

function ReviewItem({ entry, canEdit, onChanged }: { entry: Entry; canEdit: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [promoteState, promote] = useMutation(PromoteVerifiedQuery);
  const [rejectState, reject] = useMutation(RejectVerifiedQuery);
  const notify = useNotify();
  const feedback = entry.feedback;
  const busy = promoteState.fetching || rejectState.fetching;
  return (
    <li className="item review-item">
      <div className="item-main">
        <div className="item-title">
          <strong>{entry.question}</strong>
          <span className={`badge review ${entry.status.toLowerCase()}`}>{STATUS_TEXT[entry.status]}</span>
          {entry.live && <span className="badge current">answers questions</span>}
          <span className="muted small">{relativeTime(entry.updatedAt)}</span>
        </div>
        {feedback && (
          <p className="review-feedback small">
            {feedback.rating === "POSITIVE" ? <ThumbUpIcon size={14} /> : <ThumbDownIcon size={14} />}
            {feedback.category && <span className="badge">{CATEGORY_LABELS[feedback.category as FeedbackCategory] ?? feedback.category}</span>}
            {feedback.comment ? <q>{feedback.comment}</q> : <span className="muted">No comment.</span>}
          </p>
        )}
        {editing ? <EditForm entry={entry} onDone={() => setEditing(false)} /> : <SqlBlock sql={entry.sql} explanation={entry.note} />}
        <ErrorNote error={promoteState.error ?? rejectState.error} />
      </div>
      {canEdit && !editing && (
        <div className="item-actions">
          {entry.status !== "VERIFIED" && (
            <button
              type="button"
              className="ghost-button"
              disabled={busy}
              onClick={async () => {
                const result = await promote({ input: { id: entry.id } });
                if (!result.error) {
                  notify("Verified: this question is now answered with this SQL.", "success");
                  onChanged();
                }
              }}
            >
              <CheckIcon /> Verify
            </button>
          )}
          <button type="button" className="icon-button" aria-label={`Edit “${entry.question}”`} onClick={() => setEditing(true)}>
            <PencilIcon />
          </button>
          {entry.status !== "REJECTED" && (
            <button
              type="button"
              className="icon-button danger"
              aria-label={`Reject “${entry.question}”`}
              disabled={busy}
              onClick={async () => {
                const result = await reject({ input: { id: entry.id } });
                if (!result.error) {
                  notify("Rejected.", "success");
                  onChanged();
                }
              }}
            >
              <CrossIcon />
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * The learning loop's queue: answers people rated become candidates (good) or
 * are flagged (wrong); verifying one makes its SQL answer that question.
 */
export function ReviewTab({ dataSourceId, canEdit }: { dataSourceId: string; canEdit: boolean }) {
  const [filter, setFilter] = useState("CANDIDATE");
  const status = FILTERS.find((f) => f.id === filter)?.status ?? null;
  const [{ data, error, fetching }, refetch] = useQuery({ query: ReviewQueue, variables: { dataSourceId, status }, requestPolicy: "cache-and-network" });
  const entries = data?.verifiedQueries.edges.map((e) => e.node) ?? [];
  return (
    <div className="semantic-tab">
      <p className="muted">Answers people rated land here. Verify the good ones so the same question is answered with exactly that SQL; fix or reject the wrong ones.</p>
      <div className="segmented" role="radiogroup" aria-label="Which queries">
        {FILTERS.map((f) => (
          <button key={f.id} type="button" role="radio" aria-checked={filter === f.id} onClick={() => setFilter(f.id)}>
            {f.label}
          </button>
        ))}
      </div>
      <ErrorNote error={error} />
      {fetching && !data && <div className="skeleton" style={{ minHeight: "8rem" }} />}
      {data && entries.length === 0 && <p className="empty-line">Nothing here.</p>}
      <ul className="item-list">
        {entries.map((e) => (
          <ReviewItem key={e.id} entry={e} canEdit={canEdit} onChanged={() => refetch({ requestPolicy: "network-only" })} />
        ))}
      </ul>
    </div>
  );
}
