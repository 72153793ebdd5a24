import type { Lexicon } from "./lexicon/build.ts";
import { primaryMeasure } from "./read/measures.ts";
import type { Parts, PendingHaving, PendingOrder } from "./read/parts.ts";
import { convertUnit } from "./read/units.ts";
import { applyDefaultFilters } from "./rules.ts";
import { joinTree, referencesUpward, rowsRepeat } from "./graph.ts";
import { emptySpec, sameDimension, sameField, sameMeasure, specEntitiesIn, type FieldRef, type Measure, type OrderBy, type QuerySpec } from "./spec.ts";

/** Index of a measure in the spec, adding it when missing. */
export function measureIndex(spec: QuerySpec, m: Measure): number {
  const i = spec.measures.findIndex((x) => sameMeasure(x, m));
  if (i >= 0) return i;
  spec.measures.push(m);
  return spec.measures.length - 1;
}

export function addHaving(spec: QuerySpec, h: PendingHaving): void {
  const measure = measureIndex(spec, h.measure);
  spec.having = spec.having.filter((x) => !(x.measure === measure && sameDirection(x.op, h.op)));
  spec.having.push({ measure, op: h.op, value: h.value });
}

const sameDirection = (a: string, b: string) => a[0] === b[0] || a === b;

/** A pending order made concrete for this spec, or undefined when it cannot apply. */
export function resolveOrder(lexicon: Lexicon, spec: QuerySpec, order: PendingOrder): OrderBy | undefined {
  const aggregate = spec.measures.length > 0 || spec.dimensions.length > 0;
  switch (order.kind) {
    case "measure":
      return { by: { kind: "measure", index: measureIndex(spec, order.measure) }, dir: order.dir };
    case "field": {
      if (!aggregate) return { by: { kind: "field", field: order.field }, dir: order.dir };
      const d = spec.dimensions.findIndex((x) => x.kind === "field" && sameField(x.field, order.field));
      if (d >= 0) return { by: { kind: "dimension", index: d }, dir: order.dir };
      // "The 5 longest" after an average length per genre: the measure over that column.
      const m = spec.measures.findIndex((x) => x.kind === "field" && sameField(x.field, order.field));
      if (m >= 0) return { by: { kind: "measure", index: m }, dir: order.dir };
      return undefined;
    }
    case "label": {
      if (aggregate) return spec.dimensions.length > 0 ? { by: { kind: "dimension", index: 0 }, dir: order.dir } : undefined;
      const label = lexicon.entities.get(spec.entity)?.labelFields[0];
      return label ? { by: { kind: "field", field: { entity: spec.entity, field: label } }, dir: order.dir } : undefined;
    }
    case "first":
      if (spec.measures.length > 0) return { by: { kind: "measure", index: 0 }, dir: order.dir };
      if (spec.dimensions.length > 0) return { by: { kind: "dimension", index: 0 }, dir: order.dir };
      return undefined;
  }
}

/**
 * "Only those with at least 7": a bare comparison applies to the measure of a
 * grouped answer (HAVING), else to the subject's main amount (WHERE).
 */
export function applyLooseCompares(parts: Parts, spec: QuerySpec): void {
  for (const c of parts.looseCompares) {
    if (spec.measures.length > 0 && spec.dimensions.length > 0) {
      addHaving(spec, { measure: spec.measures[0]!, op: c.op, value: c.value });
      continue;
    }
    const m = primaryMeasure(parts.lexicon, spec.entity, "sum");
    if (m?.kind === "field") spec.filters.push({ kind: "compare", field: m.field, op: c.op, values: [convertUnit(parts.lexicon, m.field, c.value, c.unit)] });
  }
}

/**
 * "Average freight per order": grouping by the very rows being measured
 * gives one row each, so "per order" only names the unit of the average.
 */
