import { referencesUpward } from "../../engine/graph.ts";
import type { Dimension, Filter, QuerySpec, Scalar } from "../../engine/spec.ts";
import type { Entity } from "../../semantic/types.ts";
import { CHART_LIMITS } from "../chart.ts";
import { dimensionLabel, entityOf, entityPlural, fieldOf, lower, pluralPhrase } from "../labels.ts";
import type { Suggestion } from "../types.ts";
import { BREAKDOWN_MAX_VALUES, breakdownCandidates, factEntities, groupingName, sameGrouping } from "./dimensions.ts";
import { columnFor, editable, isTimeDimension, leadingRow, orderByDimension, orderByMeasure, suggestion, TOP_N, withoutDimension, type SuggestContext } from "./context.ts";
import { timeDimensionFor } from "./time.ts";

/** Index of the first grouping that is not a time bucket, or -1. */
export function categoryIndex(ctx: SuggestContext): number {
  return ctx.spec.dimensions.findIndex((d) => !isTimeDimension(ctx.model, d));
}

/** "Break down by region": add a grouping to a total or a time series, or swap the one category grouping. */
export function breakdowns(ctx: SuggestContext): Suggestion[] {
  const { spec, model } = ctx;
  if (spec.measures.length === 0) return [];
  if (spec.dimensions.length === 2) {
    // Two groupings: the first one alone is the simpler view.
    const kept = spec.dimensions[0]!;
    return [suggestion("breakdown", `By ${groupingName(spec, model, kept)} only`, withoutDimension(editable(spec), 1))];
  }
  if (spec.dimensions.length > 2) return [];
  if (spec.dimensions.length === 0) {
    return breakdownCandidates(spec, model)
      .slice(0, 3)
      .map((c) => {
        const s = editable(spec);
        s.dimensions.push(c.dimension);
        orderByMeasure(s);
        return suggestion("breakdown", `Break down by ${groupingName(spec, model, c.dimension)}`, s);
      });
  }
  const current = spec.dimensions[0]!;
  if (isTimeDimension(model, current)) {
    // One line per value: only groupings with few values stay readable.
    const c = breakdownCandidates(spec, model).find((x) => x.values <= CHART_LIMITS.seriesMax);
    if (!c) return [];
    const s = editable(spec);
    s.dimensions.push(c.dimension);
    s.limit = null;
    return [suggestion("breakdown", `Break down by ${groupingName(spec, model, c.dimension)}`, s)];
  }
  const base = withoutDimension(editable(spec), 0);
  return breakdownCandidates(base, model)
    .filter((x) => !sameGrouping(model, x.dimension, current))
    .slice(0, 3)
    .map((c) => {
      const s = structuredClone(base);
      s.dimensions.push(c.dimension);
      if (s.order.length === 0) orderByMeasure(s);
      return suggestion("breakdown", `By ${groupingName(spec, model, c.dimension)} instead`, s);
    });
}

function groupPlural(ctx: SuggestContext, d: Dimension): string {
  return d.kind === "entity" ? entityPlural(ctx.model, d.entity) : pluralPhrase(lower(dimensionLabel(ctx.model, d)));
}

/** "Top 10 clients" for a long ranking; "Bottom 5 clients" when it already shows the top. */
export function topN(ctx: SuggestContext): Suggestion[] {
  const { spec } = ctx;
  const i = categoryIndex(ctx);
  if (spec.measures.length === 0 || spec.dimensions.length !== 1 || i !== 0) return [];
  const plural = groupPlural(ctx, spec.dimensions[0]!);
  const s = editable(spec);
  if (spec.limit === null) {
    if (ctx.rows.length <= TOP_N) return [];
    s.limit = TOP_N;
    orderByMeasure(s);
    return [suggestion("top_n", `Top ${TOP_N} ${plural}`, s)];
  }
  const first = spec.order[0];
  if (first?.by.kind !== "measure") return [];
  s.order = [{ by: first.by, dir: first.dir === "desc" ? "asc" : "desc" }];
  return [suggestion("top_n", `${first.dir === "desc" ? "Bottom" : "Top"} ${spec.limit} ${plural}`, s)];
}

const isScalar = (v: unknown): v is Scalar => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

