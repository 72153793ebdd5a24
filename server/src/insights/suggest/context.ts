import { cloneSpec, type Dimension, type QuerySpec } from "../../engine/spec.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import type { ResolvedColumn } from "../columns.ts";
import { fieldOf } from "../labels.ts";
import type { Suggestion, SuggestionKind } from "../types.ts";
import { argMax } from "../values.ts";

/** What every suggestion builder reads: the answered spec, the model and the result. */
export interface SuggestContext {
  spec: QuerySpec;
  model: SemanticModel;
  rows: readonly unknown[][];
  columns: ResolvedColumn[];
}

/** Rows in a "top N" suggestion. */
export const TOP_N = 10;

export function isTimeDimension(model: SemanticModel, d: Dimension): boolean {
  if (d.kind !== "field") return false;
  if (d.grain) return true;
  const type = fieldOf(model, d.field.entity, d.field.field)?.type;
  return type === "date" || type === "timestamp";
}

export const suggestion = (kind: SuggestionKind, label: string, spec: QuerySpec): Suggestion => ({ kind, label, spec });

/** A copy of the spec without one dimension; orderings by it go, later indices shift down. */
export function withoutDimension(spec: QuerySpec, index: number): QuerySpec {
  const out = cloneSpec(spec);
  out.dimensions.splice(index, 1);
  out.order = out.order
    .filter((o) => !(o.by.kind === "dimension" && o.by.index === index))
    .map((o) => (o.by.kind === "dimension" && o.by.index > index ? { ...o, by: { kind: "dimension" as const, index: o.by.index - 1 } } : o));
  return out;
}

/** A fresh copy that may be edited; a verified query's SQL no longer applies once the spec changes. */
export function editable(spec: QuerySpec): QuerySpec {
  const out = cloneSpec(spec);
  delete out.verifiedSql;
  return out;
}

/** Result column of a spec part by role and index. */
export const columnFor = (ctx: SuggestContext, role: ResolvedColumn["role"], index: number, name?: string) =>
  ctx.columns.find((c) => c.role === role && c.index === index && (name === undefined || c.name === name));

/** The row with the largest first measure (the "leading" group), or -1. */
export function leadingRow(ctx: SuggestContext): number {
  const m = columnFor(ctx, "measure", 0);
  return m ? argMax(ctx.rows, m.position) : -1;
}

export const orderByMeasure = (spec: QuerySpec) => {
  spec.order = [{ by: { kind: "measure", index: 0 }, dir: "desc" }];
};

export const orderByDimension = (spec: QuerySpec, index: number) => {
  spec.order = [{ by: { kind: "dimension", index }, dir: "asc" }];
};
