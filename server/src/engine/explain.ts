import type { SemanticModel } from "../semantic/types.ts";
import { joinTree } from "./graph.ts";
import { specEntitiesIn, type Dimension, type FieldRef, type Filter, type Measure, type QuerySpec } from "./spec.ts";

const AGG_WORDS: Record<string, string> = {
  count: "number of",
  count_distinct: "number of distinct",
  sum: "total",
  avg: "average",
  min: "lowest",
  max: "highest",
};

class Words {
  constructor(readonly model: SemanticModel) {}

  entity(name: string, plural = true): string {
    const e = this.model.entities.find((x) => x.name === name);
    const label = (e?.label ?? name).toLowerCase();
    return plural ? (label.endsWith("s") ? label : `${label}s`) : label;
  }

  field(ref: FieldRef): string {
    const e = this.model.entities.find((x) => x.name === ref.entity);
    const f = e?.fields.find((x) => x.name === ref.field);
    const entity = (e?.label ?? ref.entity).toLowerCase();
    const field = (f?.label ?? ref.field).toLowerCase();
    // "order date" of an order, not "order order date"; "sales order date", not "sales order order date".
    const a = entity.split(" ");
    const b = field.split(" ");
    let overlap = Math.min(a.length, b.length);
    while (overlap > 0 && a.slice(-overlap).join(" ") !== b.slice(0, overlap).join(" ")) overlap -= 1;
    return [...a, ...b.slice(overlap)].join(" ");
  }

  measure(m: Measure): string {
    if (m.kind === "count") return `number of ${this.entity(m.entity)}`;
    if (m.kind === "metric") return (this.model.metrics.find((x) => x.name === m.metric)?.label ?? m.metric).toLowerCase();
    if (m.since && m.agg !== "count" && m.agg !== "count_distinct") return `${AGG_WORDS[m.agg]} days from ${this.field(m.since)} to ${this.field(m.field)}`;
    if (m.times) return `${AGG_WORDS[m.agg]} value of ${this.field(m.field)} (× ${this.field(m.times)})`;
    return `${AGG_WORDS[m.agg]} ${this.field(m.field)}`;
  }

  dimension(d: Dimension): string {
    if (d.kind === "entity") return this.entity(d.entity, false);
    return d.grain ? `${d.fiscal ? "fiscal " : ""}${d.grain} of ${this.field(d.field)}` : this.field(d.field);
  }

  filter(f: Filter): string {
    if (f.kind === "ranked") return `${this.field(f.field)} is one of ${f.label}`;
    if (f.kind === "via") return `${this.field(f.field)} points at a row where ${f.where.map((x) => this.filter(x)).join(" and ")}`;
    if (f.kind === "related") {
      const where = f.where?.length ? ` where ${f.where.map((x) => this.filter(x)).join(" and ")}` : "";
      return `the ${this.entity(f.field.entity, false)} has ${f.exists ? "" : "no "}${this.entity(f.entity)}${where}`;
    }
    const name = this.field(f.field);
    if (f.kind === "columns") return `${name} ${f.op} ${this.field(f.other)}`;
    if (f.kind === "versus") {
      const within = f.within?.length ? ` with the same ${f.within.map((c) => this.field({ entity: f.field.entity, field: c })).join(" and ")}` : "";
      return `${name} ${f.op} its ${AGG_WORDS[f.agg]} over all ${this.entity(f.field.entity)}${within}`;
    }
    if (f.kind === "range" || f.kind === "weekday") return `${name} ${f.label}`;
    const v = f.values.map((x) => (typeof x === "string" ? `“${x}”` : String(x)));
    switch (f.op) {
      case "=":
        return `${name} is ${v[0]}`;
      case "!=":
        return `${name} is not ${v[0]}`;
      case "in":
        return `${name} is one of ${v.join(", ")}`;
      case "not_in":
        return `${name} is none of ${v.join(", ")}`;
      case "contains":
        return `${name} contains ${v[0]}`;
      case "not_contains":
        return `${name} does not contain ${v[0]}`;
      case "starts_with":
        return `${name} starts with ${v[0]}`;
      case "ends_with":
        return `${name} ends with ${v[0]}`;
      case "is_null":
        return `${name} is empty`;
      case "not_null":
        return `${name} is filled in`;
      default:
        return `${name} ${f.op} ${v[0]}`;
    }
  }
}

/** One filter in the explanation's words ("order status is “shipped”"). */
export function describeFilter(filter: Filter, model: SemanticModel): string {
  return new Words(model).filter(filter);
}