/** The filter that keeps only the leading row's group of dimension `i`, and how to name that group. */
function leadingFilter(ctx: SuggestContext, i: number): { filter: Filter; text: string } | null {
  const d = ctx.spec.dimensions[i]!;
  const row = ctx.rows[leadingRow(ctx)];
  const naming = columnFor(ctx, "dimension", i);
  if (!row || !naming) return null;
  const shown = row[naming.position];
  if (!isScalar(shown)) return null;
  if (d.kind === "field") {
    const label = dimensionLabel(ctx.model, d);
    const text = typeof shown === "boolean" ? `${lower(label)} = ${shown ? "yes" : "no"}` : String(shown);
    return { filter: { kind: "compare", field: d.field, op: "=", values: [shown] }, text };
  }
  const e = entityOf(ctx.model, d.entity);
  const key = e?.primaryKey.length === 1 ? e.primaryKey[0]! : null;
  const keyColumn = key ? ctx.columns.find((c) => c.index === i && c.name === key && (c.role === "key" || c.role === "dimension")) : undefined;
  const value = keyColumn ? row[keyColumn.position] : undefined;
  if (!key || !isScalar(value)) return null;
  return { filter: { kind: "compare", field: { entity: d.entity, field: key }, op: "=", values: [value] }, text: String(shown) };
}

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

function withFilter(spec: QuerySpec, filter: Filter): void {
  spec.filters = spec.filters.filter((f) => !(f.field.entity === filter.field.entity && f.field.field === filter.field.field)).concat(filter);
}

/** "Only Rock, by month": keep the leading group, then look at it over time (or by another grouping). */
export function filterTop(ctx: SuggestContext): Suggestion[] {
  const { spec, model } = ctx;
  const i = categoryIndex(ctx);
  if (spec.measures.length === 0 || i < 0 || ctx.rows.length < 2) return [];
  const lead = leadingFilter(ctx, i);
  if (!lead) return [];
  const s = withoutDimension(editable(spec), i);
  withFilter(s, lead.filter);
  const label = `Only ${short(lead.text)}`;
  if (s.dimensions.length > 0) return [suggestion("filter_top", label, s)];
  s.limit = null;
  s.having = [];
  s.order = [];
  const time = timeDimensionFor({ ...ctx, spec: s });
  if (time) {
    s.dimensions.push(time);
    orderByDimension(s, 0);
    return [suggestion("filter_top", `${label}, by ${time.grain}`, s)];
  }
  const other = breakdownCandidates(s, model).find((c) => !sameGrouping(model, c.dimension, spec.dimensions[i]!));
  if (other) {
    s.dimensions.push(other.dimension);
    orderByMeasure(s);
    return [suggestion("filter_top", `${label}, by ${groupingName(spec, model, other.dimension)}`, s)];
  }
  return [suggestion("filter_top", label, s)];
}

/** The finer grouping under a category: the entity a field belongs to, or a named entity referencing the grouped one. */
function finerEntity(ctx: SuggestContext, d: Dimension): Entity | undefined {
  const { model } = ctx;
  const facts = factEntities(ctx.spec, model);
  const usable = (e: Entity | undefined): e is Entity =>
    e !== undefined && !e.bridge && e.labelFields.length > 0 && e.primaryKey.length === 1 && facts.every((f) => f !== e.name && referencesUpward(model, f, e.name));
  if (d.kind === "field") {
    const own = entityOf(model, d.field.entity);
    const isItsName = own?.labelFields.length === 1 && own.labelFields[0] === d.field.field;
    if (!isItsName) return usable(own) ? own : undefined;
  }
  const parent = d.kind === "entity" ? d.entity : d.field.entity;
  return model.joins
    .filter((j) => j.to === parent && j.from !== parent)
    .map((j) => entityOf(model, j.from))
    .find(usable);
}

/** "Items in Drinks": the leading group, split into the finer entity below it. */
export function drillDown(ctx: SuggestContext): Suggestion[] {
  const { spec, model } = ctx;
  const i = categoryIndex(ctx);
  if (spec.measures.length === 0 || i < 0) return [];
  const d = spec.dimensions[i]!;
  const finer = finerEntity(ctx, d);
  if (!finer || fieldOf(model, finer.name, finer.primaryKey[0]!) === undefined) return [];
  const s = editable(spec);
  s.dimensions[i] = { kind: "entity", entity: finer.name };
  const lead = ctx.rows.length >= 2 ? leadingFilter(ctx, i) : null;
  if (lead) withFilter(s, lead.filter);
  const many = finer.rowCount > BREAKDOWN_MAX_VALUES;
  // A limit counts rows, not groups: with a second grouping it would cut the wrong thing.
  if (many && s.dimensions.length > 1) return [];
  if (many) {
    s.limit = TOP_N;
    orderByMeasure(s);
  }
  const plural = entityPlural(model, finer.name);
  const what = `${many ? `Top ${TOP_N} ` : ""}${plural}`;
  return [suggestion("drill_down", lead ? `${what.charAt(0).toUpperCase()}${what.slice(1)} in ${short(lead.text)}` : `Drill down to ${what}`, s)];
}
