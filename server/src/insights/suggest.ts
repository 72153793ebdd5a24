import { emptySpec, type Measure, type QuerySpec } from "../engine/spec.ts";
import type { SemanticModel } from "../semantic/types.ts";
import type { ResultColumn } from "../sql/executor/executor.ts";
import { resolveColumns } from "./columns.ts";
import { capitalize, dimensionLabel, entityOf, entityPlural, lower, measureLabel } from "./labels.ts";
import { editable, orderByDimension, orderByMeasure, suggestion, type SuggestContext } from "./suggest/context.ts";
import { breakdownCandidates, factEntities, groupingName } from "./suggest/dimensions.ts";
import { breakdowns, drillDown, filterTop, topN } from "./suggest/grouping.ts";
import { comparePeriod, timeDimensionFor, timeGrain, trend } from "./suggest/time.ts";
import { isRunnable, specKey } from "./suggest/validate.ts";
import type { ColumnRole, Suggestion } from "./types.ts";

export interface SuggestInput {
  spec: QuerySpec;
  model: SemanticModel;
  columns: readonly ResultColumn[];
  rows: readonly unknown[][];
  roles?: readonly ColumnRole[];
}

export const MAX_SUGGESTIONS = 5;

/** For a list of rows: how many there are, how they split, how they came over time. */
function listingSuggestions(ctx: SuggestContext): Suggestion[] {
  const { spec, model } = ctx;
  const base = emptySpec(spec.entity);
  base.filters = structuredClone(spec.filters);
  base.measures = [{ kind: "count", entity: spec.entity }];
  const plural = entityPlural(model, spec.entity);
  const out = [suggestion("measure", `How many ${plural}?`, base)];
  const splits = breakdownCandidates(base, model).map((c) => {
    const s = structuredClone(base);
    s.dimensions = [c.dimension];
    orderByMeasure(s);
    return suggestion("breakdown", `${capitalize(plural)} by ${groupingName(base, model, c.dimension)}`, s);
  });
  const time = timeDimensionFor({ ...ctx, spec: base });
  if (time) {
    const s = structuredClone(base);
    s.dimensions = [time];
    orderByDimension(s, 0);
    out.push(...splits.slice(0, 1), suggestion("trend", `${capitalize(plural)} per ${time.grain}`, s), ...splits.slice(1, 3));
  } else out.push(...splits.slice(0, 3));
  return out;
}

/** The other kind of measure of the same rows: an amount instead of a count, or the count instead of a sum or average. */
function measureSwitch(ctx: SuggestContext): Suggestion[] {
  const { spec, model } = ctx;
  if (spec.measures.length !== 1) return [];
  const m = spec.measures[0]!;
  const fact = factEntities(spec, model)[0]!;
  let next: Measure | undefined;
  if (m.kind === "count") {
    const metric = model.metrics.find((x) => x.entity === fact);
    const money = entityOf(model, fact)?.fields.find((f) => f.role === "measure" && f.money);
    if (metric) next = { kind: "metric", metric: metric.name };
    else if (money) next = { kind: "field", agg: money.aggregation ?? "sum", field: { entity: fact, field: money.name } };
  } else if (entityOf(model, fact)?.primaryKey.length === 1) {
    next = { kind: "count", entity: fact };
  }
  if (!next) return [];
  const s = editable(spec);
  s.measures = [next];
  s.having = [];
  return [suggestion("measure", `${measureLabel(model, next)} instead`, s)];
}

/** "Show each album": the groups behind an average or total of per-group values. */
function unrolled(ctx: SuggestContext): Suggestion[] {
  const s = editable(ctx.spec);
  delete s.rollup;
  if (s.order.length === 0) orderByMeasure(s);
  const d = s.dimensions[0];
  return [suggestion("drill_down", `Show each ${d ? lower(dimensionLabel(ctx.model, d)) : "group"}`, s)];
}

function candidates(ctx: SuggestContext): Suggestion[] {
  const { spec } = ctx;
  if (spec.rollup) return unrolled(ctx);
  if (spec.measures.length === 0 && spec.dimensions.length === 0) return listingSuggestions(ctx);
  const [first, ...more] = breakdowns(ctx);
  // Usual order of interest; further breakdowns only fill free places.
  return [
    ...(first ? [first] : []),
    ...timeGrain(ctx),
    ...topN(ctx),
    ...filterTop(ctx),
    ...comparePeriod(ctx),
    ...trend(ctx),
    ...drillDown(ctx),
    ...measureSwitch(ctx),
    ...more,
  ];
}

/**
 * Three to five next questions for an answer, each with the spec it runs:
 * transforms of the answered spec checked against the model, never the same
 * spec twice nor the answered one. Deterministic; empty for verified SQL
 * (there is no spec to transform).
 */
export function suggestFollowUps(input: SuggestInput): Suggestion[] {
  const { spec, model } = input;
  if (spec.verifiedSql) return [];
  const columns = resolveColumns({ spec, model, columns: input.columns, rows: input.rows, ...(input.roles ? { roles: input.roles } : {}) });
  const ctx: SuggestContext = { spec, model, rows: input.rows, columns };
  const seen = new Set([specKey(spec)]);
  const out: Suggestion[] = [];
  for (const s of candidates(ctx)) {
    const key = specKey(s.spec);
    if (seen.has(key) || !isRunnable(s.spec, model)) continue;
    seen.add(key);
    out.push(s);
    if (out.length === MAX_SUGGESTIONS) break;
  }
  return out;
}
