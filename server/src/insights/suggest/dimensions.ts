import { joinDistance, referencesUpward } from "../../engine/graph.ts";
import type { Dimension, QuerySpec } from "../../engine/spec.ts";
import type { Entity, Field, SemanticModel } from "../../semantic/types.ts";
import { dimensionLabel, entityOf } from "../labels.ts";

/** Groupings with this many values at most make a readable breakdown. */
export const BREAKDOWN_MAX_VALUES = 25;

/**
 * Entities whose rows the spec aggregates (or lists). A grouping may only
 * come from an entity every one of them references (many-to-one), so that
 * no aggregated row is counted twice.
 */
export function factEntities(spec: QuerySpec, model: SemanticModel): string[] {
  const out = new Set<string>();
  for (const m of spec.measures) {
    if (m.kind === "count") out.add(m.entity);
    else if (m.kind === "field") out.add(m.field.entity);
    else {
      const metric = model.metrics.find((x) => x.name === m.metric);
      if (metric) out.add(metric.entity);
    }
  }
  if (out.size === 0) out.add(spec.entity);
  return [...out];
}

/** Entities every fact reaches by following references only, nearest to the subject first (model order on ties). */
export function upwardEntities(spec: QuerySpec, model: SemanticModel, facts: string[]): Entity[] {
  const reachable = model.entities.filter((e) => facts.every((f) => referencesUpward(model, f, e.name)) && joinDistance(model, spec.entity, e.name) !== Infinity);
  return reachable
    .map((e, i) => ({ e, i, d: joinDistance(model, spec.entity, e.name) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.e);
}

export interface DimensionCandidate {
  dimension: Dimension;
  /** Entity the grouping belongs to. */
  entity: string;
  /** Values it has (sampled or estimated). */
  values: number;
  score: number;
}

const distinctOf = (f: Field) => f.distinct ?? f.values?.length ?? null;

/** Whether an entity is a short list of categories (a handful of named rows). */
const isCategoryEntity = (e: Entity) => e.labelFields.length > 0 && e.primaryKey.length === 1 && e.rowCount >= 2 && e.rowCount <= BREAKDOWN_MAX_VALUES;

/**
 * Entities whose every value is fixed by the spec: grouped by one of their
 * rows, or filtered to one key; and everything they reference. A grouping
 * from them would have one value per existing group (or one value at all).
 */
export function fixedEntities(spec: QuerySpec, model: SemanticModel): Set<string> {
  const roots = new Set<string>();
  for (const d of spec.dimensions) if (d.kind === "entity") roots.add(d.entity);
  for (const f of spec.filters) {
    if (f.kind !== "compare" || f.op !== "=" || f.values.length !== 1) continue;
    const e = entityOf(model, f.field.entity);
    if (e && e.primaryKey.length === 1 && e.primaryKey[0] === f.field.field) roots.add(e.name);
  }
  const out = new Set<string>();
  for (const root of roots) for (const e of model.entities) if (referencesUpward(model, root, e.name)) out.add(e.name);
  return out;
}

/** Fields held to one value by an equality filter: grouping by them shows a single bar. */
function fixedFields(spec: QuerySpec): Set<string> {
  const out = new Set<string>();
  for (const f of spec.filters) {
    if (f.kind === "compare" && (f.op === "=" || (f.op === "in" && f.values.length === 1))) out.add(`${f.field.entity}.${f.field.field}`);
  }
  return out;
}

/** Names of what a grouping groups by: its field, or its entity and that entity's label fields. */
export function groupingKeys(model: SemanticModel, d: Dimension): string[] {
  if (d.kind === "field") return [`${d.field.entity}.${d.field.field}`];
  return [d.entity, ...(entityOf(model, d.entity)?.labelFields ?? []).map((l) => `${d.entity}.${l}`)];
}

/** Whether two groupings group by the same thing (an entity and its name field count as one). */
export const sameGrouping = (model: SemanticModel, a: Dimension, b: Dimension) => {
  const keys = new Set(groupingKeys(model, a));
  return groupingKeys(model, b).some((k) => keys.has(k));
};

function usedGroupings(spec: QuerySpec, model: SemanticModel): Set<string> {
  return new Set(spec.dimensions.flatMap((d) => groupingKeys(model, d)));
}

/**
 * Groupings worth suggesting for a spec, best first: low-cardinality
 * categorical fields and short category tables, on the facts' own entity or
 * ones they reference, not already used, not fixed by a filter or an
 * existing grouping. Time fields are left to the trend suggestion.
 */
export function breakdownCandidates(spec: QuerySpec, model: SemanticModel): DimensionCandidate[] {
  const facts = factEntities(spec, model);
  const used = usedGroupings(spec, model);
  const fixed = fixedEntities(spec, model);
  const fixedF = fixedFields(spec);
  const out: DimensionCandidate[] = [];
  for (const e of upwardEntities(spec, model, facts)) {
    if (fixed.has(e.name)) continue;
    const distance = joinDistance(model, spec.entity, e.name);
    const categoryTable = isCategoryEntity(e) && !facts.includes(e.name);
    const own = facts.includes(e.name) || e.name === spec.entity;
    // A short table of named things is the clearest grouping; a column of some other table is a little less so.
    if (categoryTable && !used.has(e.name) && !e.labelFields.some((l) => used.has(`${e.name}.${l}`) || fixedF.has(`${e.name}.${l}`))) {
      out.push({ dimension: { kind: "entity", entity: e.name }, entity: e.name, values: e.rowCount, score: distance * 3 - 1 + valuesPenalty(e.rowCount) });
    }
    for (const f of e.fields) {
      if (f.role !== "dimension") continue;
      const key = `${e.name}.${f.name}`;
      if (used.has(key) || fixedF.has(key) || (categoryTable && e.labelFields.includes(f.name))) continue;
      const values = distinctOf(f);
      if (values === null || values < 2 || values > BREAKDOWN_MAX_VALUES) continue;
      // As many values as rows: one group per row, a listing rather than a breakdown.
      if (e.rowCount > 0 && values >= 0.9 * e.rowCount) continue;
      out.push({ dimension: { kind: "field", field: { entity: e.name, field: f.name } }, entity: e.name, values, score: distance * 3 + valuesPenalty(values) + (f.flag ? 4 : 0) + (own ? 0 : 1) });
    }
  }
  // Stable sort: equal scores keep model order, so the result is deterministic.
  return out.sort((a, b) => a.score - b.score);
}

/** Two values say little and many are hard to read; a handful is best. */
function valuesPenalty(values: number): number {
  if (values <= 2) return 1;
  if (values <= 12) return 0;
  return 4;
}

/**
 * How a suggestion names a grouping, lower case: a field of another entity
 * than the facts' is qualified by it ("customer contact title"), unless its
 * label already says so or it is that entity's name.
 */
export function groupingName(spec: QuerySpec, model: SemanticModel, d: Dimension): string {
  const label = dimensionLabel(model, d).toLowerCase();
  if (d.kind !== "field" || d.grain) return label;
  const owner = entityOf(model, d.field.entity);
  const own = d.field.entity === spec.entity || factEntities(spec, model).includes(d.field.entity);
  if (!owner || own || owner.labelFields.includes(d.field.field)) return label;
  const entityLabel = owner.label.toLowerCase();
  const last = entityLabel.split(" ").pop()!;
  return label.split(" ").includes(last) ? label : `${entityLabel} ${label}`;
}
