import { joinDistance, referencesUpward } from "../graph.ts";
import { fieldKey, type Lexicon, type Target } from "../lexicon/build.ts";
import { stem } from "../text/stem.ts";
import type { Dimension, Measure, QuerySpec } from "../spec.ts";
import { sameDimension, sameMeasure } from "../spec.ts";
import type { Intent, Reading } from "./intents.ts";
import { unitScale } from "./units.ts";
import { amountMeasure, childMetric, fieldForNoun, fieldForNounBelow, measureEntityOf, personEntity, primaryMeasure, unitsSold } from "./measures.ts";
import { readCompare } from "./parts-compare.ts";
import { readFilters } from "./parts-filters.ts";
import { readRanking } from "./parts-ranking.ts";
import type { Of, Parts } from "./parts.ts";
import { hasFieldRole, keyOf, pick, type MentionItem } from "./resolve.ts";
import { Targets } from "./targets.ts";

function nearbyWords(reading: Reading, tokensText: string[]): (item: MentionItem) => Set<string> {
  return (item) => {
    const out = new Set<string>();
    for (let k = Math.max(0, item.start - 3); k < Math.min(tokensText.length, item.end + 2); k++) {
      if (k >= item.start && k < item.end) continue;
      const w = tokensText[k]!.toLowerCase();
      out.add(w);
      out.add(w.replace(/(ped|ped|ed|ing|s)$/, ""));
    }
    void reading;
    return out;
  };
}

/**
 * A verb of selling ("tracks sold", "products ordered"): counts become units sold. Not "sold at
 * that price" or "sold for $1", which describe what the rows cost.
 */
function soldVerb(reading: Reading): boolean {
  return reading.items.some((it, k) => {
    if (it.kind !== "word" || !/^(sold|purchased|bought|ordered)$/i.test(it.text)) return false;
    const next = reading.items[k + 1]?.text.toLowerCase();
    return next !== "at" && next !== "for";
  });
}

/** "Songs that were never sold", "products not ordered": rows with no sale lines. */
function unsoldVerb(reading: Reading): boolean {
  return reading.items.some((it, k) => {
    if (it.kind !== "word" || !/^(sold|purchased|bought)$/i.test(it.text)) return false;
    let j = k - 1;
    while (j >= 0 && reading.items[j]!.kind === "word" && (reading.items[j] as { filler: boolean }).filler) j--;
    const before = reading.items[j];
    return before?.kind === "cue" && before.cue.type === "negate";
  });
}

/**
 * A weak one-word mention ("units") whose column is named in full by another mention of the
 * question ("in stock" → units in stock): that mention, which says which column is meant.
 */
function completion(lexicon: Lexicon, item: MentionItem, free: MentionItem[]): MentionItem | undefined {
  if (item.score >= 0.7 || item.text.includes(" ") || item.entries.some((e) => e.target.type === "entity")) return undefined;
  const word = stem(item.text.toLowerCase());
  return free.find((m) => m !== item && m.entries.some((e) => {
    if (e.target.type !== "field" || e.score < 0.8) return false;
    const f = lexicon.fields.get(fieldKey(e.target.entity, e.target.field));
    return f !== undefined && f.role === "measure" && f.label.toLowerCase().split(" ").some((w) => stem(w) === word);
  }));
}

