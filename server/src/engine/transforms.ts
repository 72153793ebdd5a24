import type { SemanticModel } from "../semantic/types.ts";
import { measureIndex } from "./build.ts";
import { specParts } from "./spec-parts.ts";
import { cloneSpec, emptySpec, sameDimension, sameField, type Dimension, type FieldRef, type Filter, type Measure, type OrderBy, type QuerySpec } from "./spec.ts";

/**
 * Typed transforms of a spec, for refinements and follow-up suggestions.
 * Each returns a new spec and leaves the input untouched.
 */

export interface SpecInit {
  entity: string;
  measures?: Measure[];
  dimensions?: Dimension[];
  filters?: Filter[];
  order?: OrderBy[];
  limit?: number | null;
  columns?: FieldRef[];
  distinct?: boolean;
}

/** Builds a spec directly (suggestions and clarification options), without reading any text. */
export function buildSpec(init: SpecInit): QuerySpec {
  return {
    ...emptySpec(init.entity),
    measures: init.measures ?? [],
    dimensions: init.dimensions ?? [],
    filters: init.filters ?? [],
    order: init.order ?? [],
    limit: init.limit ?? null,
    columns: init.columns ?? [],
    distinct: init.distinct ?? false,
  };
}

/** Adds a filter, replacing one of the same kind on the same column. */
export function addFilter(spec: QuerySpec, filter: Filter): QuerySpec {
  const next = cloneSpec(spec);
  next.filters = next.filters.filter((f) => !(sameField(f.field, filter.field) && f.kind === filter.kind));
  next.filters.push(filter);
  return next;
}

export function removeFilter(spec: QuerySpec, index: number): QuerySpec {
  const next = cloneSpec(spec);
  next.filters.splice(index, 1);
  return next;
}

export function changeLimit(spec: QuerySpec, limit: number | null): QuerySpec {
  const next = cloneSpec(spec);
  next.limit = limit === null ? null : Math.max(1, Math.floor(limit));
  if (limit !== null && next.order.length === 0 && next.measures.length > 0) next.order = [{ by: { kind: "measure", index: 0 }, dir: "desc" }];
  return next;
}

/** Adds listed columns to a listing, or groupings to an aggregate. */
export function addColumns(spec: QuerySpec, columns: FieldRef[]): QuerySpec {
  const next = cloneSpec(spec);
  if (next.measures.length > 0 || next.dimensions.length > 0) {
    for (const c of columns) {
      const d: Dimension = { kind: "field", field: c };
      if (!next.dimensions.some((x) => sameDimension(x, d))) next.dimensions.push(d);
    }
  } else {
    for (const c of columns) if (!next.columns.some((x) => sameField(x, c))) next.columns.push(c);
  }
  return next;
}

export function addDimension(spec: QuerySpec, dimension: Dimension): QuerySpec {
  const next = cloneSpec(spec);
  if (!next.dimensions.some((d) => sameDimension(d, dimension))) next.dimensions.push(dimension);
  if (next.measures.length === 0) next.measures = [{ kind: "count", entity: next.entity }];
  return next;
}

export function changeSort(spec: QuerySpec, order: OrderBy[]): QuerySpec {
  const next = cloneSpec(spec);
  next.order = order;
  return next;
}

/** Makes a measure the one to sort by (adding it when missing), highest first by default. */
export function sortByMeasure(spec: QuerySpec, measure: Measure, dir: "asc" | "desc" = "desc"): QuerySpec {
  const next = cloneSpec(spec);
  next.order = [{ by: { kind: "measure", index: measureIndex(next, measure) }, dir }];
  return next;
}

export function replaceMeasures(spec: QuerySpec, measures: Measure[]): QuerySpec {
  const next = cloneSpec(spec);
  next.measures = measures;
  next.having = [];
  next.order = next.order.filter((o) => o.by.kind !== "measure" || o.by.index < measures.length);
  return next;
}

/** Drops groupings, ordering, limits and having: the plain total of the first measure under the same filters. */
export function simplify(spec: QuerySpec): QuerySpec {
  const next = cloneSpec(spec);
  next.dimensions = [];
  next.having = [];
  next.order = [];
  next.limit = null;
  delete next.rollup;
  next.measures = next.measures.slice(0, 1);
  return next;
}

/** Model-aware sanity check used before offering a transformed spec. */
export function referencesExist(spec: QuerySpec, model: SemanticModel): boolean {
  const has = (r: FieldRef) => model.entities.some((e) => e.name === r.entity && e.fields.some((f) => f.name === r.field));
  const parts = specParts(spec);
  return parts.fields.every(has) && parts.entities.every((n) => model.entities.some((e) => e.name === n));
}
