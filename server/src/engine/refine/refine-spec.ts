import type { SemanticModel } from "../../semantic/types.ts";
import { compile } from "../compile/compile.ts";
import { cloneSpec, sameDimension, sameField, sameMeasure, type Dimension, type Having, type Measure, type OrderBy, type QuerySpec } from "../spec.ts";
import { addFilter, changeLimit } from "../transforms.ts";
import { dimensionIndexOf, measureOperators, resolveSpecField, type SpecTarget } from "./fields.ts";
import { coerceFilter, describeFilter } from "./operators.ts";
import { checkLimit, checkSteps, maxAddedColumns, RefineError, type Refinement } from "./refinement.ts";
import { simplifyOnce } from "./simplify.ts";

export interface RefinedSpec {
  spec: QuerySpec;
  /** What changed, in words ("Country is Brazil"): shown with the new run's question. */
  label: string;
}

const fieldName = (t: Extract<SpecTarget, { kind: "field" }>) => t.field.label;

function refineFilter(spec: QuerySpec, model: SemanticModel, r: Extract<Refinement, { kind: "addFilter" }>): RefinedSpec {
  const target = resolveSpecField(spec, model, r.field);
  if (target.kind === "measure") {
    if (!measureOperators.includes(r.operator)) {
      throw new RefineError("REFINE_BAD_OPERATOR", `A total can only be compared (${measureOperators.join(", ")}); got ${r.operator}.`, { field: r.field });
    }
    const values = coerceFilter(r.field, "decimal", r.operator, r.values);
    const next = cloneSpec(spec);
    const having: Having = { measure: target.index, op: r.operator as Having["op"], value: values[0] as number };
    next.having = [...next.having.filter((h) => !(h.measure === having.measure && h.op === having.op)), having];
    return { spec: next, label: describeFilter(target.label, r.operator, values) };
  }
  const values = coerceFilter(r.field, target.field.type, r.operator, r.values);
  const next = addFilter(spec, { kind: "compare", field: target.ref, op: r.operator, values });
  return { spec: next, label: describeFilter(fieldName(target), r.operator, values) };
}

function refineColumns(spec: QuerySpec, model: SemanticModel, r: Extract<Refinement, { kind: "addColumns" }>): RefinedSpec {
  if (r.fields.length === 0 || r.fields.length > maxAddedColumns) {
    throw new RefineError("REFINE_NOT_SUPPORTED", `Add 1 to ${maxAddedColumns} columns at a time; got ${r.fields.length}.`);
  }
  const next = cloneSpec(spec);
  const aggregate = next.measures.length > 0 || next.dimensions.length > 0;
  const added: string[] = [];
  for (const name of r.fields) {
    const target = resolveSpecField(spec, model, name);
    if (target.kind === "measure") continue;
    if (!aggregate) {
      if (!next.columns.some((c) => sameField(c, target.ref))) {
        next.columns.push(target.ref);
        added.push(fieldName(target));
      }
      continue;
    }
    if (target.field.role === "measure") {
      const m: Measure = { kind: "field", agg: target.field.aggregation ?? "sum", field: target.ref };
      if (!next.measures.some((x) => sameMeasure(x, m))) {
        next.measures.push(m);
        added.push(fieldName(target));
      }
      continue;
    }
    if (target.field.type === "binary" || target.field.type === "json") {
      throw new RefineError("REFINE_NOT_SUPPORTED", `${fieldName(target)} cannot be grouped by.`, { field: name });
    }
    const d: Dimension = { kind: "field", field: target.ref, ...(target.field.role === "time" ? { grain: "month" as const } : {}) };
    if (dimensionIndexOf(next, model, target.ref) < 0 && !next.dimensions.some((x) => sameDimension(x, d))) {
      next.dimensions.push(d);
      added.push(fieldName(target));
    }
  }
  if (added.length === 0) throw new RefineError("REFINE_NOT_SUPPORTED", "Every one of these columns is already in the answer.");
  return { spec: next, label: `with ${added.join(", ")}` };
}

function refineSort(spec: QuerySpec, model: SemanticModel, r: Extract<Refinement, { kind: "changeSort" }>): RefinedSpec {
  const target = resolveSpecField(spec, model, r.field);
  const words = r.direction === "asc" ? "lowest first" : "highest first";
  let by: OrderBy["by"];
  if (target.kind === "measure") by = { kind: "measure", index: target.index };
  else if (spec.measures.length > 0 || spec.dimensions.length > 0) {
    const index = dimensionIndexOf(spec, model, target.ref);
    if (index < 0) {
      throw new RefineError("REFINE_NOT_SUPPORTED", `The answer is not grouped by ${fieldName(target)}, so it cannot be sorted by it.`, {
        field: r.field,
        hint: "Add it as a column first, or sort by one of the answer's columns.",
      });
    }
    by = { kind: "dimension", index };
  } else {
    if (spec.distinct && !spec.columns.some((c) => sameField(c, target.ref))) {
      throw new RefineError("REFINE_NOT_SUPPORTED", `The answer lists distinct rows without ${fieldName(target)}, so it cannot be sorted by it.`, {
        field: r.field,
        hint: "Add it as a column first.",
      });
    }
    by = { kind: "field", field: target.ref };
  }
  const next = cloneSpec(spec);
  next.order = [{ by, dir: r.direction }];
  return { spec: next, label: `sorted by ${target.kind === "measure" ? target.label : fieldName(target)}, ${words}` };
}

function refineSimplify(spec: QuerySpec, model: SemanticModel, steps: number): RefinedSpec {
  let current = spec;
  const dropped: string[] = [];
  for (let i = 0; i < checkSteps(steps); i++) {
    const next = simplifyOnce(current, model);
    if (!next) break;
    current = next.spec;
    dropped.push(next.dropped);
  }
  if (dropped.length === 0) throw new RefineError("REFINE_NOTHING_TO_SIMPLIFY", "The answer has no grouping, filter, limit or extra column left to drop.");
  return { spec: current, label: `without ${dropped.join(", ")}` };
}

/**
 * Applies a refinement to an engine spec and checks that the result still
 * compiles against the model. Pure; throws RefineError for anything that
 * should not become a run.
 */
export function refineSpec(spec: QuerySpec, model: SemanticModel, refinement: Refinement): RefinedSpec {
  let out: RefinedSpec;
  switch (refinement.kind) {
    case "addFilter":
      out = refineFilter(spec, model, refinement);
      break;
    case "changeLimit":
      out = { spec: changeLimit(spec, checkLimit(refinement.limit)), label: `first ${refinement.limit} rows` };
      break;
    case "addColumns":
      out = refineColumns(spec, model, refinement);
      break;
    case "changeSort":
      out = refineSort(spec, model, refinement);
      break;
    case "simplify":
      out = refineSimplify(spec, model, refinement.steps);
      break;
  }
  try {
    compile(out.spec, model);
  } catch (error) {
    throw new RefineError("REFINE_NOT_SUPPORTED", `The refined question cannot be answered: ${(error as Error).message}`, {
      hint: "Pick a field of the tables the answer uses or of tables related to them.",
    });
  }
  return out;
}
