import type { SemanticModel } from "../../semantic/types.ts";
import { cloneSpec, type Dimension, type FieldRef, type QuerySpec } from "../spec.ts";
import { measureLabel } from "./fields.ts";

function fieldLabel(model: SemanticModel, ref: FieldRef): string {
  return model.entities.find((e) => e.name === ref.entity)?.fields.find((f) => f.name === ref.field)?.label ?? ref.field;
}

function dimensionLabel(model: SemanticModel, d: Dimension): string {
  return d.kind === "entity" ? (model.entities.find((e) => e.name === d.entity)?.label ?? d.entity) : fieldLabel(model, d.field);
}

function dropDimension(spec: QuerySpec, index: number): void {
  spec.dimensions.splice(index, 1);
  spec.order = spec.order
    .filter((o) => !(o.by.kind === "dimension" && o.by.index === index))
    .map((o) => (o.by.kind === "dimension" && o.by.index > index ? { ...o, by: { kind: "dimension", index: o.by.index - 1 } } : o));
}

function dropMeasure(spec: QuerySpec, index: number): void {
  spec.measures.splice(index, 1);
  spec.having = spec.having.filter((h) => h.measure !== index).map((h) => (h.measure > index ? { ...h, measure: h.measure - 1 } : h));
  spec.order = spec.order
    .filter((o) => !(o.by.kind === "measure" && o.by.index === index))
    .map((o) => (o.by.kind === "measure" && o.by.index > index ? { ...o, by: { kind: "measure", index: o.by.index - 1 } } : o));
}

/**
 * Drops the most recent complication of a spec, one at a time, from the
 * outermost layer in: a roll-up, a condition on a total, an extra grouping,
 * the last filter, an extra measure, an extra listed column, the row limit,
 * the last grouping, the sort. Parts are appended as they are asked for, so
 * the last of each kind is the most recent. Null when nothing is left to drop.
 */
export function simplifyOnce(input: QuerySpec, model: SemanticModel): { spec: QuerySpec; dropped: string } | null {
  const spec = cloneSpec(input);
  if (spec.rollup) {
    delete spec.rollup;
    return { spec, dropped: "the overall figure across groups" };
  }
  if (spec.having.length > 0) {
    const h = spec.having.pop()!;
    const m = spec.measures[h.measure];
    return { spec, dropped: `the condition on ${m ? measureLabel(model, m) : "a total"}` };
  }
  if (spec.dimensions.length > 1) {
    const label = dimensionLabel(model, spec.dimensions.at(-1)!);
    dropDimension(spec, spec.dimensions.length - 1);
    return { spec, dropped: `the grouping by ${label}` };
  }
  if (spec.filters.length > 0) {
    const f = spec.filters.pop()!;
    return { spec, dropped: f.kind === "range" ? `the period ${f.label}` : `the filter on ${fieldLabel(model, f.field)}` };
  }
  if (spec.measures.length > 1) {
    const label = measureLabel(model, spec.measures.at(-1)!);
    dropMeasure(spec, spec.measures.length - 1);
    return { spec, dropped: label };
  }
  if (spec.columns.length > 1) {
    const c = spec.columns.pop()!;
    spec.order = spec.order.filter((o) => !(o.by.kind === "field" && o.by.field.entity === c.entity && o.by.field.field === c.field));
    return { spec, dropped: `the column ${fieldLabel(model, c)}` };
  }
  if (spec.limit !== null) {
    spec.limit = null;
    return { spec, dropped: "the row limit" };
  }
  if (spec.dimensions.length === 1 && spec.measures.length > 0) {
    const label = dimensionLabel(model, spec.dimensions[0]!);
    dropDimension(spec, 0);
    return { spec, dropped: `the grouping by ${label}` };
  }
  if (spec.order.length > 0) {
    spec.order = [];
    return { spec, dropped: "the sort order" };
  }
  return null;
}
