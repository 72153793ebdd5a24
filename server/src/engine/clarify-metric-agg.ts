import type { SemanticModel } from "../semantic/types.ts";
import { joinDistance, referencesUpward } from "./graph.ts";
import type { ClarifyOption } from "./plan.ts";
import type { QuerySpec } from "./spec.ts";

const AGG_WORDS = { avg: "average", min: "smallest", max: "largest" } as const;

/**
 * "Average revenue" where revenue is a metric (a sum of its own): an average of a total is
 * only defined per something — per order, per customer. Rather than answer the total again,
 * the engine asks, offering the rows the metric's rows belong to (nearest first), each a
 * ready answer: the metric per row of that table, averaged, within the groups asked for.
 */
export function clarifyMetricAggregate(model: SemanticModel, spec: QuerySpec, metricAgg: { metric: string; agg: "avg" | "min" | "max" }) {
  const metric = model.metrics.find((m) => m.name === metricAgg.metric);
  const entityLabel = (name: string) => model.entities.find((e) => e.name === name)?.label.toLowerCase() ?? name;
  const base = metric?.entity ?? spec.entity;
  const grouped = new Set(spec.dimensions.flatMap((d) => (d.kind === "entity" ? [d.entity] : [])));
  const units = model.entities
    .map((e) => e.name)
    .filter((name) => name !== base && !grouped.has(name) && referencesUpward(model, base, name))
    .sort((a, b) => joinDistance(model, base, a) - joinDistance(model, base, b))
    .slice(0, 3);
  const what = `${AGG_WORDS[metricAgg.agg]} ${metric?.label.toLowerCase() ?? metricAgg.metric}`;
  const options: ClarifyOption[] = [...units, base].map((unit) => ({
    label: `The ${what} per ${entityLabel(unit)}`,
    spec: { ...spec, dimensions: [{ kind: "entity", entity: unit }, ...spec.dimensions], rollup: metricAgg.agg, order: [], limit: null },
  }));
  return {
    kind: "clarify" as const,
    message: `${metric?.label ?? metricAgg.metric} is a total of its own, so the ${what} depends on what it is taken per. Per which rows?`,
    options,
  };
}
