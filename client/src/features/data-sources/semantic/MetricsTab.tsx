import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { SemanticModelFieldsFragment } from "../../../graphql/graphql";
import { ConfirmDialog } from "../../../ui/ConfirmDialog.tsx";
import { ErrorNote } from "../../../ui/ErrorNote.tsx";
import { PencilIcon, PlusIcon, TrashIcon } from "../../../ui/icons.tsx";
import { useNotify } from "../../../ui/toast.tsx";
import { DeleteMetric, UpsertMetric } from "../operations.ts";
import { joinWords, parseWords } from "./words.ts";

type Metric = SemanticModelFieldsFragment["metrics"][number];

interface Props {
  dataSourceId: string;
  model: SemanticModelFieldsFragment;
  canEdit: boolean;
}

/** A machine name from a label: "Gross margin" → "gross_margin". */
export function metricName(label: string): string {
  return label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 60);
}

function MetricForm({ dataSourceId, model, metric, onDone }: { dataSourceId: string; model: SemanticModelFieldsFragment; metric: Metric | null; onDone: () => void }) {
  const [label, setLabel] = useState(metric?.label ?? "");
  const [entity, setEntity] = useState(metric?.entity ?? model.entities[0]?.name ?? "");
  const [expression, setExpression] = useState(metric?.expression ?? "");
  const [description, setDescription] = useState(metric?.description ?? "");
  const [synonyms, setSynonyms] = useState(joinWords(metric?.synonyms ?? []));
  const [state, upsert] = useMutation(UpsertMetric);
  const notify = useNotify();
  const columns = model.entities.find((e) => e.name === entity)?.fields ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await upsert({
      input: {
        dataSourceId,
        name: metric?.name ?? metricName(label),
        label: label.trim(),
        entity,
        expression: expression.trim(),
        description: description.trim() || null,
        synonyms: parseWords(synonyms),
        expectedVersion: model.version,
      },
    });
    if (!result.error) {
      notify(`Saved the metric “${label.trim()}”.`, "success");
      onDone();
    }
  };

  return (
    <form className="panel form" onSubmit={submit} aria-label={metric ? `Edit ${metric.label}` : "New metric"}>
      <div className="form-grid">
        <label>
          Label
          <input required value={label} maxLength={120} onChange={(e) => setLabel(e.target.value)} placeholder="Gross margin" />
        </label>
        <label>
          Table
          <select value={entity} onChange={(e) => setEntity(e.target.value)} disabled={Boolean(metric)}>
            {model.entities.map((e) => (
              <option key={e.name} value={e.name}>
                {e.label} ({e.table})
              </option>
            ))}
          </select>
        </label>
        <label className="wide">
          SQL aggregate
          <input required className="mono" spellCheck={false} value={expression} onChange={(e) => setExpression(e.target.value)} placeholder="sum(unit_price * quantity)" />
          <span className="hint">Columns of this table: {columns.map((c) => c.name).join(", ") || "—"}</span>
        </label>
        <label className="wide">
          Description <span className="muted">(optional)</span>
          <input value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="wide">
          Words for it <span className="muted">(comma-separated)</span>
          <input value={synonyms} onChange={(e) => setSynonyms(e.target.value)} placeholder="margin, gross profit" />
        </label>
      </div>
      <ErrorNote error={state.error} />
      <div className="form-actions">
        <button type="button" className="ghost-button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={state.fetching || !label.trim() || !expression.trim()}>
          {state.fetching ? "Checking…" : "Save metric"}
        </button>
      </div>
    </form>
  );
}

/** Named aggregates questions can ask for; generated ones are rebuilt on refresh, yours are kept. */
export function MetricsTab({ dataSourceId, model, canEdit }: Props) {
  const [editing, setEditing] = useState<Metric | "new" | null>(null);
  const [deleting, setDeleting] = useState<Metric | null>(null);
  const [deleteState, remove] = useMutation(DeleteMetric);
  const notify = useNotify();
  const labelOf = (entity: string) => model.entities.find((e) => e.name === entity)?.label ?? entity;

  const confirmDelete = async () => {
    if (!deleting) return;
    const result = await remove({ input: { dataSourceId, name: deleting.name, expectedVersion: model.version } });
    notify(result.error ? "Could not delete the metric." : `Deleted “${deleting.label}”.`, result.error ? "error" : "success");
    setDeleting(null);
  };

  return (
    <div className="semantic-tab">
      <div className="tab-head">
        <p className="muted">“Revenue”, “average order value”: measures defined once, used by every question that names them.</p>
        {canEdit && editing === null && (
          <button type="button" className="primary small" onClick={() => setEditing("new")}>
            <PlusIcon /> New metric
          </button>
        )}
      </div>
      {editing !== null && <MetricForm key={editing === "new" ? "new" : editing.name} dataSourceId={dataSourceId} model={model} metric={editing === "new" ? null : editing} onDone={() => setEditing(null)} />}
      {model.metrics.length === 0 ? (
        <p className="empty-line">No metrics yet.</p>
      ) : (
        <ul className="item-list">
          {model.metrics.map((m) => (
            <li key={m.name} className="item">
              <div className="item-main">
                <div className="item-title">
                  <strong>{m.label}</strong>
                  <span className="badge">{m.origin === "USER" ? "yours" : "generated"}</span>
                  <span className="muted small">on {labelOf(m.entity)}</span>
                </div>
                <code className="expression">{m.expression}</code>
                {m.description && <p className="muted small">{m.description}</p>}
                {m.synonyms.length > 0 && <p className="small">Also: {m.synonyms.join(", ")}</p>}
              </div>
              {canEdit && (
                <div className="item-actions">
                  <button type="button" className="icon-button" aria-label={`Edit ${m.label}`} onClick={() => setEditing(m)}>
                    <PencilIcon />
                  </button>
                  <button type="button" className="icon-button danger" aria-label={`Delete ${m.label}`} onClick={() => setDeleting(m)}>
                    <TrashIcon />
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={deleteState.error} />
      <ConfirmDialog open={deleting !== null} title={`Delete “${deleting?.label ?? ""}”?`} confirmLabel="Delete" danger busy={deleteState.fetching} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)}>
        <p>{deleting?.origin === "GENERATED" ? "A generated metric comes back when the data source is refreshed." : "Questions will no longer find it by name."}</p>
      </ConfirmDialog>
    </div>
  );
}
