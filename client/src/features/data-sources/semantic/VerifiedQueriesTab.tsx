import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { SemanticModelFieldsFragment } from "../../../graphql/graphql";
import { ConfirmDialog } from "../../../ui/ConfirmDialog.tsx";
import { ErrorNote } from "../../../ui/ErrorNote.tsx";
import { PlusIcon, TrashIcon } from "../../../ui/icons.tsx";
import { useNotify } from "../../../ui/toast.tsx";
import { SqlBlock } from "../../answer/SqlBlock.tsx";
import { DeleteVerifiedQuery, UpsertVerifiedQuery } from "../operations.ts";

type Verified = SemanticModelFieldsFragment["verifiedQueries"][number];

interface Props {
  dataSourceId: string;
  model: SemanticModelFieldsFragment;
  canEdit: boolean;
}

/** Questions answered with exact, reviewed SQL whenever they are asked again. */
export function VerifiedQueriesTab({ dataSourceId, model, canEdit }: Props) {
  const [adding, setAdding] = useState(false);
  const [question, setQuestion] = useState("");
  const [sql, setSql] = useState("");
  const [note, setNote] = useState("");
  const [deleting, setDeleting] = useState<Verified | null>(null);
  const [state, upsert] = useMutation(UpsertVerifiedQuery);
  const [deleteState, remove] = useMutation(DeleteVerifiedQuery);
  const notify = useNotify();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await upsert({ input: { dataSourceId, question: question.trim(), sql: sql.trim(), note: note.trim() || null, expectedVersion: model.version } });
    if (!result.error) {
      notify("Saved the verified query.", "success");
      setAdding(false);
      setQuestion("");
      setSql("");
      setNote("");
    }
  };
  const confirmDelete = async () => {
    if (!deleting) return;
    const result = await remove({ input: { dataSourceId, question: deleting.question, expectedVersion: model.version } });
    notify(result.error ? "Could not delete it." : "Deleted the verified query.", result.error ? "error" : "success");
    setDeleting(null);
  };

  return (
    <div className="semantic-tab">
      <div className="tab-head">
        <p className="muted">When someone asks one of these questions (ignoring case and punctuation), this SQL answers it verbatim.</p>
        {canEdit && !adding && (
          <button type="button" className="primary small" onClick={() => setAdding(true)}>
            <PlusIcon /> New verified query
          </button>
        )}
      </div>
      {adding && (
        <form className="panel form" onSubmit={submit} aria-label="New verified query">
          <label>
            Question
            <input required value={question} maxLength={500} onChange={(e) => setQuestion(e.target.value)} placeholder="What was revenue per sales rep last year?" />
          </label>
          <label>
            SQL <span className="muted">(one read-only SELECT)</span>
            <textarea required className="mono" rows={6} spellCheck={false} value={sql} onChange={(e) => setSql(e.target.value)} />
          </label>
          <label>
            Note <span className="muted">(optional)</span>
            <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
          </label>
          <ErrorNote error={state.error} />
          <div className="form-actions">
            <button type="button" className="ghost-button" onClick={() => setAdding(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={state.fetching || !question.trim() || !sql.trim()}>
              {state.fetching ? "Checking the SQL…" : "Save"}
            </button>
          </div>
        </form>
      )}
      {model.verifiedQueries.length === 0 ? (
        <p className="empty-line">No verified queries yet.</p>
      ) : (
        <ul className="item-list">
          {model.verifiedQueries.map((v) => (
            <li key={v.question} className="item">
              <div className="item-main">
                <strong>{v.question}</strong>
                <SqlBlock sql={v.sql} explanation={v.note} />
              </div>
              {canEdit && (
                <div className="item-actions">
                  <button type="button" className="icon-button danger" aria-label={`Delete “${v.question}”`} onClick={() => setDeleting(v)}>
                    <TrashIcon />
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={deleteState.error} />
      <ConfirmDialog open={deleting !== null} title="Delete this verified query?" confirmLabel="Delete" danger busy={deleteState.fetching} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)}>
        <p>“{deleting?.question}” will be answered by the engine again.</p>
      </ConfirmDialog>
    </div>
  );
}
