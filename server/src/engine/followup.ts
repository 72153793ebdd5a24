import { addHaving, applyLooseCompares, applyShare, defaultOrder, dropSelfGrouping, excludeNullGroups, measureAtLineGrain, measureIndex, resolveOrder } from "./build.ts";
import { joinDistance } from "./graph.ts";
import { fieldKey } from "./lexicon/build.ts";
import { measureEntityOf, timeFieldFor } from "./read/measures.ts";
import { keyOf } from "./read/resolve.ts";
import type { Parts } from "./read/parts.ts";
import { applyDefaultFilters } from "./rules.ts";
import { cloneSpec, sameDimension, sameField, sameMeasure, type Dimension, type FieldRef, type Filter, type Measure, type QuerySpec } from "./spec.ts";

const isTimeDim = (d: Dimension) => d.kind === "field" && d.grain !== undefined;
const measureEntity = (parts: Parts, m: Measure) => measureEntityOf(parts.lexicon, m);

function replaceMeasures(spec: QuerySpec, measures: Measure[]): void {
  spec.measures = [];
  for (const m of measures) measureIndex(spec, m);
  spec.having = [];
  spec.order = spec.order.filter((o) => o.by.kind !== "measure").concat(spec.order.some((o) => o.by.kind === "measure") ? [{ by: { kind: "measure", index: 0 }, dir: spec.order.find((o) => o.by.kind === "measure")!.dir }] : []);
}

function mergeDimensions(spec: QuerySpec, parts: Parts): void {
  const instead = parts.reading.followups.has("instead");
  // "break that down by year": the dates of what is measured, not of the rows the turn names ("for every rep").
  const measured = parts.measures.length === 0 && spec.measures[0] ? measureEntity(parts, spec.measures[0]) : undefined;
  const eventTime = measured ? timeFieldFor(parts.lexicon, measured) : undefined;
  for (const named of parts.dimensions) {
    const d: Dimension = eventTime && named.kind === "field" && named.grain && !parts.reading.items.some((i) => i.kind === "mention" && i.entries.some((e) => e.target.type === "field" && e.target.entity === named.field.entity && e.target.field === named.field.field)) ? { ...named, field: eventTime } : named;
    if (spec.dimensions.some((x) => sameDimension(x, d))) continue;
    const timeIndex = spec.dimensions.findIndex(isTimeDim);
    if (isTimeDim(d) && timeIndex >= 0) {
      spec.dimensions[timeIndex] = d;
      continue;
    }
    if (instead) {
      const sameKind = spec.dimensions.findIndex((x) => isTimeDim(x) === isTimeDim(d));
      if (sameKind >= 0) {
        spec.dimensions[sameKind] = d;
        continue;
      }
      // "revenue by country" → "by year instead": the one grouping is replaced.
      if (spec.dimensions.length === 1) {
        spec.dimensions[0] = d;
        continue;
      }
    }
    if (spec.dimensions.length >= 2) spec.dimensions[spec.dimensions.length - 1] = d;
    else spec.dimensions.push(d);
  }
  if (parts.grain && parts.dimensions.length === 0) {
    const t = spec.dimensions.find(isTimeDim);
    if (t && t.kind === "field") {
      t.grain = parts.grain;
      if (parts.fiscalGrain) t.fiscal = true;
      else delete t.fiscal;
    }
  }
}

function mergeFilters(spec: QuerySpec, filters: Filter[], also: boolean): void {
  for (const f of filters) {
    const same = spec.filters.findIndex((x) => sameField(x.field, f.field) && x.kind === f.kind && (f.kind === "range" || negative(x) === negative(f)));
    if (same < 0) {
      spec.filters.push(f);
      continue;
    }
    const old = spec.filters[same]!;
    if (also && old.kind === "compare" && f.kind === "compare" && ["=", "in", "!=", "not_in"].includes(f.op)) {
      const values = [...new Set([...old.values, ...f.values])];
      spec.filters[same] = { ...old, op: negative(old) ? "not_in" : "in", values };
    } else spec.filters[same] = f;
  }
}

const negative = (f: Filter) => f.kind === "compare" && (f.op === "!=" || f.op === "not_in" || f.op === "not_contains");

/**
 * Applies a follow-up ("only the top 5", "by month instead", "what about the
 * average", "exclude X", "how many invoices is that") to the previous spec.
 */