/** An entity's rows in the explanation's words ("orders"). */
export function describeRows(entity: string, model: SemanticModel): string {
  return new Words(model).entity(entity);
}

/**
 * A plain-language account of what a spec's SQL does, with the assumptions
 * the engine made (derived measures, default filters, the join path).
 */
export function explain(spec: QuerySpec, model: SemanticModel): string {
  if (spec.verifiedSql) return "Runs a verified query saved in the semantic model for this question.";
  const w = new Words(model);
  const sentences: string[] = [];
  const what = spec.measures.length > 0 ? spec.measures.map((m) => w.measure(m)).join(" and ") : undefined;
  if (what) {
    let s = `Shows the ${what}`;
    if (spec.dimensions.length > 0) s += ` per ${spec.dimensions.map((d) => w.dimension(d)).join(" and ")}`;
    if (spec.rollup === "count") s = `Counts the ${spec.dimensions.map((d) => w.dimension(d)).join(" and ")} groups`;
    else if (spec.rollup) s = `Computes the ${AGG_WORDS[spec.rollup]} over ${spec.dimensions.map((d) => w.dimension(d)).join(" and ")} of the ${what}`;
    sentences.push(`${s}.`);
  } else if (spec.dimensions.length > 0) {
    sentences.push(`Lists each ${spec.dimensions.map((d) => w.dimension(d)).join(" and ")}.`);
  } else if (spec.distinct) {
    sentences.push(`Lists the distinct ${spec.columns.map((c) => w.field(c)).join(", ")} of ${w.entity(spec.entity)}.`);
  } else {
    sentences.push(`Lists ${w.entity(spec.entity)}${spec.columns.length ? `, showing ${spec.columns.map((c) => w.field(c)).join(", ")} first` : ""}.`);
  }
  if (spec.shareOf) {
    sentences.push(spec.shareOf.length > 0 ? `As a percentage: the part where ${spec.shareOf.map((f) => w.filter(f)).join(" and ")}, out of all.` : "As a percentage of the total over all groups.");
  }
  if (spec.filters.length > 0) sentences.push(`Only rows where ${spec.filters.map((f) => w.filter(f)).join(" and ")}.`);
  if (spec.having.length > 0) {
    sentences.push(`Keeps groups where ${spec.having.map((h) => `${w.measure(spec.measures[h.measure]!)} ${h.op} ${h.value}`).join(" and ")}.`);
  }
  if (spec.order.length > 0) {
    const parts = spec.order.map((o) => {
      const by = o.by.kind === "measure" ? w.measure(spec.measures[o.by.index]!) : o.by.kind === "dimension" ? w.dimension(spec.dimensions[o.by.index]!) : w.field(o.by.field);
      return `${by} (${o.dir === "desc" ? "highest first" : "lowest first"})`;
    });
    sentences.push(`Sorted by ${parts.join(", ")}.`);
  }
  if (spec.limit !== null) sentences.push(`Limited to ${spec.limit} row${spec.limit === 1 ? "" : "s"}.`);
  for (const m of spec.measures) {
    if (m.kind !== "metric") continue;
    const metric = model.metrics.find((x) => x.name === m.metric);
    if (metric?.description) sentences.push(`Assumption: ${metric.label} = ${metric.expression}. ${metric.description}`);
    else if (metric) sentences.push(`${metric.label} = ${metric.expression}.`);
  }
  for (const rule of model.rules.defaultFilters) {
    if (spec.filters.some((f) => f.field.entity === rule.entity && f.field.field === rule.condition.field)) {
      sentences.push(`A default rule of the model applies to ${w.entity(rule.entity)}${rule.description ? `: ${rule.description}` : ""}.`);
    }
  }
  try {
    const tree = joinTree(model, spec.entity, specEntitiesIn(spec, model.metrics));
    if (tree.steps.length > 0) {
      sentences.push(`Joins ${[spec.entity, ...tree.steps.map((s) => s.to)].map((e) => w.entity(e, false)).join(" → ")} through their keys${tree.steps.some((s) => s.join.inferred) ? " (some keys inferred from column names)" : ""}.`);
      if (tree.fansOut && spec.measures.some((m) => m.kind === "count")) sentences.push(`Each ${w.entity(spec.entity, false)} is counted once even where the joins repeat it.`);
    }
  } catch {
    sentences.push("Some of the tables involved are not connected by keys.");
  }
  return sentences.join(" ");
}
