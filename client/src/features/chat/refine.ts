import type { FilterOperator, RefinementInput } from "../../graphql/graphql";

export type RefineKind = "filter" | "limit" | "columns" | "sort" | "simplify";

export interface RefinableField {
  name: string;
  label: string;
  type: string;
  kind: "FIELD" | "MEASURE" | "COLUMN";
  operators: FilterOperator[];
  sortable: boolean;
}

export interface RefineDraft {
  field: string;
  operator: FilterOperator;
  /** Text; comma-separated for IN / NOT_IN. */
  value: string;
  limit: string;
  columns: string[];
  direction: "ASC" | "DESC";
}

export const OPERATOR_LABELS: Record<FilterOperator, string> = {
  EQ: "=",
  NEQ: "≠",
  GT: ">",
  GTE: "≥",
  LT: "<",
  LTE: "≤",
  IN: "is one of",
  NOT_IN: "is none of",
  CONTAINS: "contains",
  NOT_CONTAINS: "does not contain",
  STARTS_WITH: "starts with",
  ENDS_WITH: "ends with",
  IS_NULL: "is empty",
  NOT_NULL: "is not empty",
};

const noValue = new Set<FilterOperator>(["IS_NULL", "NOT_NULL"]);
const listValue = new Set<FilterOperator>(["IN", "NOT_IN"]);

export function operatorArity(operator: FilterOperator): "none" | "one" | "many" {
  return noValue.has(operator) ? "none" : listValue.has(operator) ? "many" : "one";
}

export class RefineDraftError extends Error {
  readonly code = "REFINE_DRAFT_INVALID";
}

/** The API's one-of RefinementInput from the form; a RefineDraftError says what is missing. */
export function refinementInput(kind: RefineKind, draft: RefineDraft): RefinementInput {
  switch (kind) {
    case "filter": {
      if (!draft.field) throw new RefineDraftError("Choose a field to filter.");
      const arity = operatorArity(draft.operator);
      const values = arity === "none" ? [] : arity === "many" ? draft.value.split(",").map((v) => v.trim()).filter(Boolean) : [draft.value.trim()];
      if (arity !== "none" && values.every((v) => v === "")) throw new RefineDraftError("Enter a value to compare with.");
      return { addFilter: { field: draft.field, operator: draft.operator, values } };
    }
    case "limit": {
      const limit = Number(draft.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new RefineDraftError("Enter a whole number of rows, 1 or more.");
      return { changeLimit: { limit } };
    }
    case "columns":
      if (draft.columns.length === 0) throw new RefineDraftError("Choose at least one field to add.");
      return { addColumns: { fields: draft.columns } };
    case "sort":
      if (!draft.field) throw new RefineDraftError("Choose a field to sort by.");
      return { changeSort: { field: draft.field, direction: draft.direction } };
    case "simplify":
      return { simplify: { steps: 1 } };
  }
}

/** Fields under their table ("Order item · Quantity" → "Order item"), totals first, for <optgroup>s. */
export function groupFields(fields: readonly RefinableField[]): { group: string; fields: RefinableField[] }[] {
  const groups = new Map<string, RefinableField[]>();
  for (const field of fields) {
    const group = field.kind === "MEASURE" ? "Totals of this answer" : field.kind === "COLUMN" ? "Columns" : (field.label.split(" · ")[0] ?? "Fields");
    groups.set(group, [...(groups.get(group) ?? []), field]);
  }
  return [...groups].map(([group, list]) => ({ group, fields: list }));
}

/** The label without its table prefix, inside its group. */
export function shortLabel(field: RefinableField): string {
  const parts = field.label.split(" · ");
  return parts.length > 1 ? parts.slice(1).join(" · ") : field.label;
}

/**
 * What each field is called in a list of choices: its name within its table,
 * or with the table ("Customer · Name") where that name alone would appear
 * twice, so no two choices read the same.
 */
export function choiceLabels(fields: readonly RefinableField[]): Map<string, string> {
  const count = (labels: string[]) => labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const short = count(fields.map(shortLabel));
  const full = count(fields.map((f) => f.label));
  return new Map(
    fields.map((f) => {
      const label = (short.get(shortLabel(f)) ?? 0) > 1 ? f.label : shortLabel(f);
      return [f.name, (full.get(f.label) ?? 0) > 1 ? `${label} (${f.name})` : label];
    }),
  );
}

/** Fields whose values a picker can offer (the API lists values of text fields). */
export const offersValues = (field: RefinableField | undefined) => field?.type === "text" && field.kind !== "MEASURE";

/** The part of a value text a picker completes: the last comma-separated item when several are allowed. */
export function searchTerm(value: string, many: boolean): string {
  return (many ? (value.split(",").at(-1) ?? "") : value).trim();
}

/** The value text after picking `choice`: replaces the item being typed. */
export function withChoice(value: string, choice: string, many: boolean): string {
  if (!many) return choice;
  const done = value.split(",").slice(0, -1).map((v) => v.trim()).filter(Boolean);
  return [...done.filter((v) => v !== choice), choice].join(", ") + ", ";
}
