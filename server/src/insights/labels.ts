import type { Dimension, Filter, Measure, QuerySpec, TimeGrain } from "../engine/spec.ts";
import { pluralize } from "../semantic/inflect.ts";
import { readableLabel } from "../semantic/names.ts";
import type { Entity, Field, SemanticModel } from "../semantic/types.ts";

/** Readable names of spec parts, shared by chart titles and suggestion labels. */

export const entityOf = (model: SemanticModel, name: string): Entity | undefined => model.entities.find((e) => e.name === name);

export const fieldOf = (model: SemanticModel, entity: string, field: string): Field | undefined =>
  entityOf(model, entity)?.fields.find((f) => f.name === field);

export const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "sales order" → "sales orders" (last word plural). */
export function pluralPhrase(phrase: string): string {
  const words = phrase.split(" ");
  const last = words.pop() ?? "";
  return [...words, pluralize(last)].join(" ");
}

export function entityPlural(model: SemanticModel, name: string): string {
  const e = entityOf(model, name);
  return pluralPhrase(lower(e?.label ?? readableLabel(name, true)));
}

const AGG_WORDS: Record<string, string> = {
  sum: "Total",
  avg: "Average",
  min: "Lowest",
  max: "Highest",
  count: "Number of",
  count_distinct: "Distinct",
};

export function measureLabel(model: SemanticModel, m: Measure): string {
  if (m.kind === "count") return `Number of ${entityPlural(model, m.entity)}`;
  if (m.kind === "metric") return model.metrics.find((x) => x.name === m.metric)?.label ?? readableLabel(m.metric);
  const f = fieldOf(model, m.field.entity, m.field.field);
  const label = f?.label ?? readableLabel(m.field.field);
  const word = AGG_WORDS[m.agg]!;
  if (m.times) return `${word} value of ${lower(label)}`;
  if (m.since && m.agg !== "count" && m.agg !== "count_distinct") {
    const since = fieldOf(model, m.since.entity, m.since.field);
    return `${word} days from ${lower(since?.label ?? readableLabel(m.since.field))} to ${lower(label)}`;
  }
  // "Total" of a column already called total reads as "Total", not "Total total".
  return label.toLowerCase().split(" ").includes(word.toLowerCase()) ? label : `${word} ${lower(label)}`;
}

export const grainLabel = (grain: TimeGrain) => capitalize(grain);

/** A dimension's name: the entity for an entity grouping, the field otherwise; a label field reads as its entity. */
export function dimensionLabel(model: SemanticModel, d: Dimension): string {
  if (d.kind === "entity") return entityOf(model, d.entity)?.label ?? readableLabel(d.entity, true);
  if (d.grain) return d.fiscal && (d.grain === "year" || d.grain === "quarter") && model.rules.fiscalYearStartMonth > 1 ? `Fiscal ${d.grain}` : grainLabel(d.grain);
  return fieldLabel(model, d.field.entity, d.field.field);
}

export function fieldLabel(model: SemanticModel, entity: string, field: string): string {
  const e = entityOf(model, entity);
  if (e && e.labelFields.length === 1 && e.labelFields[0] === field) return e.label;
  return fieldOf(model, entity, field)?.label ?? readableLabel(field);
}

function filterText(model: SemanticModel, f: Filter): string | null {
  if (f.kind === "range") return f.label || null;
  if (f.kind !== "compare") return null;
  // "Revenue by month, 1" says nothing: a key's value is not a name.
  const role = fieldOf(model, f.field.entity, f.field.field)?.role;
  if (role === "id" || role === "foreign_key") return null;
  if ((f.op === "=" || f.op === "in") && f.values.length > 0 && f.values.length <= 3) return f.values.map(String).join(", ");
  return null;
}

/** "Revenue by client and month, 2024" from the spec (what a chart title says when no question is given). */
export function specTitle(model: SemanticModel, spec: QuerySpec): string {
  const dims = spec.dimensions.map((d) => lower(dimensionLabel(model, d)));
  let base: string;
  if (spec.measures.length === 0 && dims.length === 0) base = capitalize(entityPlural(model, spec.entity));
  else if (spec.measures.length === 0) base = capitalize(dims.join(" and "));
  else {
    const measures = spec.measures.map((m, i) => (i === 0 ? measureLabel(model, m) : lower(measureLabel(model, m))));
    base = measures.join(" and ") + (dims.length ? ` by ${dims.join(" and ")}` : "");
  }
  if (spec.rollup) base = `${capitalize(AGG_WORDS[spec.rollup]!)} of ${lower(base)}`;
  const conditions = spec.filters.map((f) => filterText(model, f)).filter((x): x is string => x !== null);
  // "Revenue by country, 2023, top 3": what a follow-up changed, as part of the title, not the follow-up's words.
  const ranked = spec.order[0]?.by.kind === "measure" ? spec.order[0] : undefined;
  if (spec.limit !== null && ranked && spec.dimensions.length > 0) conditions.push(`${ranked.dir === "desc" ? "top" : "bottom"} ${spec.limit}`);
  return conditions.length ? `${base}, ${conditions.join(", ")}` : base;
}