export function dropSelfGrouping(spec: QuerySpec): void {
  if (spec.rollup) return;
  const own = spec.dimensions.findIndex((d) => d.kind === "entity" && d.entity === spec.entity);
  if (own < 0 || spec.measures.length === 0 || spec.measures.some((m) => m.kind === "count" && m.entity !== spec.entity)) return;
  spec.dimensions.splice(own, 1);
  spec.order = spec.order.flatMap((o) => {
    if (o.by.kind !== "dimension") return [o];
    if (o.by.index === own) return [];
    return [{ ...o, by: { kind: "dimension" as const, index: o.by.index > own ? o.by.index - 1 : o.by.index } }];
  });
}

/**
 * Groups without a value are left out where they mean "none": a reference
 * column ("per manager" has no group for those without one) and rankings
 * ("top 5 composers" is not led by the tracks with no composer).
 */
export function excludeNullGroups(lexicon: Lexicon, spec: QuerySpec): void {
  // Counting a column's values: rows without one are not part of the question at all.
  for (const m of spec.measures) {
    if (m.kind !== "field" || m.agg !== "count" || spec.measures.length > 1) continue;
    if (!spec.filters.some((x) => sameField(x.field, m.field))) spec.filters.push({ kind: "compare", field: m.field, op: "not_null", values: [] });
  }
  const ranking = spec.limit !== null && spec.order.some((o) => o.by.kind === "measure");
  for (const d of spec.dimensions) {
    if (d.kind !== "field") continue;
    const f = lexicon.entities.get(d.field.entity)?.fields.find((x) => x.name === d.field.field);
    if (!f?.nullable || !(f.role === "foreign_key" || ranking)) continue;
    if (spec.filters.some((x) => sameField(x.field, d.field))) continue;
    spec.filters.push({ kind: "compare", field: d.field, op: "not_null", values: [] });
  }
}

/**
 * "What percentage of customers are from the USA?": the conditions on
 * categories (values, flags) define the part; periods and other filters
 * still bound the whole. Without such conditions, groups get their share of the total.
 */
export function applyShare(spec: QuerySpec): void {
  if (spec.measures.length === 0) spec.measures = [{ kind: "count", entity: spec.entity }];
  // "shipped late" (one column against another) and "never ordered" (missing related rows) are conditions too.
  // (Not the "not empty" condition that keeps blank groups out of a breakdown.)
  const grouped = (f: FieldRef) => spec.dimensions.some((d) => d.kind === "field" && sameField(d.field, f));
  const part = spec.filters.filter(
    (f) => (f.kind === "compare" && ["=", "!=", "in", "not_in", "contains", "is_null", "not_null"].includes(f.op) && !(f.op === "not_null" && grouped(f.field))) || f.kind === "columns" || f.kind === "related",
  );
  if (part.length === 0 && spec.dimensions.length === 0) return;
  spec.filters = spec.filters.filter((f) => !part.includes(f));
  spec.shareOf = part;
}

/**
 * "How many customers placed at least 10 orders?": count the customers whose
 * own order count qualifies — group by them, keep the condition, count the groups.
 */
export function countQualifyingGroups(spec: QuerySpec): void {
  const first = spec.measures[0];
  if (spec.dimensions.length > 0 || first?.kind !== "count" || spec.having.length === 0) return;
  if (spec.having.some((h) => h.measure === 0)) return;
  spec.dimensions = [{ kind: "entity", entity: first.entity }];
  spec.measures = spec.measures.slice(1);
  spec.having = spec.having.map((h) => ({ ...h, measure: h.measure - 1 }));
  spec.order = [];
  spec.entity = spec.measures[0]?.kind === "count" ? spec.measures[0].entity : spec.entity;
  spec.rollup = "count";
}

/** "Germany vs France": the values side by side, one row each. */
export function compareValues(spec: QuerySpec): void {
  for (const f of spec.filters) {
    if (f.kind !== "compare" || f.op !== "in") continue;
    if (!spec.dimensions.some((d) => d.kind === "field" && sameField(d.field, f.field))) spec.dimensions.push({ kind: "field", field: f.field });
  }
}