export function mergeFollowUp(previous: QuerySpec, parts: Parts): QuerySpec {
  const spec = cloneSpec(previous);
  delete spec.verifiedSql;
  const followups = parts.reading.followups;
  const also = followups.has("also");

  // "Only countries with at least 20 invoices": a condition on groups keeps what the answer measures.
  const conditionOnly = parts.measures.length > 0 && parts.measures.every((m) => parts.conditionMeasures.some((c) => sameMeasure(c, m)));
  if (parts.share && parts.measures.length === 0 && spec.measures.length > 0) {
    // "Show that as a percentage of the total": the same measures, as shares (below).
  } else if (conditionOnly && spec.measures.length > 0 && spec.dimensions.length > 0) {
    for (const m of parts.measures) measureIndex(spec, m);
  } else if (parts.measures.length > 0 && parts.sortOnly && spec.measures.length > 0) {
    // "sort by the amount": order by that measure, next to what is already there (added when missing).
    const wanted = parts.measures[0]!;
    parts.order = { kind: "measure", measure: spec.measures[measureIndex(spec, wanted)]!, dir: parts.order?.dir ?? "desc" };
  } else if (parts.measures.length > 0) {
    const keepOld = also && !followups.has("instead");
    if (keepOld) for (const m of parts.measures) measureIndex(spec, m);
    else replaceMeasures(spec, parts.measures);
    const newEntity = measureEntity(parts, spec.measures[0]!);
    if (newEntity) spec.entity = newEntity;
  } else if (parts.pendingAgg === "sum" && !parts.share && (parts.countWithoutTarget || spec.measures.every((m) => m.kind === "count"))) {
    // "How many is that in total?": the same count, no longer broken down.
    if (parts.countWithoutTarget) replaceMeasures(spec, [{ kind: "count", entity: spec.entity }]);
    spec.dimensions = [];
    spec.order = [];
    spec.limit = null;
    spec.having = [];
  } else if (parts.pendingAgg) {
    spec.measures = spec.measures.map((m) => changeAggregate(parts, m, parts.pendingAgg!));
  } else if (parts.countWithoutTarget && spec.dimensions.length > 0 && spec.having.length > 0 && parts.reading.followups.has("pronoun")) {
    // "How many of them are there?" after a filtered breakdown: count the groups that qualify.
    spec.rollup = "count";
    spec.order = [];
    spec.limit = null;
  } else if (parts.countWithoutTarget) {
    replaceMeasures(spec, [{ kind: "count", entity: spec.entity }]);
  }
  // "How many tracks cost that much?" after a listing of the top row: a count, no longer a ranking.
  const wasListing = previous.measures.length === 0 && previous.dimensions.length === 0;
  if (wasListing && spec.measures.length > 0 && parts.order === undefined && parts.limit === undefined) {
    spec.order = [];
    spec.limit = null;
  }
  for (const ref of parts.sameValues) sameValueFilter(previous, spec, ref);
  // "list them", "show their emails" — but not "show only those from 2022", which filters.
  // "Which employee handled the most orders?" → "show all staff": every group, not just the top.
  const everyGroup =
    previous.limit !== null &&
    parts.reading.items.some((i) => (i.kind === "word" || i.kind === "cue") && /\b(all|every)\b/i.test(i.text)) &&
    parts.entities.some((e) => previous.dimensions.some((d) => d.kind === "entity" && d.entity === e));
  // "show me the list" after a count: the rows counted.
  const counted = previous.dimensions.length === 0 && previous.measures.length > 0 && previous.measures.every((m) => m.kind === "count");
  const bareList = counted && parts.reading.list && parts.reading.items.every((i) => (i.kind === "word" && i.filler) || (i.kind === "cue" && (i.cue.type === "list" || i.cue.type === "followup")));
  const listing = parts.columns.length > 0 || bareList || (parts.reading.followups.has("pronoun") && parts.filters.length === 0 && parts.order === undefined && parts.limit === undefined);
  if (!everyGroup && listing && parts.measures.length === 0 && parts.dimensions.length === 0 && !parts.countWithoutTarget && !parts.superlativeDir && (parts.reading.list || parts.reading.which)) {
    spec.measures = [];
    spec.dimensions = [];
    spec.having = [];
    spec.order = [];
    // Rows already listed keep their naming columns ("which countries are they from?" about listed customers).
    const wasListing = previous.measures.length === 0 && previous.dimensions.length === 0;
    const labels = wasListing ? (parts.lexicon.entities.get(spec.entity)?.labelFields ?? []).map((field) => ({ entity: spec.entity, field })) : [];
    spec.columns = [...labels, ...parts.columns];
    spec.distinct = wasListing ? false : parts.distinct;
    // "Top 5 customers by revenue" → "show their phone numbers": rows of the grouped table, not of what was measured.
    const owner = parts.columns[0]?.entity;
    if (owner && parts.columns.every((c) => c.entity === owner) && previous.dimensions.some((d) => d.kind === "entity" && d.entity === owner)) {
      spec.entity = owner;
      spec.distinct = false;
    }
  }
  // "Where are they from?": where the rows of the answer are located.
  const first = parts.reading.items.find((i) => !(i.kind === "word" && i.filler));
  if (first?.text.toLowerCase() === "where" && parts.measures.length === 0 && parts.columns.length === 0) {
    const rows = spec.dimensions.find((d) => d.kind === "entity")?.entity ?? spec.entity;
    const place = ["country", "city", "state", "region"]
      .map((w) => parts.lexicon.entities.get(rows)?.fields.find((f) => f.role === "dimension" && f.name.toLowerCase().split(/[^a-z]+/).includes(w)))
      .find(Boolean);
    if (place) {
      const ref = { entity: rows, field: place.name };
      if (spec.measures.length > 0 || spec.dimensions.length > 0) {
        if (!spec.dimensions.some((d) => d.kind === "field" && sameField(d.field, ref))) spec.dimensions.push({ kind: "field", field: ref });
      } else if (!spec.columns.some((c) => sameField(c, ref))) spec.columns.push(ref);
    }
  }
  // "each of them": the rows listed before, or the groups of a breakdown (already grouped by).
  const groupedBefore = previous.dimensions.some((d) => d.kind === "entity");
  if (parts.groupPrevious && !groupedBefore && !spec.dimensions.some((d) => d.kind === "entity" && d.entity === previous.entity) && previous.entity !== spec.entity) {
    spec.dimensions.push({ kind: "entity", entity: previous.entity });
  }
  const other = parts.subject && parts.subject !== previous.entity && parts.entities.includes(parts.subject) ? parts.subject : undefined;
  // Only a bare "which X / list X / and their X": a filter ("only for customers in the USA") or a ranking keeps the answer.
  const asks = (parts.reading.which || parts.reading.list || parts.reading.startsWithFollowup) && !followups.has("only");
  const nothingElse = asks && parts.measures.length === 0 && parts.dimensions.length === 0 && !parts.countWithoutTarget && parts.filters.length === 0 && !parts.superlativeDir && parts.order === undefined;
  const aggregate = previous.measures.length > 0 || previous.dimensions.length > 0;
  // "How many products per category" → "list its products": the rows that were counted, of the groups.
  const rowsOfGroups = !other && nothingElse && parts.reading.list && previous.dimensions.length > 0 && parts.subject === previous.entity && parts.entities.includes(previous.entity);
  if (everyGroup) {
    spec.limit = null;
  } else if (other && nothingElse && aggregate && followups.has("what_about") && spec.measures.every((m) => m.kind === "count")) {
    // "Number of suppliers per country" → "what about customers?": count those instead, by their own country.
    switchSubject(parts, spec, other);
  } else if (other && nothingElse && counted && parts.reading.list && !parts.reading.which) {
    // "How many products are discontinued?" → "list them with their category": the rows counted, naming the other table.
    const own = (parts.lexicon.entities.get(spec.entity)?.labelFields ?? []).map((field) => ({ entity: spec.entity, field }));
    const theirs = (parts.lexicon.entities.get(other)?.labelFields ?? []).map((field) => ({ entity: other, field }));
    spec.measures = [];
    spec.dimensions = [];
    spec.having = [];
    spec.order = [];
    spec.columns = [...own, ...theirs];
    spec.distinct = false;
  } else if (other && nothingElse && aggregate && (followups.has("also") || parts.reading.list) && !parts.reading.which) {
    // "Show the artist too": one more grouping on the answer.
    if (!spec.dimensions.some((d) => d.kind === "entity" && d.entity === other)) spec.dimensions.push({ kind: "entity", entity: other });
  } else if ((other && nothingElse) || rowsOfGroups) {
    // "list suppliers in Germany" → "and their products"; "how many tracks cost 1.99" → "which genres are they in";
    // "products per category" → "list its products": the related rows under the same conditions, named by what
    // they belong to when that was a listing.
    const labels = aggregate ? [] : (parts.lexicon.entities.get(previous.entity)?.labelFields ?? []);
    spec.entity = other ?? previous.entity;
    spec.measures = [];
    spec.dimensions = [];
    spec.having = [];
    delete spec.rollup;
    spec.columns = [...labels.map((field) => ({ entity: previous.entity, field })), ...parts.columns];
    spec.distinct = false;
    spec.order = [];
    spec.limit = null;
  }
  if (!everyGroup && parts.measures.length === 0 && parts.dimensions.length === 0 && !parts.countWithoutTarget) keepRanked(parts, previous, spec);
  // "headcount by gender" → "top 10 departments": the rows ranked now are the one grouping.
  const rankedRows = parts.rowEntity;
  const regroups =
    rankedRows !== undefined && parts.limit !== undefined && parts.dimensions.length === 0 && parts.measures.length === 0 && spec.measures.length > 0 &&
    spec.dimensions.length === 1 && !(spec.dimensions[0]!.kind === "entity" && spec.dimensions[0]!.entity === rankedRows) && rankedRows !== spec.entity &&
    joinDistance(parts.lexicon.model, spec.entity, rankedRows) !== Infinity;
  if (regroups) spec.dimensions = [{ kind: "entity", entity: rankedRows }];
  const timeBefore = spec.dimensions.some(isTimeDim);
  mergeDimensions(spec, parts);
  // "top 5 products by revenue" → "by month instead": a series over time, not the five best months.
  if (!timeBefore && spec.dimensions.some(isTimeDim) && parts.limit === undefined && parts.order === undefined) {
    spec.limit = null;
    spec.order = [];
  }
  // "compare with Canada": both values, side by side.
  const comparing = followups.has("compare");
  if (comparing) comparePeriods(spec, parts.filters);
  if (comparing) {
    for (const f of parts.filters) {
      if (f.kind !== "compare" || (f.op !== "=" && f.op !== "in")) continue;
      const d: Dimension = { kind: "field", field: f.field };
      if (!spec.dimensions.some((x) => sameDimension(x, d))) spec.dimensions.push(d);
    }
  }
  mergeFilters(spec, parts.filters, also || comparing);
  // "Top 5 countries by revenue" → "for Germany, by city": one of the groups, drilled into; the cut-off no longer applies.
  const drills =
    previous.limit !== null &&
    parts.limit === undefined &&
    parts.filters.some((f) => f.kind === "compare" && (f.op === "=" || f.op === "in") && previous.dimensions.some((d) => (d.kind === "field" ? sameField(d.field, f.field) : d.entity === f.field.entity)));
  if (drills) spec.limit = null;
  for (const h of parts.having) addHaving(spec, h);
  applyLooseCompares(parts, spec);
  // "How many songs have no composer?" → "which genre has the most of those?": rank the genres by it.
  const ranking = parts.superlativeDir && parts.reading.which && spec.dimensions.length === 0 && spec.measures.length > 0;
  const ranks = ranking ? parts.entities.find((e) => e !== spec.entity && joinDistance(parts.lexicon.model, spec.entity, e) !== Infinity) : undefined;
  if (ranks) spec.dimensions.push({ kind: "entity", entity: ranks });
  // "… which country had the most?": a column that names groups, the nearest one to what is measured.
  else if (ranking) {
    const column = groupingColumn(parts, spec);
    if (column) spec.dimensions.push({ kind: "field", field: column });
  }
  if (parts.superlativeDir) applySuperlative(spec, parts.superlativeDir, parts.reading.which);
  // "as a percentage of the total".
  if (parts.share && !spec.shareOf) applyShare(spec);
  // "And the most expensive one?" after a total: list the rows ranked by that column.
  if (parts.order?.kind === "field" && parts.measures.length === 0 && spec.dimensions.length === 0 && spec.measures.length > 0) {
    spec.measures = [];
    spec.having = [];
    spec.order = [];
    spec.columns = [];
    spec.distinct = false;
    spec.entity = parts.order.field.entity;
  }
  if (parts.order) {
    const o = resolveOrder(parts.lexicon, spec, parts.order);
    if (o) spec.order = [o];
  }
  if (parts.limit !== undefined) {
    spec.limit = parts.limit;
    if (!spec.order.some((o) => o.by.kind === "measure") && spec.measures.length > 0 && !parts.order) {
      spec.order = [{ by: { kind: "measure", index: 0 }, dir: "desc" }];
    }
  }
  // Anything the new subject cannot reach is dropped rather than producing a broken join.
  const reachable = (e: string) => joinDistance(parts.lexicon.model, spec.entity, e) !== Infinity;
  spec.filters = spec.filters.filter((f) => reachable(f.field.entity));
  spec.dimensions = spec.dimensions.filter((d) => reachable(d.kind === "entity" ? d.entity : d.field.entity));
  spec.order = spec.order.filter((o) => (o.by.kind === "dimension" ? o.by.index < spec.dimensions.length : o.by.kind === "measure" ? o.by.index < spec.measures.length : true));
  if (spec.dimensions.length === 0) delete spec.rollup;
  dropSelfGrouping(spec);
  measureAtLineGrain(parts.lexicon, spec);
  excludeNullGroups(parts.lexicon, spec);
  defaultOrder(spec);
  applyDefaultFilters(parts.lexicon.model, spec);
  return spec;
}

