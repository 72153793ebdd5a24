import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { SemanticGlossaryTargetInput, SemanticModelFieldsFragment } from "../../../graphql/graphql";
import { ConfirmDialog } from "../../../ui/ConfirmDialog.tsx";
import { ErrorNote } from "../../../ui/ErrorNote.tsx";
import { PlusIcon, TrashIcon } from "../../../ui/icons.tsx";
import { useNotify } from "../../../ui/toast.tsx";
import { DeleteGlossaryTerm, UpsertGlossaryTerm } from "../operations.ts";
import { ConditionFields, conditionInput, describeCondition, emptyCondition, type ConditionDraft } from "./ConditionFields.tsx";
import { parseWords } from "./words.ts";

type Term = SemanticModelFieldsFragment["glossary"][number];
type Kind = "METRIC" | "ENTITY" | "FIELD" | "FILTER";

interface Props {
  dataSourceId: string;
  model: SemanticModelFieldsFragment;
  canEdit: boolean;
}

/** What a term points at, in words. */
export function describeTarget(model: SemanticModelFieldsFragment, maps: Term["maps"]): string {
  const entityLabel = (name: string | null) => model.entities.find((e) => e.name === name)?.label ?? name ?? "";
  switch (maps.kind) {
    case "METRIC":
      return `the metric ${model.metrics.find((m) => m.name === maps.metric)?.label ?? maps.metric}`;
    case "ENTITY":
      return `the table ${entityLabel(maps.entity)}`;
    case "FIELD": {
      const field = model.entities.find((e) => e.name === maps.entity)?.fields.find((f) => f.name === maps.field);
      return `${entityLabel(maps.entity)} · ${field?.label ?? maps.field}`;
    }
    case "FILTER":
      return maps.condition ? `${entityLabel(maps.entity)} where ${describeCondition(maps.condition)}` : entityLabel(maps.entity);
  }
}

function TermForm({ dataSourceId, model, onDone }: { dataSourceId: string; model: SemanticModelFieldsFragment; onDone: () => void }) {
  const [term, setTerm] = useState("");
  const [definition, setDefinition] = useState("");
  const [synonyms, setSynonyms] = useState("");
  const [kind, setKind] = useState<Kind>(model.metrics.length > 0 ? "METRIC" : "FILTER");
  const [metric, setMetric] = useState(model.metrics[0]?.name ?? "");
  const [condition, setCondition] = useState<ConditionDraft>(() => emptyCondition(model));
  const [state, upsert] = useMutation(UpsertGlossaryTerm);
  const notify = useNotify();

  const target = (): SemanticGlossaryTargetInput => {
    switch (kind) {
      case "METRIC":
        return { metric };
      case "ENTITY":
        return { entity: condition.entity };
      case "FIELD":
        return { field: { entity: condition.entity, field: condition.field } };
      case "FILTER":
        return { filter: { entity: condition.entity, condition: conditionInput(condition) } };
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await upsert({
      input: { dataSourceId, term: term.trim(), definition: definition.trim() || null, synonyms: parseWords(synonyms), maps: target(), expectedVersion: model.version },
    });
    if (!result.error) {
      notify(`Added “${term.trim()}” to the glossary.`, "success");
      onDone();
    }
  };

  return (
    <form className="panel form" onSubmit={submit} aria-label="New glossary term">
      <div className="form-grid">
        <label>
          Term
          <input required value={term} maxLength={120} onChange={(e) => setTerm(e.target.value)} placeholder="big accounts" />
        </label>
        <label>
          Stands for
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="METRIC" disabled={model.metrics.length === 0}>
              a metric
            </option>
            <option value="ENTITY">a table</option>
            <option value="FIELD">a column</option>
            <option value="FILTER">a filter</option>
          </select>
        </label>
        {kind === "METRIC" ? (
          <label>
            Metric
            <select value={metric} onChange={(e) => setMetric(e.target.value)}>
              {model.metrics.map((m) => (
                <option key={m.name} value={m.name}>
                  {m.label}
                </option>
              ))}
            </select>
          </label>
        ) : kind === "FILTER" ? (
          <ConditionFields model={model} draft={condition} onChange={setCondition} />
        ) : (
          <>
            <label>
              Table
              <select value={condition.entity} onChange={(e) => setCondition({ ...condition, entity: e.target.value, field: model.entities.find((x) => x.name === e.target.value)?.fields[0]?.name ?? "" })}>
                {model.entities.map((e) => (
                  <option key={e.name} value={e.name}>
                    {e.label}
                  </option>
                ))}
              </select>
            </label>
            {kind === "FIELD" && (
              <label>
                Column
                <select value={condition.field} onChange={(e) => setCondition({ ...condition, field: e.target.value })}>
                  {model.entities
                    .find((x) => x.name === condition.entity)
                    ?.fields.map((f) => (
                      <option key={f.name} value={f.name}>
                        {f.label}
                      </option>
                    ))}
                </select>
              </label>
            )}
          </>
        )}
        <label className="wide">
          Definition <span className="muted">(optional)</span>
          <input value={definition} maxLength={500} onChange={(e) => setDefinition(e.target.value)} placeholder="Accounts on the Enterprise plan" />
        </label>
        <label className="wide">
          Other words for it <span className="muted">(comma-separated)</span>
          <input value={synonyms} onChange={(e) => setSynonyms(e.target.value)} />
        </label>
      </div>
      <ErrorNote error={state.error} />
      <div className="form-actions">
        <button type="button" className="ghost-button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={state.fetching || !term.trim()}>
          {state.fetching ? "Saving…" : "Add term"}
        </button>
      </div>
    </form>
  );
}

/** Business words and what they stand for: a metric, a table, a column or a filter. */
export function GlossaryTab({ dataSourceId, model, canEdit }: Props) {
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<Term | null>(null);
  const [deleteState, remove] = useMutation(DeleteGlossaryTerm);
  const notify = useNotify();
  const confirmDelete = async () => {
    if (!deleting) return;
    const result = await remove({ input: { dataSourceId, term: deleting.term, expectedVersion: model.version } });
    notify(result.error ? "Could not delete the term." : `Deleted “${deleting.term}”.`, result.error ? "error" : "success");
    setDeleting(null);
  };
  return (
    <div className="semantic-tab">
      <div className="tab-head">
        <p className="muted">Your team’s words — “big accounts”, “churned”, “EMEA” — and what they mean in this data.</p>
        {canEdit && !adding && (
          <button type="button" className="primary small" onClick={() => setAdding(true)}>
            <PlusIcon /> New term
          </button>
        )}
      </div>
      {adding && <TermForm dataSourceId={dataSourceId} model={model} onDone={() => setAdding(false)} />}
      {model.glossary.length === 0 ? (
        <p className="empty-line">No glossary terms yet.</p>
      ) : (
        <ul className="item-list">
          {model.glossary.map((t) => (
            <li key={t.term} className="item">
              <div className="item-main">
                <div className="item-title">
                  <strong>{t.term}</strong>
                  <span className="muted small">→ {describeTarget(model, t.maps)}</span>
                </div>
                {t.definition && <p className="small">{t.definition}</p>}
                {t.synonyms.length > 0 && <p className="muted small">Also: {t.synonyms.join(", ")}</p>}
              </div>
              {canEdit && (
                <div className="item-actions">
                  <button type="button" className="icon-button danger" aria-label={`Delete ${t.term}`} onClick={() => setDeleting(t)}>
                    <TrashIcon />
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog open={deleting !== null} title={`Delete “${deleting?.term ?? ""}”?`} confirmLabel="Delete" danger busy={deleteState.fetching} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)} />
    </div>
  );
}
