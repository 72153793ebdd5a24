import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { SemanticModelFieldsFragment } from "../../../graphql/graphql";
import { ErrorNote } from "../../../ui/ErrorNote.tsx";
import { PlusIcon, TrashIcon } from "../../../ui/icons.tsx";
import { useNotify } from "../../../ui/toast.tsx";
import { SetBusinessRules } from "../operations.ts";
import { ConditionFields, conditionInput, describeCondition, emptyCondition, type ConditionDraft } from "./ConditionFields.tsx";

interface Props {
  dataSourceId: string;
  model: SemanticModelFieldsFragment;
  canEdit: boolean;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => new Date(2024, i, 1).toLocaleString(undefined, { month: "long" }));

type Filter = SemanticModelFieldsFragment["rules"]["defaultFilters"][number];

function toInput(f: Filter) {
  return { entity: f.entity, description: f.description, condition: { field: f.condition.field, op: f.condition.op, values: f.condition.values } };
}

/** The fiscal year and the filters applied to every question (e.g. leave out test orders). */
export function RulesTab({ dataSourceId, model, canEdit }: Props) {
  const [month, setMonth] = useState(model.rules.fiscalYearStartMonth);
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<ConditionDraft>(() => emptyCondition(model));
  const [description, setDescription] = useState("");
  const [state, save] = useMutation(SetBusinessRules);
  const notify = useNotify();
  const filters = model.rules.defaultFilters;
  const label = (entity: string, field: string) => {
    const e = model.entities.find((x) => x.name === entity);
    return `${e?.label ?? entity} · ${e?.fields.find((f) => f.name === field)?.label ?? field}`;
  };

  const saveMonth = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({ input: { dataSourceId, fiscalYearStartMonth: month, expectedVersion: model.version } });
    if (!result.error) notify("Saved the fiscal year.", "success");
  };
  const saveFilters = async (next: ReturnType<typeof toInput>[], message: string) => {
    const result = await save({ input: { dataSourceId, defaultFilters: next, expectedVersion: model.version } });
    if (!result.error) notify(message, "success");
    return !result.error;
  };

  return (
    <div className="semantic-tab">
      <form className="panel form inline-form" onSubmit={saveMonth} aria-label="Fiscal year">
        <label>
          The fiscal year starts in
          <select value={month} disabled={!canEdit} onChange={(e) => setMonth(Number(e.target.value))}>
            {MONTHS.map((name, i) => (
              <option key={name} value={i + 1}>
                {name}
              </option>
            ))}
          </select>
        </label>
        {canEdit && (
          <button type="submit" className="ghost-button" disabled={month === model.rules.fiscalYearStartMonth || state.fetching}>
            Save
          </button>
        )}
      </form>
      <div className="tab-head">
        <h3>Default filters</h3>
        {canEdit && !adding && (
          <button type="button" className="primary small" onClick={() => setAdding(true)}>
            <PlusIcon /> New filter
          </button>
        )}
      </div>
      <p className="muted">Applied whenever the table is queried, unless a question filters that column itself.</p>
      {adding && (
        <form
          className="panel form"
          aria-label="New default filter"
          onSubmit={async (e) => {
            e.preventDefault();
            const ok = await saveFilters([...filters.map(toInput), { entity: draft.entity, description: description.trim() || null, condition: conditionInput(draft) }], "Added the filter.");
            if (ok) setAdding(false);
          }}
        >
          <div className="form-grid">
            <ConditionFields model={model} draft={draft} onChange={setDraft} />
            <label className="wide">
              Why <span className="muted">(optional)</span>
              <input value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Test orders are not real sales" />
            </label>
          </div>
          <div className="form-actions">
            <button type="button" className="ghost-button" onClick={() => setAdding(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={state.fetching}>
              Add filter
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={state.error} />
      {filters.length === 0 ? (
        <p className="empty-line">No default filters.</p>
      ) : (
        <ul className="item-list">
          {filters.map((f, i) => (
            <li key={i} className="item">
              <div className="item-main">
                <strong>{describeCondition(f.condition, label(f.entity, f.condition.field))}</strong>
                {f.description && <p className="muted small">{f.description}</p>}
              </div>
              {canEdit && (
                <div className="item-actions">
                  <button
                    type="button"
                    className="icon-button danger"
                    aria-label="Remove this filter"
                    onClick={() => void saveFilters(filters.filter((_, j) => j !== i).map(toInput), "Removed the filter.")}
                  >
                    <TrashIcon />
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
