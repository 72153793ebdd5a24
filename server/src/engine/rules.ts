import type { SemanticModel } from "../semantic/types.ts";
import { referencesUpward } from "./graph.ts";
import { specEntities, type QuerySpec } from "./spec.ts";

/**
 * Adds the model's default filters ("orders exclude cancelled ones") for every
 * entity the spec touches, and for every entity its rows belong to through
 * references (the lines of an order for a rule on orders: revenue summed over
 * order lines must leave out cancelled orders too, or two answers about the same
 * revenue disagree), unless the question already filters that column. They become
 * ordinary filters, so the explanation shows them and a user can drop them.
 */
export function applyDefaultFilters(model: SemanticModel, spec: QuerySpec): void {
  if (model.rules.defaultFilters.length === 0) return;
  const touched = new Set(specEntities(spec));
  for (const rule of model.rules.defaultFilters) {
    if (!touched.has(rule.entity) && !referencesUpward(model, spec.entity, rule.entity)) continue;
    const field = { entity: rule.entity, field: rule.condition.field };
    if (spec.filters.some((f) => f.field.entity === field.entity && f.field.field === field.field)) continue;
    const v = rule.condition.value;
    spec.filters.push({ kind: "compare", field, op: rule.condition.op, values: v === undefined ? [] : Array.isArray(v) ? v : [v] });
  }
}
