import type { Dimension, Filter, TimeGrain } from "../../engine/spec.ts";
import { CHART_LIMITS } from "../chart.ts";
import { joinDistance } from "../../engine/graph.ts";
import { singularize } from "../../semantic/inflect.ts";
import { nameWords } from "../../semantic/names.ts";
import { entityOf, fieldOf } from "../labels.ts";
import type { Suggestion } from "../types.ts";
import { factEntities, upwardEntities } from "./dimensions.ts";
import { editable, isTimeDimension, orderByDimension, suggestion, type SuggestContext } from "./context.ts";
import { GRAIN_DAYS, grainForSpan, OTHER_GRAIN, previousPeriod, rangeDays, spanDays } from "./periods.ts";

type RangeFilter = Extract<Filter, { kind: "range" }>;

const rangeOf = (ctx: SuggestContext): RangeFilter | undefined => ctx.spec.filters.find((f): f is RangeFilter => f.kind === "range");

/** Days the data covers on a time field: the range filter when it is closed, else the field's min–max. */
function daysCovered(ctx: SuggestContext, entity: string, field: string): number | null {
  const range = ctx.spec.filters.find((f): f is RangeFilter => f.kind === "range" && f.field.entity === entity && f.field.field === field);
  const fromRange = range ? rangeDays(range.from, range.to) : null;
  if (fromRange !== null) return fromRange;
  const f = fieldOf(ctx.model, entity, field);
  return spanDays(f?.min, f?.max);
}

/**
 * Whether `header` is the document a line-level `fact` belongs to (order
 * lines → orders): its date is the facts' date too. Told from a shared name
 * word; any other referenced table's date (a customer's sales rep's hire
 * date) says nothing about when the facts happened.
 */
function isHeaderOf(ctx: SuggestContext, fact: string, header: string): boolean {
  const words = (name: string) => new Set(nameWords(entityOf(ctx.model, name)?.table ?? name).map(singularize));
  const a = words(fact);
  return joinDistance(ctx.model, fact, header) === 1 && [...words(header)].some((w) => a.has(w));
}

/**
 * A time grouping for the spec: on the field its range filter uses, else on
 * the default time field of the facts' own entity or of their header (so
 * rows are not multiplied), at a grain giving a readable number of points.
 */
export function timeDimensionFor(ctx: SuggestContext): (Dimension & { kind: "field"; grain: TimeGrain }) | null {
  const range = rangeOf(ctx);
  let ref = range?.field;
  if (!ref) {
    const facts = factEntities(ctx.spec, ctx.model);
    const owner = upwardEntities(ctx.spec, ctx.model, facts).find((e) => e.defaultTimeField !== null && facts.every((f) => f === e.name || isHeaderOf(ctx, f, e.name)));
    if (owner) ref = { entity: owner.name, field: owner.defaultTimeField! };
  }
  if (!ref) return null;
  return { kind: "field", field: ref, grain: grainForSpan(daysCovered(ctx, ref.entity, ref.field)) };
}

/** "By quarter instead": the other useful grain of a time grouping, when the data spans more than one of it. */
export function timeGrain(ctx: SuggestContext): Suggestion[] {
  const { spec, model } = ctx;
  const i = spec.dimensions.findIndex((d) => isTimeDimension(model, d));
  const d = spec.dimensions[i];
  if (!d || d.kind !== "field") return [];
  const days = daysCovered(ctx, d.field.entity, d.field.field);
  const grain = d.grain ? OTHER_GRAIN[d.grain] : grainForSpan(days);
  if (days !== null && days < 2 * GRAIN_DAYS[grain]) return [];
  const s = editable(spec);
  s.dimensions[i] = { kind: "field", field: d.field, grain };
  return [suggestion("time_grain", `By ${grain} instead`, s)];
}

/** "Compare with 2023": a whole calendar period next to the one before it, or the previous period alone. */
export function comparePeriod(ctx: SuggestContext): Suggestion[] {
  const { spec, model } = ctx;
  const range = spec.filters.find((f): f is RangeFilter => f.kind === "range" && f.from !== null && f.to !== null);
  const prev = range ? previousPeriod(range.from, range.to) : null;
  if (!range || !prev) return [];
  const s = editable(spec);
  const index = spec.filters.indexOf(range);
  const onField = spec.dimensions.findIndex((d) => d.kind === "field" && isTimeDimension(model, d) && d.field.entity === range.field.entity && d.field.field === range.field.field);
  // Side by side needs a time grouping: the one there, or a new one when it fits (a limit would cut groups).
  const sideBySide = prev.grain !== null && (onField >= 0 || (spec.dimensions.length < 2 && (spec.limit === null || spec.dimensions.length === 0)));
  if (sideBySide) {
    s.filters[index] = { ...range, from: prev.from, label: `${prev.label} and ${range.label}` };
    if (onField < 0) {
      s.dimensions.push({ kind: "field", field: range.field, grain: prev.grain! });
      s.limit = null;
      if (s.dimensions.length === 1) orderByDimension(s, 0);
    }
    return [suggestion("compare_period", `Compare with ${prev.label}`, s)];
  }
  s.filters[index] = { ...range, from: prev.from, to: prev.to, label: prev.label };
  return [suggestion("compare_period", `Same for ${prev.label}`, s)];
}

/** "Trend by month": a total (or a few groups) over time, when nothing is grouped by time yet. */
export function trend(ctx: SuggestContext): Suggestion[] {
  const { spec, model } = ctx;
  if (spec.measures.length === 0 || spec.dimensions.some((d) => isTimeDimension(model, d))) return [];
  const time = timeDimensionFor(ctx);
  if (!time) return [];
  const s = editable(spec);
  if (spec.dimensions.length === 0) {
    s.dimensions = [time];
    s.limit = null;
    orderByDimension(s, 0);
    return [suggestion("trend", `Trend by ${time.grain}`, s)];
  }
  // One line per group: only a few groups, and no limit (it would cut rows, not groups).
  const groups = ctx.columns.find((c) => c.role === "dimension" && c.index === 0)?.stats.distinct ?? Infinity;
  if (spec.dimensions.length !== 1 || spec.limit !== null || groups > CHART_LIMITS.seriesMax) return [];
  s.dimensions.push(time);
  orderByDimension(s, 1);
  return [suggestion("trend", `Trend by ${time.grain}`, s)];
}
