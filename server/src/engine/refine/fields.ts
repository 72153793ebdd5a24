import type { Field, SemanticModel } from "../../semantic/types.ts";
import type { ValueType } from "../../sql/snapshot.ts";
import { compile } from "../compile/compile.ts";
import { specEntitiesIn, type FieldRef, type FilterOp, type Measure, type QuerySpec } from "../spec.ts";
import { operatorsFor } from "./operators.ts";
import { RefineError } from "./refinement.ts";

/** A field a client can offer in refinement controls (filter, sort, add column). */
export interface RefinableField {
  /** What a refinement sends: `entity.field`, or a result column's name. */
  name: string;
  label: string;
  type: ValueType;
  kind: "field" | "measure" | "column";
  /** Empty when the field cannot be filtered. */
  operators: FilterOp[];
  sortable: boolean;
}

export type SpecTarget = { kind: "field"; ref: FieldRef; field: Field; entityLabel: string } | { kind: "measure"; index: number; label: string };

/** Comparisons a measure can be filtered by (compiled to HAVING). */
export const measureOperators: FilterOp[] = ["=", "!=", ">", ">=", "<", "<="];

const aggregateWords: Record<string, string> = { count: "Count", count_distinct: "Distinct", sum: "Total", avg: "Average", min: "Lowest", max: "Highest" };

export function measureLabel(model: SemanticModel, m: Measure): string {
  if (m.kind === "count") return `Number of ${model.entities.find((e) => e.name === m.entity)?.label ?? m.entity}`;
  if (m.kind === "metric") return model.metrics.find((x) => x.name === m.metric)?.label ?? m.metric;
  if (m.kind === "field") {
    const ref = m.field;
    const field = model.entities.find((e) => e.name === ref.entity)?.fields.find((f) => f.name === ref.field);
    const fieldOf = (r: FieldRef) => model.entities.find((e) => e.name === r.entity)?.fields.find((f) => f.name === r.field)?.label ?? r.field;
    if (m.times) return `${aggregateWords[m.agg] ?? m.agg} value of ${fieldOf(ref)}`;
    if (m.since && m.agg !== "count" && m.agg !== "count_distinct") return `${aggregateWords[m.agg] ?? m.agg} days from ${fieldOf(m.since)} to ${fieldOf(ref)}`;
    return `${aggregateWords[m.agg] ?? m.agg} ${field?.label ?? ref.field}`;
  }
  return "Measure";
}

/** Result column names of the spec's measures, in `spec.measures` order; none once rolled up. */
export function measureColumns(spec: QuerySpec, model: SemanticModel): string[] {
  if (spec.rollup || spec.measures.length === 0) return [];
  return compile(spec, model).columns.filter((c) => c.role === "measure").map((c) => c.name);
}

/** Entities the spec touches and their direct neighbours in the join graph. */
function nearbyEntities(spec: QuerySpec, model: SemanticModel): string[] {
  const touched = new Set(specEntitiesIn(spec, model.metrics));
  const out = new Set(touched);
  for (const j of model.joins) {
    if (touched.has(j.from)) out.add(j.to);
    if (touched.has(j.to)) out.add(j.from);
  }
  return [...out];
}

const isAggregate = (spec: QuerySpec) => spec.measures.length > 0 || spec.dimensions.length > 0;

/** Whether the spec can be ordered by this field: any column of a listing, a grouping of an aggregate. */
export function dimensionIndexOf(spec: QuerySpec, model: SemanticModel, ref: FieldRef): number {
  return spec.dimensions.findIndex((d) => {
    if (d.kind === "field") return d.field.entity === ref.entity && d.field.field === ref.field;
    const entity = model.entities.find((e) => e.name === d.entity);
    return d.entity === ref.entity && !!entity && (entity.primaryKey.includes(ref.field) || entity.labelFields.includes(ref.field));
  });
}

/**
 * Fields worth offering for a spec: its measures, then every column of the
 * entities it touches and of their neighbours (the compiler joins them).
 */
export function specRefinableFields(spec: QuerySpec, model: SemanticModel): RefinableField[] {
  const aggregate = isAggregate(spec);
  const out: RefinableField[] = measureColumns(spec, model).map((column, index) => ({
    name: column,
    label: measureLabel(model, spec.measures[index]!),
    type: "decimal",
    kind: "measure",
    operators: measureOperators,
    sortable: true,
  }));
  for (const name of nearbyEntities(spec, model)) {
    const entity = model.entities.find((e) => e.name === name);
    if (!entity) continue;
    for (const f of entity.fields) {
      if (f.type === "binary") continue;
      const ref = { entity: entity.name, field: f.name };
      out.push({
        name: `${entity.name}.${f.name}`,
        label: `${entity.label} · ${f.label}`,
        type: f.type,
        kind: "field",
        operators: operatorsFor(f.type),
        sortable: aggregate ? dimensionIndexOf(spec, model, ref) >= 0 : true,
      });
    }
  }
  return out;
}

/** Finds `entity.field` in the model (entity names may contain dots) or a measure column of the spec. */
export function resolveSpecField(spec: QuerySpec, model: SemanticModel, name: string): SpecTarget {
  const index = measureColumns(spec, model).indexOf(name);
  if (index >= 0) return { kind: "measure", index, label: measureLabel(model, spec.measures[index]!) };
  for (const entity of model.entities) {
    if (!name.startsWith(`${entity.name}.`)) continue;
    const field = entity.fields.find((f) => f.name === name.slice(entity.name.length + 1));
    if (field) return { kind: "field", ref: { entity: entity.name, field: field.name }, field, entityLabel: entity.label };
  }
  throw new RefineError("REFINE_UNKNOWN_FIELD", `The data has no field “${name}”.`, {
    field: name,
    hint: "Name fields as entity.field (see the answer's refinableFields) or by a result column.",
  });
}

/** Result columns of an answer without a spec: each can be filtered and sorted. */
export function columnRefinableFields(columns: { name: string; type: ValueType }[]): RefinableField[] {
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  return columns
    .filter((c) => counts.get(c.name) === 1)
    .map((c) => ({ name: c.name, label: c.name, type: c.type, kind: "column" as const, operators: operatorsFor(c.type), sortable: true }));
}