/**
 * "Which category has the fewest products?" → "list its products"; "top 5 customers by
 * revenue" → "their emails": a listing after a ranking keeps to the groups (or rows) it found.
 */
function keepRanked(parts: Parts, previous: QuerySpec, spec: QuerySpec): void {
  const ranked = previous.limit !== null && previous.order.length > 0;
  // "Which customers spent more than $45?" → "show their emails": the groups that qualified.
  const qualified = previous.having.length > 0 && previous.dimensions.length === 1;
  if ((!ranked && !qualified) || spec.measures.length > 0 || spec.dimensions.length > 0) return;
  let field: FieldRef | undefined;
  let ranking: QuerySpec;
  const d = previous.dimensions[0];
  if (d) {
    if (previous.dimensions.length !== 1 || (!qualified && !previous.order.some((o) => o.by.kind === "measure"))) return;
    field = d.kind === "entity" ? keyOf(parts.lexicon, d.entity) : d.grain ? undefined : d.field;
    ranking = { ...cloneSpec(previous), columns: [], order: previous.order.filter((o) => o.by.kind === "measure") };
    delete ranking.rollup;
    delete ranking.shareOf;
  } else {
    // The same rows listed again are the listing itself.
    if (spec.entity === previous.entity) return;
    field = keyOf(parts.lexicon, previous.entity);
    if (!field) return;
    ranking = { ...cloneSpec(previous), columns: [field], distinct: false };
  }
  if (!field || joinDistance(parts.lexicon.model, spec.entity, field.entity) === Infinity) return;
  const label = previous.limit === 1 ? "the one the previous answer found" : previous.limit !== null ? `the ${previous.limit} the previous answer found` : "those the previous answer found";
  spec.filters.push({ kind: "ranked", field, ranking, label });
  if (parts.limit === undefined) spec.limit = null;
}