/** Resolves a reading into parts: measures, groupings, filters, ranking and listing. */
export function readParts(
  lexicon: Lexicon,
  reading: Reading,
  words: string[],
  now: Date,
  previous?: QuerySpec | null,
  overrides?: Map<MentionItem, Target>,
): Parts {
  const fallbackSubject = previous?.entity;
  const intents = reading.intents;
  const all = <T extends Intent["type"]>(type: T) => intents.filter((i): i is Of<T> => i.type === type);
  const mentions = reading.items.filter((i): i is MentionItem => i.kind === "mention");
  const probe = new Targets(lexicon, reading.qualifiers, new Set(), nearbyWords(reading, words));
  const mentioned = new Set<string>();
  const own = new Map<MentionItem, string>();
  for (const m of mentions) {
    if (!probe.namesEntity(m)) continue;
    const e = probe.entity(m)!;
    mentioned.add(e);
    own.set(m, e);
  }
  const t = new Targets(lexicon, reading.qualifiers, mentioned, nearbyWords(reading, words));
  t.own = own;
  if (overrides) t.overrides = overrides;
  if (previous) {
    t.preferred = [...previous.filters.map((f) => f.field), ...previous.dimensions.flatMap((d) => (d.kind === "field" ? [d.field] : []))];
  }

  const parts: Parts = {
    reading, lexicon, measures: [], countWithoutTarget: false, looseCompares: [], dimensions: [], filters: [], having: [], conditionMeasures: [], sameValues: [], columns: [],
    distinct: false, entities: [...mentioned], understood: [], ignored: [...reading.unused], unreadQuotes: [], ties: t.ties,
  };
  const qualifierItems = new Set(reading.qualifiers.values());
  const freeEntities = reading.free.filter((m) => t.namesEntity(m) && !qualifierItems.has(m));
  // "how many units … in stock": a weak word completed by a column named further on.
  const completed = new Map<MentionItem, MentionItem>();
  for (const c of all("count")) {
    const whole = c.target ? completion(lexicon, c.target, reading.free) : undefined;
    if (whole) completed.set(c.target!, whole);
  }
  const freeOthers = reading.free.filter((m) => !freeEntities.includes(m) && ![...completed.values()].includes(m));

  // A first guess of the subject, so ambiguous words resolve towards it.
  const counts = all("count");
  const countEntity = counts.map((c) => c.target && t.namesEntity(c.target) ? t.entity(c.target) : undefined).find(Boolean);
  const anyEntity = mentions.map((m) => pick(m, ["field", "value"], { lexicon, mentioned })).map((x) => (x && (x.type === "field" || x.type === "value") ? x.entity : undefined)).find(Boolean);
  t.subject = countEntity ?? (freeEntities[0] ? t.entity(freeEntities[0]) : undefined) ?? [...mentioned][0] ?? fallbackSubject ?? anyEntity;

  let fallbackCount: string | undefined;
  let amountAsked = false;
  // Measures from "how many", aggregate words and metric mentions.
  // "How many tracks were sold": units sold, from the transaction lines, not the catalogue.
  const unsold = unsoldVerb(reading);
  const sold = soldVerb(reading) && !unsold;
  parts.sold = sold;
  t.sold = sold;
  for (const c of counts) {
    const people = c.people && !c.target ? personEntity(lexicon) : undefined;
    if (people) {
      parts.measures.push({ kind: "count", entity: people });
      continue;
    }
    if (!c.target) {
      parts.countWithoutTarget = true;
      continue;
    }
    const m = t.countOf(completed.get(c.target) ?? c.target, c.distinct);
    // "How many different products has X bought" counts products, not units.
    const soldMeasure = sold && !c.distinct && m?.kind === "count" ? unitsSold(lexicon, m.entity) : undefined;
    if (soldMeasure) parts.measures.push(soldMeasure);
    else if (m) parts.measures.push(m);
  }
  for (const a of all("agg")) {
    if (a.countOf) {
      const e = t.entity(a.countOf);
      if (e) {
        parts.measures.push({ kind: "count", entity: e });
        parts.rollup = a.agg;
      }
      continue;
    }
    // "total customers" counts them, unless a real amount follows ("how much did customers spend").
    const named = a.target && t.namesEntity(a.target) ? t.entity(a.target) : undefined;
    // "average order value": the average over orders of what their lines add up to.
    const perRow = named && a.agg !== "sum" ? childMetric(lexicon, named) : undefined;
    if (perRow && named) {
      parts.measures.push({ kind: "metric", metric: perRow });
      parts.dimensions.push({ kind: "entity", entity: named });
      parts.rollup = a.agg;
      continue;
    }
    const m = a.target && !(named && !primaryMeasure(lexicon, named, a.agg)) ? t.measure(a.target, a.agg) : undefined;
    if (m?.kind === "metric" && a.agg !== "sum") {
      // Averaged per the first grouping when there is one ("average revenue per order"), below.
      parts.metricAgg = { metric: m.metric, agg: a.agg };
      parts.pendingAgg = a.agg;
    }
    if (m) parts.measures.push(m);
    else if (a.amount) amountAsked = true;
    else {
      parts.pendingAgg = a.agg;
      if (named) fallbackCount = named;
    }
  }
  // "average days between order and shipment": the aggregate asked for, of the days in between.
  for (const s of all("span")) {
    parts.measures.push({ kind: "field", agg: s.agg ?? parts.pendingAgg ?? "avg", field: s.to, since: s.from });
    delete parts.pendingAgg;
    fallbackCount = undefined;
  }
  const measureEntity = (m: Measure) => measureEntityOf(lexicon, m);

  // "which X", "top 5 X", "X with the most Y": the first named thing that is not what is measured.
  const rankers = all("superlative").length + all("sort").length + all("top").length + all("compare").filter((c) => c.after).length;
  // A lone amount ("total amount?") asks for its total; next to a table name it is a column to list.
  const loneMeasure = !reading.list && mentioned.size === 0 && reading.free.length === 1 && hasFieldRole(reading.free[0]!, lexicon, "measure");
  // "the salary and rating of each employee": the columns of each row, listed; nothing to add up.
  const groups = all("group");
  const groupRows = groups.length === 1 && t.namesEntity(groups[0]!.target) ? t.entity(groups[0]!.target) : undefined;
  const ownValues = groupRows !== undefined && counts.length === 0 && all("agg").length === 0 && all("grain").length === 0 && rankers === 0 && all("span").length === 0
    && freeOthers.length > 0 && freeOthers.every((m) => t.field(m, "any")?.entity === groupRows);
  if (ownValues) {
    parts.rowEntity = groupRows;
    t.subject = groupRows;
  }
  const aggregateContext = !ownValues && (loneMeasure || counts.length > 0 || all("agg").length > 0 || all("group").length > 0 || all("grain").length > 0 || rankers > 0);
  const used = new Set<MentionItem>();
  // A glossary term for a metric ("turnover" → revenue) is that metric wherever it is written.
  const namesMetric = (target: Target | undefined) =>
    target?.type === "metric" || (target?.type === "glossary" && lexicon.model.glossary[target.index]?.maps.kind === "metric");
  for (const m of freeOthers) {
    if (m.entries.some((e) => namesMetric(e.target)) && namesMetric(pick(m, ["metric", "field", "entity", "label", "glossary"], t.ctx(m, "measure")))) {
      const measure = t.measure(m, "default");
      if (measure) parts.measures.push(measure);
      used.add(m);
    }
  }
  // "the value of the stock", "stock value": a quantity priced at the rows' own price.
  for (const m of freeOthers) {
    if (used.has(m)) continue;
    const k = reading.items.indexOf(m);
    const valueOf = reading.items.slice(Math.max(0, k - 4), k).some((i) => i.text.toLowerCase() === "value");
    const valueAfter = reading.items[k + 1]?.text.toLowerCase() === "value";
    if (!valueOf && !valueAfter) continue;
    const f = t.field(m, "measure");
    const field = f ? lexicon.fields.get(fieldKey(f.entity, f.field)) : undefined;
    const price = f ? lexicon.entities.get(f.entity)?.fields.find((x) => x.role === "measure" && x.money && /price|cost/i.test(x.name)) : undefined;
    if (!f || !field || field.money || field.role !== "measure" || !price) continue;
    used.add(m);
    parts.measures.push({ kind: "field", agg: "sum", field: f, times: { entity: f.entity, field: price.name } });
    delete parts.pendingAgg;
  }
  // "How long is that album (in minutes)?": the total length of what it holds.
  for (const _ of all("howLong")) {
    const x = parts.rowEntity ?? t.subject ?? previous?.entity;
    const f = x ? (fieldForNoun(lexicon, x, "length") ?? fieldForNounBelow(lexicon, x, "length")) : undefined;
    if (!f) continue;
    const unit = reading.free.find((m) => unitScale(f.field, m.text) !== undefined);
    const scale = unit ? unitScale(f.field, unit.text) : undefined;
    if (unit) used.add(unit);
    parts.measures.push({ kind: "field", agg: "sum", field: f, ...(scale ? { scale } : {}) });
  }
  // Verbs ("ordered", "shipped") describe the rows; they are never the rows being ranked.
  const verb = (m: MentionItem) => /ed$/i.test(m.text) && !m.text.includes(" ");
  const xCandidates = [...freeEntities, ...freeOthers.filter((m) => !used.has(m) && !verb(m) && hasFieldRole(m, lexicon, "dimension", "time") && !hasFieldRole(m, lexicon, "measure"))]
    .sort((a, b) => a.start - b.start);
  const xItem = xCandidates.find((m) => {
    const e = t.namesEntity(m) ? t.entity(m) : undefined;
    return !e || !parts.measures.some((x) => x.kind === "count" && x.entity === e);
  });
  const xEntity = xItem && t.namesEntity(xItem) ? t.entity(xItem) : undefined;
  if (xEntity) parts.rowEntity = xEntity;
  // "best selling products", "the most popular genre": the table the adjective ranks stands in for X.
  const rankedItem = all("superlative").find((s) => s.target && (s.noun === "" || s.noun === "sold" || s.noun === "frequent"))?.target;
  const rankedByAdjective = rankedItem ? t.entity(rankedItem) : undefined;
  const groupByX = (): void => {
    if (!xItem && rankedByAdjective) {
      if (!parts.dimensions.some((d) => d.kind === "entity" && d.entity === rankedByAdjective)) parts.dimensions.push({ kind: "entity", entity: rankedByAdjective });
      return;
    }
    if (!xItem || used.has(xItem)) return;
    const d = t.dimension(xItem);
    if (d && !parts.dimensions.some((x) => sameDimension(x, d))) parts.dimensions.push(d);
    used.add(xItem);
  };

  const xGrain = all("grain").some((g) => g.ranked);
  readRanking(parts, t, all, xItem, xEntity, groupByX, used, xGrain, rankedByAdjective);
  // "Employees and the number of territories they cover": the rows named first are the groups.
  const lead = reading.items.findIndex((i) => !(i.kind === "word" && i.filler) && !(i.kind === "cue" && (i.cue.type === "list" || i.cue.type === "which")));
  const leadItem = reading.items[lead];
  const link = reading.items[lead + 1];
  const rest = reading.items.slice(lead + 2).filter((i) => !(i.kind === "word" && i.filler));
  // "... and the number of Y", "... with their Y counts".
  const countFollows = rest[0]?.kind === "cue" && rest[0].cue.type === "count" || (rest[0]?.kind === "mention" && rest[1]?.kind === "cue" && rest[1].cue.type === "count");
  if (leadItem?.kind === "mention" && leadItem === xItem && link?.kind === "cue" && (link.cue.type === "with" || link.text.toLowerCase() === "and") && countFollows && parts.dimensions.length === 0 && parts.measures.length > 0) {
    groupByX();
  }
  if (parts.measures[0]) t.subject = measureEntity(parts.measures[0]) ?? t.subject;

  if (reading.items.some((i) => i.kind === "cue" && i.cue.type === "share")) parts.share = true;
  // Groupings.
  if (all("groupPrevious").length > 0) parts.groupPrevious = true;
  const ORDER = ["day", "week", "month", "quarter", "year"];
  // "by year and month": the finer bucket carries both.
  const grain = all("grain").map((g) => g.grain).sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b))[0];
  if (grain) parts.grain = grain;
  if (all("grain").some((g) => g.fiscal)) parts.fiscalGrain = true;
  for (const g of ownValues ? [] : all("group")) {
    const d = namedByOwnColumn(lexicon, t.dimension(g.target, grain), parts.measures[0] ? measureEntity(parts.measures[0]) : undefined);
    if (d && !parts.dimensions.some((x) => sameDimension(x, d))) parts.dimensions.push(d);
  }
  // Rows at the extreme of each group are listed with their group's name, not grouped.
  if (parts.perGroupOf) {
    const g = parts.perGroupOf;
    parts.dimensions = parts.dimensions.filter((d) => !(d.kind === "entity" && d.entity === g));
    const labels = (lexicon.entities.get(g)?.labelFields ?? []).map((field) => ({ entity: g, field }));
    const own = parts.rowEntity ? (lexicon.entities.get(parts.rowEntity)?.labelFields ?? []).map((field) => ({ entity: parts.rowEntity!, field })) : [];
    parts.columns = [...labels, ...own, ...parts.columns];
  }
  for (const g of all("groupOf")) {
    const v = pick(g.item, ["value"], t.ctx(g.item, "dimension"));
    if (v?.type === "value" && !parts.dimensions.some((d) => d.kind === "entity" && d.entity === v.entity)) parts.dimensions.push({ kind: "entity", entity: v.entity });
  }

  // Comparisons: HAVING on counts and aggregates, WHERE on row values.
  for (const c of all("compare")) readCompare(parts, t, c, xItem, groupByX, used);

  // "How many songs were never sold?": no sale lines point at them.
  // ("never bought a Teapot" is read from the negated value: none of the rows' purchases is one.)
  const unsoldRows = unsold && !all("value").some((v) => v.negate) ? (parts.rowEntity ?? t.subject) : undefined;
  const lines = unsoldRows ? unitsSold(lexicon, unsoldRows) : undefined;
  // "customers who haven't bought anything": no purchases (the dated events pointing at them).
  const events = unsoldRows && lines?.kind !== "field"
    ? lexicon.model.entities
        .filter((e) => e.defaultTimeField && lexicon.model.joins.some((j) => j.from === e.name && j.to === unsoldRows))
        .sort((a, b) => b.rowCount - a.rowCount)[0]?.name
    : undefined;
  const missing = lines?.kind === "field" ? lines.field.entity : events;
  const unsoldKey = keyOf(lexicon, unsoldRows);
  if (unsoldKey && missing) {
    // A period ("since 2025") is that of the purchases that are missing (moved inside by readFilters).
    parts.eventOwner = missing;
    parts.filters.push({ kind: "related", field: unsoldKey, entity: missing, exists: false });
  }
  // Filters.
  readFilters(parts, t, all, now);

  const clauseStart = reading.items.find((i) => i.kind !== "mention" && /^(that|who|which|whose)\b/i.test(i.text))?.start;
  // Remaining free mentions: measures in aggregate questions, columns in listings.
  for (const m of freeOthers) {
    if (used.has(m)) continue;
    // "as a percentage of the total": the whole, not a column called total.
    if (parts.share && /^(the )?total$/i.test(m.text)) continue;
    // A bare measure word is the thing measured only when nothing else is ("freight per year").
    const best = m.entries.reduce((a, b) => (b.score > a.score ? b : a));
    const measureWord = best.target.type === "field" && lexicon.fields.get(`${best.target.entity}\u0000${best.target.field}`)?.role === "measure";
    // ("the 5 longest tracks, with their length": rows ranked by a column show it, they are not totalled.)
    if (aggregateContext && measureWord && !t.namesEntity(m) && !(parts.order?.kind === "field" && parts.measures.length === 0)) {
      // "revenue and quantity": a second measure named next to the first, not a word to pass over.
      const k = reading.items.indexOf(m);
      const before = reading.items[k - 2];
      const listed =
        /^(and|,|&|plus)$/i.test(reading.items[k - 1]?.text ?? "") && before?.kind === "mention" &&
        before.entries.some((e) => e.target.type === "metric" || (e.target.type === "field" && lexicon.fields.get(fieldKey(e.target.entity, e.target.field))?.role === "measure"));
      if ((parts.measures.length > 0 && !listed) || parts.countWithoutTarget) continue;
      const measure = t.measure(m, parts.pendingAgg ?? "default");
      if (measure && !parts.measures.some((x) => sameMeasure(x, measure))) {
        if (loneMeasure && !parts.pendingAgg) parts.bareMeasure = true;
        parts.measures.push(measure);
        if (parts.pendingAgg) delete parts.pendingAgg;
      }
      continue;
    }
    const qualifier = reading.qualifiers.get(m);
    const owner = qualifier ? t.entity(qualifier) : undefined;
    // "the names of all suppliers": whatever names a supplier, even when no column is called "name".
    if (/^names?$/i.test(m.text) && owner) {
      for (const f of lexicon.entities.get(owner)?.labelFields ?? []) parts.columns.push({ entity: owner, field: f });
      continue;
    }
    const label = pick(m, ["label", "field"], t.ctx(m, "any"));
    // "the distinct list of salesperson IDs that have received a cash payment": the clause says which, it lists nothing.
    if (reading.distinctList && clauseStart !== undefined && m.start > clauseStart) continue;
    if (label?.type === "label") {
      const e = lexicon.entities.get(label.entity);
      for (const f of e?.labelFields ?? []) parts.columns.push({ entity: label.entity, field: f });
    } else if (label?.type === "field") parts.columns.push({ entity: label.entity, field: label.field });
  }

  // "total duration in minutes": the unit can come after the measure.
  for (const m of reading.free) {
    const f = pick(m, ["field"], t.ctx(m, "measure"));
    if (f?.type !== "field") continue;
    parts.measures = parts.measures.map((x) => (x.kind === "field" && x.field.entity === f.entity && x.field.field === f.field && !x.scale ? (t.scaled(m, x) ?? x) : x));
  }
  if (parts.measures.length === 0 && fallbackCount && parts.pendingAgg === "sum") {
    parts.measures.push({ kind: "count", entity: fallbackCount });
    delete parts.pendingAgg;
  }
  // "What were they worth?": the money amount of the rows talked about.
  const amountOf = amountAsked && parts.measures.length === 0 ? (parts.rowEntity ?? t.subject) : undefined;
  const amount = amountOf ? amountMeasure(lexicon, amountOf) : undefined;
  if (amount) parts.measures.push(amount);
  // The subject: what is counted or measured, else what is listed.
  const first = parts.measures[0];
  parts.subject = (first && measureEntity(first)) ?? parts.rowEntity ?? xEntity ?? t.subject ?? parts.columns[0]?.entity ?? parts.filters[0]?.field.entity;
  if (!first && (parts.dimensions.length > 0 || parts.countWithoutTarget) && parts.subject) {
    const dimEntity = parts.dimensions[0]?.kind === "entity" ? parts.dimensions[0].entity : undefined;
    const subject = freeEntities.map((m) => t.entity(m)).find((e) => e && e !== dimEntity) ?? (dimEntity === parts.subject ? undefined : parts.subject);
    if (subject) {
      parts.implicitCount = subject;
      parts.subject = subject;
    }
  }
  // "Which countries do customers come from?": distinct values of a column.
  const firstFree = reading.free[0];
  // ("What are the names of all playlists?" lists rows: a naming column is not a set of values.)
  const firstColumn = parts.columns[0];
  const naming = firstColumn ? lexicon.entities.get(firstColumn.entity)?.labelFields.includes(firstColumn.field) : false;
  if (!ownValues && parts.measures.length === 0 && parts.dimensions.length === 0 && (reading.which || reading.list) && firstFree && !t.namesEntity(firstFree) && firstColumn && !naming && hasFieldRole(firstFree, lexicon, "dimension")) {
    parts.distinct = true;
  }
  if (reading.distinctList && parts.measures.length === 0 && parts.dimensions.length === 0 && parts.columns.length > 0) parts.distinct = true;
  // "On average, how many songs are on an album?": the count per album the songs belong to.
  const averaged = parts.rollup ?? (parts.pendingAgg !== "sum" ? parts.pendingAgg : undefined);
  const only = parts.measures.length === 1 ? parts.measures[0] : undefined;
  if (averaged && parts.dimensions.length === 0 && only?.kind === "count") {
    const owner = reading.free
      .map((m) => (t.namesEntity(m) ? t.entity(m) : undefined))
      .find((e): e is string => e !== undefined && e !== only.entity && referencesUpward(lexicon.model, only.entity, e));
    if (owner) parts.dimensions.push({ kind: "entity", entity: owner });
  }
  // "number of lines per invoice on average": an average over the groups.
  if (parts.pendingAgg && parts.pendingAgg !== "sum" && parts.dimensions.length > 0 && parts.measures.length > 0 && !parts.rollup) {
    parts.rollup = parts.pendingAgg;
    delete parts.pendingAgg;
  }
  return parts;
}

/**
 * "lakes in each state", where lakes hold the state's name (`state_name`) as their reference:
 * grouped by that column, so lakes of a state the other table lacks are still counted.
 */
function namedByOwnColumn(lexicon: Lexicon, d: Dimension | undefined, rows: string | undefined): Dimension | undefined {
  if (d?.kind !== "entity" || !rows || rows === d.entity) return d;
  const label = lexicon.entities.get(d.entity)?.labelFields;
  const join = lexicon.model.joins.find((j) => j.from === rows && j.to === d.entity && j.fromColumns.length === 1 && j.evidence?.rule === "shared_name");
  if (!join || label?.length !== 1 || join.toColumns[0] !== label[0]) return d;
  return { kind: "field", field: { entity: rows, field: join.fromColumns[0]! } };
}
