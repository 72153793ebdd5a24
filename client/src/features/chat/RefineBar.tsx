import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { RefinementInput } from "../../graphql/graphql";
import { CrossIcon } from "../../ui/icons.tsx";
import { choiceLabels, groupFields, offersValues, OPERATOR_LABELS, operatorArity, RefineDraftError, refinementInput, type RefinableField, type RefineDraft, type RefineKind } from "./refine.ts";
import { ValuePicker, type LoadValues } from "./ValuePicker.tsx";

export interface RefineBarProps {
  fields: RefinableField[];
  /** Resolves with an error message when the server refused the refinement. */
  onRefine: (input: RefinementInput) => Promise<string | null>;
  disabled?: boolean;
  /** Values of a text field from the data, offered while typing a filter value. */
  loadValues?: LoadValues;
}

const KINDS: { kind: Exclude<RefineKind, "simplify">; label: string }[] = [
  { kind: "filter", label: "Filter" },
  { kind: "limit", label: "Limit" },
  { kind: "columns", label: "Columns" },
  { kind: "sort", label: "Sort" },
];

function FieldOptions({ fields }: { fields: RefinableField[] }) {
  const labels = choiceLabels(fields);
  return (
    <>
      {groupFields(fields).map((g) => (
        <optgroup key={g.group} label={g.group}>
          {g.fields.map((f) => (
            <option key={f.name} value={f.name}>
              {labels.get(f.name)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** The five refinements of an answer (filter, limit, columns, sort, simplify); each makes a new answer below. */
export function RefineBar({ fields, onRefine, disabled = false, loadValues }: RefineBarProps) {
  const [open, setOpen] = useState<RefineKind | null>(null);
  const [draft, setDraft] = useState<RefineDraft>({ field: "", operator: "EQ", value: "", limit: "10", columns: [], direction: "DESC" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = useId();
  const firstInput = useRef<HTMLSelectElement & HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  const filterable = fields.filter((f) => f.operators.length > 0);
  const sortable = fields.filter((f) => f.sortable);
  const addable = fields.filter((f) => f.kind === "FIELD");

  useEffect(() => {
    if (open) firstInput.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(null);
    setError(null);
    opener.current?.focus();
  };

  const choose = (kind: Exclude<RefineKind, "simplify">, button: HTMLButtonElement) => {
    setError(null);
    opener.current = button;
    if (open === kind) return setOpen(null);
    const pool = kind === "filter" ? filterable : kind === "sort" ? sortable : addable;
    const field = pool.find((f) => f.name === draft.field) ?? pool[0];
    setDraft((d) => ({ ...d, field: field?.name ?? "", operator: field && !field.operators.includes(d.operator) ? (field.operators[0] ?? "EQ") : d.operator, columns: [] }));
    setOpen(kind);
  };

  const apply = async (kind: RefineKind, event?: FormEvent) => {
    event?.preventDefault();
    let input: RefinementInput;
    try {
      input = refinementInput(kind, draft);
    } catch (e) {
      if (e instanceof RefineDraftError) return setError(e.message);
      throw e;
    }
    setBusy(true);
    setError(null);
    const refused = await onRefine(input);
    setBusy(false);
    if (refused) setError(refused);
    else setOpen(null);
  };

  const field = fields.find((f) => f.name === draft.field);
  const arity = operatorArity(draft.operator);
  return (
    <div className="refine">
      <div className="refine-bar" role="group" aria-label="Refine this answer">
        <span className="refine-title" aria-hidden="true">
          Refine
        </span>
        {KINDS.map(({ kind, label }) => {
          const empty = (kind === "filter" && filterable.length === 0) || (kind === "sort" && sortable.length === 0) || (kind === "columns" && addable.length === 0);
          return (
            <button key={kind} type="button" className={open === kind ? "chip ghost active" : "chip ghost"} aria-expanded={open === kind} aria-controls={formId} disabled={disabled || empty} onClick={(e) => choose(kind, e.currentTarget)}>
              {label}
            </button>
          );
        })}
        <button type="button" className="chip ghost" disabled={disabled || busy} onClick={() => void apply("simplify")} title="Drop the most recent condition, grouping, filter, column, limit or sort">
          Simplify
        </button>
      </div>
      {open && open !== "simplify" && (
        <form
          id={formId}
          className="refine-form"
          onSubmit={(e) => void apply(open, e)}
          aria-label={`${open} refinement`}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              close();
            }
          }}
        >
          {(open === "filter" || open === "sort") && (
            <label>
              {open === "filter" ? "Field" : "Sort by"}
              <select ref={firstInput} value={draft.field} onChange={(e) => {
                const next = fields.find((f) => f.name === e.target.value);
                setDraft({ ...draft, field: e.target.value, operator: next && !next.operators.includes(draft.operator) ? (next.operators[0] ?? "EQ") : draft.operator });
              }}>
                <FieldOptions fields={open === "filter" ? filterable : sortable} />
              </select>
            </label>
          )}
          {open === "filter" && (
            <>
              <label>
                Condition
                <select value={draft.operator} onChange={(e) => setDraft({ ...draft, operator: e.target.value as RefineDraft["operator"] })}>
                  {(field?.operators ?? []).map((op) => (
                    <option key={op} value={op}>
                      {OPERATOR_LABELS[op]}
                    </option>
                  ))}
                </select>
              </label>
              {arity !== "none" && field && loadValues && offersValues(field) ? (
                <ValuePicker
                  key={field.name}
                  label={arity === "many" ? "Values (comma-separated)" : "Value"}
                  field={field.name}
                  fieldLabel={field.label}
                  many={arity === "many"}
                  value={draft.value}
                  onChange={(value) => setDraft((d) => ({ ...d, value }))}
                  load={loadValues}
                />
              ) : (
                arity !== "none" && (
                  <label className="grow">
                    {arity === "many" ? "Values (comma-separated)" : "Value"}
                    <input value={draft.value} onChange={(e) => setDraft({ ...draft, value: e.target.value })} placeholder={field?.type === "date" ? "YYYY-MM-DD" : ""} />
                  </label>
                )
              )}
            </>
          )}
          {open === "sort" && (
            <label>
              Direction
              <select value={draft.direction} onChange={(e) => setDraft({ ...draft, direction: e.target.value as "ASC" | "DESC" })}>
                <option value="DESC">Largest / latest first</option>
                <option value="ASC">Smallest / earliest first</option>
              </select>
            </label>
          )}
          {open === "limit" && (
            <label>
              Rows to keep
              <input ref={firstInput} type="number" min={1} max={10000} step={1} value={draft.limit} onChange={(e) => setDraft({ ...draft, limit: e.target.value })} />
            </label>
          )}
          {open === "columns" && (
            <label className="grow">
              Add fields <span className="muted">(Ctrl/⌘-click for several)</span>
              <select ref={firstInput} multiple size={Math.min(6, addable.length)} value={draft.columns} onChange={(e) => setDraft({ ...draft, columns: [...e.target.selectedOptions].map((o) => o.value) })}>
                <FieldOptions fields={addable} />
              </select>
            </label>
          )}
          <div className="refine-actions">
            <button type="submit" className="primary small" disabled={busy}>
              {busy ? "Refining…" : "Apply"}
            </button>
            <button type="button" className="icon-button bare" aria-label="Close" onClick={close}>
              <CrossIcon />
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