/** The grouping column a follow-up names ("which country …"), on the table nearest to the spec's. */
function groupingColumn(parts: Parts, spec: QuerySpec): FieldRef | undefined {
  const model = parts.lexicon.model;
  let best: { ref: FieldRef; distance: number } | undefined;
  for (const item of parts.reading.items) {
    if (item.kind !== "mention") continue;
    for (const e of item.entries) {
      if (e.target.type !== "field") continue;
      const f = parts.lexicon.fields.get(fieldKey(e.target.entity, e.target.field));
      if (f?.role !== "dimension") continue;
      const distance = joinDistance(model, spec.entity, e.target.entity);
      if (distance !== Infinity && (!best || distance < best.distance)) best = { ref: { entity: e.target.entity, field: e.target.field }, distance };
    }
  }
  return best?.ref;
}

/**
 * "At that price": the value the previous answer found for a column — its highest or lowest
 * (an extreme measure, or the top row of a ranking) — as a condition on that column.
 */
function sameValueFilter(previous: QuerySpec, spec: QuerySpec, ref: FieldRef): void {
  const extreme = previous.measures.find((m) => m.kind === "field" && sameField(m.field, ref) && (m.agg === "max" || m.agg === "min"));
  const ranked = previous.order.find((o) => o.by.kind === "field" && sameField(o.by.field, ref));
  const agg = extreme?.kind === "field" ? (extreme.agg as "max" | "min") : ranked && previous.limit !== null ? (ranked.dir === "desc" ? "max" : "min") : undefined;
  if (!agg || spec.filters.some((f) => f.kind === "versus" && sameField(f.field, ref))) return;
  spec.filters.push({ kind: "versus", field: ref, op: "=", agg });
}

