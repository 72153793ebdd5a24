import type { QuerySpec } from "../engine/spec.ts";
import type { SemanticModel } from "../semantic/types.ts";

/**
 * Key columns an answer carries only to tell its groups apart: a table grouped by its rows
 * ("revenue by category") selects the key with the naming columns, and a reader wants the
 * name, not "Category id" beside it. They stay in the result (and in exports); a table shows
 * them hidden.
 */
export function hiddenColumns(spec: QuerySpec | null, model: SemanticModel, columns: readonly { name: string }[]): Set<string> {
  const hidden = new Set<string>();
  if (!spec) return hidden;
  const present = new Set(columns.map((c) => c.name));
  for (const d of spec.dimensions) {
    if (d.kind !== "entity") continue;
    const e = model.entities.find((x) => x.name === d.entity);
    if (!e || e.labelFields.length === 0) continue;
    const named = e.labelFields.some((f) => present.has(f));
    for (const key of e.primaryKey) if (named && present.has(key) && !e.labelFields.includes(key)) hidden.add(key);
  }
  return hidden;
}

/** The columns with `hidden` set on those `hiddenColumns` names. */
export function markHidden<C extends { name: string }>(columns: readonly C[], hidden: Set<string>): (C & { hidden?: true })[] {
  return columns.map((c) => (hidden.has(c.name) ? { ...c, hidden: true as const } : c));
}
