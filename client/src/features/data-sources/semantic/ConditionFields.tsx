import type { SemanticConditionOperator, SemanticModelFieldsFragment } from "../../../graphql/graphql";

export const OPERATORS: { value: SemanticConditionOperator; label: string; values: "none" | "one" | "many" }[] = [
  { value: "EQ", label: "is", values: "one" },
  { value: "NE", label: "is not", values: "one" },
  { value: "IN", label: "is one of", values: "many" },
  { value: "NOT_IN", label: "is none of", values: "many" },
  { value: "CONTAINS", label: "contains", values: "one" },
  { value: "GT", label: ">", values: "one" },
  { value: "GTE", label: "≥", values: "one" },
  { value: "LT", label: "<", values: "one" },
  { value: "LTE", label: "≤", values: "one" },
  { value: "IS_NULL", label: "is empty", values: "none" },
  { value: "NOT_NULL", label: "is not empty", values: "none" },
];

export interface ConditionDraft {
  entity: string;
  field: string;
  op: SemanticConditionOperator;
  values: string;
}

export function emptyCondition(model: SemanticModelFieldsFragment): ConditionDraft {
  const entity = model.entities[0];
  return { entity: entity?.name ?? "", field: entity?.fields[0]?.name ?? "", op: "EQ", values: "" };
}

/** The condition as the API takes it: values split on commas for lists, none for the null checks. */
export function conditionInput(draft: ConditionDraft): { field: string; op: SemanticConditionOperator; values: string[] } {
  const arity = OPERATORS.find((o) => o.value === draft.op)?.values ?? "one";
  const values = arity === "none" ? [] : arity === "many" ? draft.values.split(",").map((v) => v.trim()).filter(Boolean) : [draft.values.trim()];
  return { field: draft.field, op: draft.op, values };
}

/** "Status is one of Shipped, Delivered" */
export function describeCondition(condition: { field: string; op: string; values: string[] }, fieldLabel = condition.field): string {
  const op = OPERATORS.find((o) => o.value === condition.op);
  return `${fieldLabel} ${op?.label ?? condition.op}${condition.values.length ? ` ${condition.values.join(", ")}` : ""}`;
}

/** Table, column, operator and values of a filter. */
export function ConditionFields({ model, draft, onChange }: { model: SemanticModelFieldsFragment; draft: ConditionDraft; onChange: (draft: ConditionDraft) => void }) {
  const entity = model.entities.find((e) => e.name === draft.entity);
  const field = entity?.fields.find((f) => f.name === draft.field);
  const arity = OPERATORS.find((o) => o.value === draft.op)?.values ?? "one";
  const listId = `values-${draft.entity}-${draft.field}`;
  return (
    <>
      <label>
        Table
        <select
          value={draft.entity}
          onChange={(e) => {
            const next = model.entities.find((x) => x.name === e.target.value);
            onChange({ ...draft, entity: e.target.value, field: next?.fields[0]?.name ?? "" });
          }}
        >
          {model.entities.map((e) => (
            <option key={e.name} value={e.name}>
              {e.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Column
        <select value={draft.field} onChange={(e) => onChange({ ...draft, field: e.target.value })}>
          {entity?.fields.map((f) => (
            <option key={f.name} value={f.name}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Condition
        <select value={draft.op} onChange={(e) => onChange({ ...draft, op: e.target.value as SemanticConditionOperator })}>
          {OPERATORS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      {arity !== "none" && (
        <label>
          {arity === "many" ? "Values (comma-separated)" : "Value"}
          <input required value={draft.values} list={listId} onChange={(e) => onChange({ ...draft, values: e.target.value })} />
          {field && field.sampleValues.length > 0 && (
            <datalist id={listId}>
              {field.sampleValues.slice(0, 50).map((v) => (
                <option key={v} value={v} />
              ))}
            </datalist>
          )}
        </label>
      )}
    </>
  );
}