const AMOUNT_NAME = /(total|amount|value|revenue|sales|subtotal)/;

/**
 * Grain and fan-out: a header's amount ("invoice total") summed across a join to its lines
 * would count each header once per line. Where the lines carry a derived amount that adds up
 * to it, the lines are measured instead (the compiler de-duplicates every other such measure).
 */
export function measureAtLineGrain(lexicon: Lexicon, spec: QuerySpec): void {
  const model = lexicon.model;
  spec.measures.forEach((m, i) => {
    if (m.kind !== "field" || m.agg !== "sum") return;
    const f = lexicon.entities.get(m.field.entity)?.fields.find((x) => x.name === m.field.field);
    if (!f?.money || !AMOUNT_NAME.test(f.name.toLowerCase())) return;
    let tree;
    try {
      tree = joinTree(model, spec.entity, specEntitiesIn(spec, model.metrics));
    } catch {
      return;
    }
    if (!rowsRepeat(tree, m.field.entity)) return;
    const joined = new Set([tree.root, ...tree.steps.map((s) => s.to)]);
    const metric = model.metrics.find((x) => x.entity !== m.field.entity && joined.has(x.entity) && referencesUpward(model, x.entity, m.field.entity));
    if (!metric) return;
    spec.measures[i] = { kind: "metric", metric: metric.name };
    if (spec.entity === m.field.entity) spec.entity = metric.entity;
  });
}

/** Time buckets read best in time order when nothing else was asked for. */
export function defaultOrder(spec: QuerySpec): void {
  if (spec.order.length > 0) return;
  const t = spec.dimensions.findIndex((d) => d.kind === "field" && d.grain !== undefined);
  if (t >= 0) spec.order = [{ by: { kind: "dimension", index: t }, dir: "asc" }];
  // A breakdown reads like a report, largest first, in the table, the chart and the export alike.
  else if (spec.dimensions.length > 0 && spec.measures.length > 0 && !spec.rollup) spec.order = [{ by: { kind: "measure", index: 0 }, dir: "desc" }];
}

/** The spec a new question asks for, or undefined when it names nothing to query. `perRow`: keep a grouping by the measured rows themselves. */
export function specFromParts(parts: Parts, options: { perRow?: boolean } = {}): QuerySpec | undefined {
  if (!parts.subject) return undefined;
  const spec = emptySpec(parts.subject);
  for (const m of parts.measures) measureIndex(spec, m);
  if (spec.measures.length === 0 && parts.implicitCount) measureIndex(spec, { kind: "count", entity: parts.implicitCount });

  for (const d of parts.dimensions) if (!spec.dimensions.some((x) => sameDimension(x, d))) spec.dimensions.push(d);
  spec.filters = parts.filters;
  for (const h of parts.having) addHaving(spec, h);
  applyLooseCompares(parts, spec);
  if (parts.order) {
    const o = resolveOrder(parts.lexicon, spec, parts.order);
    if (o) spec.order = [o];
  }
  if (parts.limit !== undefined) spec.limit = parts.limit;
  if (spec.measures.length === 0 && spec.dimensions.length === 0) {
    spec.columns = parts.columns.filter((c, i) => parts.columns.findIndex((x) => sameField(x, c)) === i);
    spec.distinct = parts.distinct && spec.columns.length > 0;
  }
  if (parts.rollup && spec.dimensions.length > 0) spec.rollup = parts.rollup;
  if (parts.share) applyShare(spec);
  countQualifyingGroups(spec);
  if (parts.reading.followups.has("compare")) compareValues(spec);
  // (A side of a ratio "for each state" keeps one row per state: the ratio is taken per row.)
  if (!options.perRow) dropSelfGrouping(spec);
  measureAtLineGrain(parts.lexicon, spec);
  excludeNullGroups(parts.lexicon, spec);
  defaultOrder(spec);
  applyDefaultFilters(parts.lexicon.model, spec);
  return spec;
}