/**
 * "And the smallest?": flips a min/max measure, or the direction of a
 * ranking; "which one has the most?" ranks the groups and keeps the first.
 */
function applySuperlative(spec: QuerySpec, dir: "asc" | "desc", which: boolean): void {
  const agg = dir === "desc" ? "max" : "min";
  const first = spec.measures[0];
  if (first?.kind === "field" && (first.agg === "max" || first.agg === "min") && spec.dimensions.length === 0) {
    spec.measures[0] = { ...first, agg };
    return;
  }
  if (spec.order.some((o) => o.by.kind === "measure")) {
    spec.order = spec.order.map((o) => ({ ...o, dir }));
    // A breakdown is sorted largest first already: "which one has the fewest?" still wants the one.
    if (which && spec.limit === null && spec.dimensions.length > 0) spec.limit = 1;
    return;
  }
  if (spec.measures.length > 0 && spec.dimensions.length > 0) {
    spec.order = [{ by: { kind: "measure", index: 0 }, dir }];
    if (which) spec.limit = 1;
  }
}

/**
 * "Revenue in 2022" → "versus 2023": one range spanning both periods,
 * bucketed by year (or month) so they sit side by side.
 */
function comparePeriods(spec: QuerySpec, filters: Filter[]): void {
  for (const f of filters) {
    if (f.kind !== "range" || !f.from || !f.to) continue;
    const i = spec.filters.findIndex((x) => x.kind === "range" && sameField(x.field, f.field));
    const old = spec.filters[i];
    if (!old || old.kind !== "range" || !old.from || !old.to) continue;
    const from = old.from < f.from ? old.from : f.from;
    const to = old.to > f.to ? old.to : f.to;
    spec.filters[i] = { ...old, from, to, label: `${old.label} and ${f.label}` };
    filters.splice(filters.indexOf(f), 1);
    const yearly = [old, f].every((r) => r.from!.endsWith("-01-01") && r.to!.endsWith("-01-01"));
    const grain = yearly ? "year" : "month";
    if (!spec.dimensions.some((d) => d.kind === "field" && sameField(d.field, f.field))) spec.dimensions.unshift({ kind: "field", field: f.field, grain });
    if (spec.measures.length === 0) spec.measures = [{ kind: "count", entity: spec.entity }];
    return;
  }
}

