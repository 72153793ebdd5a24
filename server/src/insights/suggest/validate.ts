import { joinTree, NoJoinPathError } from "../../engine/graph.ts";
import { specEntitiesIn, type FieldRef, type QuerySpec } from "../../engine/spec.ts";
import type { SemanticModel } from "../../semantic/types.ts";

const NUMERIC = new Set(["integer", "bigint", "decimal", "float"]);

/**
 * Whether a spec only names what the model has (entities, fields, metrics),
 * its indices point inside it, and one join tree connects its entities: the
 * checks a suggestion must pass to be runnable in one click.
 */
export function isRunnable(spec: QuerySpec, model: SemanticModel): boolean {
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const fieldOf = (ref: FieldRef) => entities.get(ref.entity)?.fields.find((f) => f.name === ref.field);
  if (!entities.has(spec.entity)) return false;
  for (const m of spec.measures) {
    if (m.kind === "count" && !entities.has(m.entity)) return false;
    if (m.kind === "metric" && !model.metrics.some((x) => x.name === m.metric)) return false;
    if (m.kind === "field") {
      const f = fieldOf(m.field);
      if (!f) return false;
      if ((m.agg === "sum" || m.agg === "avg") && !NUMERIC.has(f.type)) return false;
    }
  }
  for (const d of spec.dimensions) {
    if (d.kind === "entity" && !entities.has(d.entity)) return false;
    if (d.kind === "field" && !fieldOf(d.field)) return false;
  }
  if (![...spec.filters.map((f) => f.field), ...spec.columns].every((ref) => fieldOf(ref))) return false;
  for (const f of spec.filters) {
    if (f.kind === "columns" && !fieldOf(f.other)) return false;
    if (f.kind === "related" && !entities.has(f.entity)) return false;
  }
  for (const o of spec.order) {
    if (o.by.kind === "measure" && !(o.by.index >= 0 && o.by.index < spec.measures.length)) return false;
    if (o.by.kind === "dimension" && !(o.by.index >= 0 && o.by.index < spec.dimensions.length)) return false;
    if (o.by.kind === "field" && !fieldOf(o.by.field)) return false;
  }
  if (!spec.having.every((h) => h.measure >= 0 && h.measure < spec.measures.length)) return false;
  if (spec.limit !== null && !(Number.isInteger(spec.limit) && spec.limit > 0)) return false;
  try {
    joinTree(model, spec.entity, specEntitiesIn(spec, model.metrics));
    for (const f of spec.filters) if (f.kind === "related") joinTree(model, f.entity, [f.field.entity]);
  } catch (error) {
    if (error instanceof NoJoinPathError) return false;
    throw error;
  }
  return true;
}

/** A key that is equal for specs that say the same thing (property order aside). */
export function specKey(spec: QuerySpec): string {
  return JSON.stringify(spec, (_, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
