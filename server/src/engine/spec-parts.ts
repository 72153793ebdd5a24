import { specEntities, type Dimension, type FieldRef, type Filter, type Measure, type QuerySpec } from "./spec.ts";

export interface SpecParts {
  entities: string[];
  /** Every column the spec reads (measures, groupings, filters, listed columns, sort keys). */
  fields: FieldRef[];
  measures: Measure[];
  dimensions: Dimension[];
  filters: Filter[];
}

/** The spec's parts as flat lists, for suggestions, refinements and display. */
export function specParts(spec: QuerySpec): SpecParts {
  const fields: FieldRef[] = [];
  const add = (f: FieldRef) => {
    if (!fields.some((x) => x.entity === f.entity && x.field === f.field)) fields.push(f);
  };
  for (const m of spec.measures) if (m.kind === "field") add(m.field);
  for (const d of spec.dimensions) if (d.kind === "field") add(d.field);
  for (const f of spec.filters) add(f.field);
  for (const c of spec.columns) add(c);
  for (const o of spec.order) if (o.by.kind === "field") add(o.by.field);
  return { entities: specEntities(spec), fields, measures: [...spec.measures], dimensions: [...spec.dimensions], filters: [...spec.filters] };
}