/** Counts another table under the same breakdown, moving groupings and filters to its own columns of the same name. */
function switchSubject(parts: Parts, spec: QuerySpec, entity: string): void {
  const own = parts.lexicon.entities.get(entity);
  const move = (f: FieldRef): FieldRef => (f.entity !== entity && own?.fields.some((x) => x.name === f.field) ? { entity, field: f.field } : f);
  spec.measures = spec.measures.map(() => ({ kind: "count", entity }));
  spec.entity = entity;
  spec.dimensions = spec.dimensions.map((d) => (d.kind === "field" ? { ...d, field: move(d.field) } : d));
  spec.filters = spec.filters.map((f) => ({ ...f, field: move(f.field) }));
}

/** "What about the average instead": the same thing under another aggregate. */
function changeAggregate(parts: Parts, m: Measure, agg: "sum" | "avg" | "min" | "max"): Measure {
  if (m.kind === "field") return { ...m, agg: m.agg === "count_distinct" ? m.agg : agg };
  if (m.kind === "metric") {
    // A metric's expression holds its own aggregate: the engine asks what to take it per.
    if (agg !== "sum") parts.metricAgg = { metric: m.metric, agg };
    return m;
  }
  const f = parts.lexicon.entities.get(m.entity)?.fields.find((x) => x.role === "measure" && x.money) ?? parts.lexicon.entities.get(m.entity)?.fields.find((x) => x.role === "measure");
  return f ? { kind: "field", agg, field: { entity: m.entity, field: f.name } } : m;
}

export const sameMeasures = (a: Measure[], b: Measure[]) => a.length === b.length && a.every((m, i) => sameMeasure(m, b[i]!));
