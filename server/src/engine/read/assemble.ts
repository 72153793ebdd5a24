import { joinDistance } from "../graph.ts";
import { fieldKey, type Lexicon, type Target } from "../lexicon/build.ts";
import type { Dimension, FieldRef, Filter, Measure, QuerySpec, Scalar } from "../spec.ts";
import { sameDimension, sameField, sameMeasure } from "../spec.ts";
import { timeFilter } from "../time/resolve.ts";
import type { Intent, Reading } from "./intents.ts";
import { childMetric, fieldForNoun, fieldForNounBelow, frequencyMeasure, popularityMeasure, primaryMeasure, timeFieldFor } from "./measures.ts";
import type { Parts, PendingOrder } from "./parts.ts";
import { fieldOf, hasFieldRole, pick, type MentionItem } from "./resolve.ts";
import { Targets } from "./targets.ts";
import { convertUnit } from "./units.ts";

type Of<T extends Intent["type"]> = Extract<Intent, { type: T }>;

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
    reading, lexicon, measures: [], countWithoutTarget: false, looseCompares: [], dimensions: [], filters: [], having: [], columns: [],
    distinct: false, entities: [...mentioned], understood: [], ignored: [...reading.unused], ties: t.ties,
  };
  const qualifierItems = new Set(reading.qualifiers.values());
  const freeEntities = reading.free.filter((m) => t.namesEntity(m) && !qualifierItems.has(m));
  const freeOthers = reading.free.filter((m) => !freeEntities.includes(m));

  // A first guess of the subject, so ambiguous words resolve towards it.
  const counts = all("count");
  const countEntity = counts.map((c) => c.target && t.namesEntity(c.target) ? t.entity(c.target) : undefined).find(Boolean);
  const anyEntity = mentions.map((m) => pick(m, ["field", "value"], { lexicon, mentioned })).map((x) => (x && (x.type === "field" || x.type === "value") ? x.entity : undefined)).find(Boolean);
  t.subject = countEntity ?? (freeEntities[0] ? t.entity(freeEntities[0]) : undefined) ?? [...mentioned][0] ?? fallbackSubject ?? anyEntity;

  let fallbackCount: string | undefined;
  // Measures from "how many", aggregate words and metric mentions.
  // "How many tracks were sold": units sold, from the transaction lines, not the catalogue.
  const sold = reading.items.some((i) => i.kind === "word" && /^(sold|purchased|bought|ordered)$/i.test(i.text));
  for (const c of counts) {
    if (!c.target) {
      parts.countWithoutTarget = true;
      continue;
    }
    const m = t.countOf(c.target, c.distinct);
    // Only for what the lines sell (a line points at it directly), not for who buys ("how many clients bought X").
    const soldMeasure = sold && m?.kind === "count" ? popularityMeasure(lexicon, m.entity, true) : undefined;
    const direct = soldMeasure?.kind === "field" && m?.kind === "count" && joinDistance(lexicon.model, soldMeasure.field.entity, m.entity) === 1;
    if (soldMeasure && direct) parts.measures.push(soldMeasure);
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
    if (m) parts.measures.push(m);
    else {
      parts.pendingAgg = a.agg;
      if (named) fallbackCount = named;
    }
  }
  const measureEntity = (m: Measure) => measureEntityOf(lexicon, m);

  // "which X", "top 5 X", "X with the most Y": the first named thing that is not what is measured.
  const rankers = all("superlative").length + all("sort").length + all("top").length + all("compare").filter((c) => c.after).length;
  // A lone amount ("total amount?") asks for its total; next to a table name it is a column to list.
  const loneMeasure = !reading.list && mentioned.size === 0 && reading.free.length === 1 && hasFieldRole(reading.free[0]!, lexicon, "measure");
  const aggregateContext = loneMeasure || counts.length > 0 || all("agg").length > 0 || all("group").length > 0 || all("grain").length > 0 || rankers > 0;
  const used = new Set<MentionItem>();
  for (const m of freeOthers) {
    if (m.entries.some((e) => e.target.type === "metric") && pick(m, ["metric", "field", "entity", "label", "glossary"], t.ctx(m, "measure"))?.type === "metric") {
      const measure = t.measure(m, "default");
      if (measure) parts.measures.push(measure);
      used.add(m);
    }
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
  for (const g of all("group")) {
    const d = t.dimension(g.target, grain);
    if (d && !parts.dimensions.some((x) => sameDimension(x, d))) parts.dimensions.push(d);
  }
  for (const g of all("groupOf")) {
    const v = pick(g.item, ["value"], t.ctx(g.item, "dimension"));
    if (v?.type === "value" && !parts.dimensions.some((d) => d.kind === "entity" && d.entity === v.entity)) parts.dimensions.push({ kind: "entity", entity: v.entity });
  }

  // Comparisons: HAVING on counts and aggregates, WHERE on row values.
  for (const c of all("compare")) readCompare(parts, t, c, xItem, groupByX, used);

  // Filters.
  readFilters(parts, t, all, now);

  // Remaining free mentions: measures in aggregate questions, columns in listings.
  for (const m of freeOthers) {
    if (used.has(m)) continue;
    // A bare measure word is the thing measured only when nothing else is ("freight per year").
    if (aggregateContext && hasFieldRole(m, lexicon, "measure") && !t.namesEntity(m)) {
      if (parts.measures.length > 0 || parts.countWithoutTarget) continue;
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
  if (parts.measures.length === 0 && parts.dimensions.length === 0 && (reading.which || reading.list) && firstFree && !t.namesEntity(firstFree) && firstColumn && !naming && hasFieldRole(firstFree, lexicon, "dimension")) {
    parts.distinct = true;
  }
  // "number of lines per invoice on average": an average over the groups.
  if (parts.pendingAgg && parts.pendingAgg !== "sum" && parts.dimensions.length > 0 && parts.measures.length > 0 && !parts.rollup) {
    parts.rollup = parts.pendingAgg;
    delete parts.pendingAgg;
  }
  return parts;
}

type All = <T extends Intent["type"]>(type: T) => Of<T>[];

function readRanking(
  parts: Parts,
  t: Targets,
  all: All,
  xItem: MentionItem | undefined,
  xEntity: string | undefined,
  groupByX: () => void,
  used: Set<MentionItem>,
  xGrain: boolean,
  rankedByAdjective: string | undefined,
): void {
  const { lexicon } = parts;
  const top = all("top")[0];
  const setOrder = (order: PendingOrder) => {
    if (!parts.order) parts.order = order;
  };
  for (const s of all("superlative")) {
    const limit = top?.n ?? 1;
    if (s.noun === "" || s.noun === "sold" || s.noun === "frequent") {
      // An explicit "by track count" decides what "most common" means.
      if (all("sort").some((x) => x.target)) {
        parts.superlativeDir = s.dir;
        if (top === undefined) parts.limit = 1;
        continue;
      }
      const x = rankedByAdjective ?? xEntity ?? t.subject;
      const m = x ? (s.noun === "frequent" ? frequencyMeasure(lexicon, x) : popularityMeasure(lexicon, x, s.noun === "sold")) : undefined;
      if (!m) continue;
      parts.measures.push(m);
      groupByX();
      setOrder({ kind: "measure", measure: m, dir: s.dir });
      parts.limit = limit;
      continue;
    }
    if (s.noun) {
      const ranked = s.target ? t.entity(s.target) : undefined;
      const x = ranked ?? xEntity ?? t.subject;
      const f = x ? fieldForNoun(lexicon, x, s.noun) : undefined;
      // "the most expensive album": albums have no price, their tracks do — rank albums by the total.
      const via = !f && x ? fieldForNounBelow(lexicon, x, s.noun) : undefined;
      if (via && x) {
        const m: Measure = { kind: "field", agg: "sum", field: via };
        parts.measures.push(m);
        if (!parts.dimensions.some((d) => d.kind === "entity" && d.entity === x)) parts.dimensions.push({ kind: "entity", entity: x });
        setOrder({ kind: "measure", measure: m, dir: s.dir });
        parts.limit = limit;
        if (xItem) used.add(xItem);
        continue;
      }
      if (f) {
        setOrder({ kind: "field", field: f, dir: s.dir });
        parts.limit = limit;
        // "Which supplier has the most expensive product?": list the product, naming its supplier.
        if (ranked && xEntity && ranked !== xEntity) {
          for (const l of lexicon.entities.get(xEntity)?.labelFields ?? []) parts.columns.push({ entity: xEntity, field: l });
          parts.rowEntity = ranked;
        }
        if (xItem) used.add(xItem);
      }
      continue;
    }
    if (!s.target) {
      // "Which country's customers spent the most?": rank by the amount already named.
      const named = parts.measures[0];
      if (named && (xItem || xGrain)) {
        groupByX();
        setOrder({ kind: "measure", measure: named, dir: s.dir });
        parts.limit = limit;
      } else parts.superlativeDir = s.dir;
      continue;
    }
    const entity = t.namesEntity(s.target) ? t.entity(s.target) : undefined;
    // "the biggest order by revenue": rank the orders by the named measure.
    if (entity && (!xItem || entity === xEntity) && !xGrain && all("sort").some((x) => x.target)) {
      if (!parts.dimensions.some((d) => d.kind === "entity" && d.entity === entity)) parts.dimensions.push({ kind: "entity", entity });
      parts.limit = limit;
      parts.superlativeDir = s.dir;
      continue;
    }
    // "the smallest invoice": the row with the smallest main amount.
    if (entity && ((!xItem && !xGrain) || entity === xEntity)) {
      const m = primaryMeasure(lexicon, entity, "sum");
      if (m?.kind === "field") {
        setOrder({ kind: "field", field: m.field, dir: s.dir });
        parts.limit = limit;
        parts.rowEntity = entity;
        continue;
      }
    }
    if (entity && entity !== xEntity) {
      const m: Measure = { kind: "count", entity };
      parts.measures.push(m);
      groupByX();
      setOrder({ kind: "measure", measure: m, dir: s.dir });
      parts.limit = limit;
      continue;
    }
    const m = t.measure(s.target, "default");
    if (!m) continue;
    if (m.kind === "field" && xEntity && m.field.entity === xEntity) {
      setOrder({ kind: "field", field: m.field, dir: s.dir });
      parts.limit = limit;
      used.add(xItem!);
    } else if (xItem || xGrain) {
      parts.measures.push(m);
      groupByX();
      setOrder({ kind: "measure", measure: m, dir: s.dir });
      parts.limit = limit;
    } else if (m.kind === "field") {
      parts.measures.push({ ...m, agg: s.dir === "desc" ? "max" : "min" });
    } else {
      parts.measures.push(m);
    }
  }
  const beforeSorts = parts.measures.length;
  for (const s of all("sort")) {
    if (!s.target) continue;
    const entity = t.namesEntity(s.target) ? t.entity(s.target) : undefined;
    if (s.count && entity) {
      const m: Measure = { kind: "count", entity };
      if (entity !== xEntity) {
        parts.measures.push(m);
        groupByX();
      }
      setOrder({ kind: "measure", measure: m, dir: "desc" });
      continue;
    }
    const label = pick(s.target, ["label", "field", "metric", "entity"], t.ctx(s.target, "any"));
    if (label?.type === "label" || (label?.type === "entity" && !s.count)) {
      setOrder({ kind: "label", dir: "asc" });
      continue;
    }
    const m = t.measure(s.target, "default");
    if (!m) continue;
    // "sorted by state": a grouping or listed column, not a new measure.
    if (m.kind === "field" && !s.count && fieldOf(lexicon, { type: "field", ...m.field })?.role !== "measure") {
      setOrder({ kind: "field", field: m.field, dir: "asc" });
      continue;
    }
    const rowField = m.kind === "field" && (!parts.measures.length && (m.field.entity === xEntity || m.field.entity === t.subject));
    if (m.kind === "field" && rowField && !all("group").length) {
      // Rows sorted by one of their columns read in ascending order unless asked otherwise.
      setOrder({ kind: "field", field: m.field, dir: "asc" });
      continue;
    }
    if (!parts.measures.some((x) => sameMeasure(x, m))) parts.measures.push(m);
    if ((xItem || rankedByAdjective) && !all("group").length && parts.dimensions.length === 0) groupByX();
    setOrder({ kind: "measure", measure: m, dir: parts.superlativeDir ?? "desc" });
    delete parts.superlativeDir;
  }
  if (beforeSorts === 0 && parts.measures.length > 0 && all("count").length === 0 && all("agg").length === 0) parts.sortOnly = true;
  if (top) {
    parts.limit = top.n;
    setOrder({ kind: "first", dir: top.dir });
    if (xItem && parts.measures.length > 0 && all("group").length === 0) groupByX();
  }
  const dir = all("dir")[0]?.dir;
  if (dir) {
    if (parts.order) parts.order.dir = dir;
    else parts.order = { kind: "first", dir };
  }
  if (all("alpha").length > 0) parts.order = { kind: "label", dir: "asc" };
}

function readCompare(parts: Parts, t: Targets, c: Of<"compare">, xItem: MentionItem | undefined, groupByX: () => void, used: Set<MentionItem>): void {
  const { lexicon } = parts;
  const subject = parts.rowEntity ?? t.subject;
  if (c.noun) {
    const f = subject ? fieldForNoun(lexicon, subject, c.noun) : undefined;
    if (f) pushCompare(parts, f, c.op, convertUnit(lexicon, f, c.value, c.unit));
    return;
  }
  if (!c.target) {
    parts.looseCompares.push({ op: c.op, value: c.value, ...(c.unit ? { unit: c.unit } : {}) });
    return;
  }
  // "ordered more than 30 times": the verb names what is counted even though it is not the table's name.
  const entity = t.namesEntity(c.target) || c.countTarget ? t.entity(c.target) : undefined;
  if (entity && (c.after || c.countTarget)) {
    const m: Measure = { kind: "count", entity };
    if (entity === parts.rowEntity && !parts.measures.length) return;
    if (!parts.measures.some((x) => sameMeasure(x, m))) parts.measures.push(m);
    parts.having.push({ measure: m, op: c.op, value: c.value });
    if (xItem && xItem !== c.target) groupByX();
    return;
  }
  if (entity && !c.after) {
    const m = primaryMeasure(lexicon, entity, "sum");
    // "Show only artists with more than 5" (artists being the groups): about each group's count.
    const grouped = parts.dimensions.some((d) => d.kind === "entity" && d.entity === entity) && !parts.measures.some((x) => measureEntityOf(lexicon, x) === entity);
    if (grouped || m?.kind !== "field") parts.looseCompares.push({ op: c.op, value: c.value });
    else pushCompare(parts, m.field, c.op, convertUnit(lexicon, m.field, c.value, c.unit));
    return;
  }
  const target = pick(c.target, ["metric", "field", "glossary"], t.ctx(c.target, "measure"));
  if (!target) return;
  // "countries with at least 5": a number against a text column is about how many rows each has.
  const targetField = fieldOf(lexicon, target);
  if (target.type === "field" && targetField && !["integer", "bigint", "decimal", "float", "date", "timestamp"].includes(targetField.type)) {
    parts.looseCompares.push({ op: c.op, value: c.value });
    return;
  }
  const m = t.measureOf(target, parts.pendingAgg ?? "default");
  if (!m) return;
  // "Which billing cities have totals above 40": the rows are groups, so the amount is aggregated.
  const xField = xItem && !t.namesEntity(xItem) ? t.field(xItem, "dimension") : undefined;
  const naming = xField ? lexicon.entities.get(xField.entity)?.labelFields.includes(xField.field) : false;
  const groupedRows = xItem !== undefined && xItem !== c.target && !t.namesEntity(xItem) && hasFieldRole(xItem, lexicon, "dimension") && !naming;
  const aggregateTarget = m.kind === "metric" || parts.pendingAgg !== undefined || groupedRows || (m.kind === "field" && parts.rowEntity !== undefined && m.field.entity !== parts.rowEntity && fieldOf(lexicon, { type: "field", ...m.field })?.role === "measure" && !sameEntityRow(parts, m.field));
  if (aggregateTarget) {
    if (m.kind === "field") m.agg = parts.pendingAgg ?? (fieldOf(lexicon, { type: "field", ...m.field })?.aggregation ?? "sum");
    delete parts.pendingAgg;
    if (!parts.measures.some((x) => sameMeasure(x, m))) parts.measures.push(m);
    parts.having.push({ measure: m, op: c.op, value: m.kind === "field" ? convertUnit(lexicon, m.field, c.value, c.unit) : c.value });
    if (xItem) groupByX();
    used.add(c.target);
    return;
  }
  if (m.kind === "field") pushCompare(parts, m.field, c.op, convertUnit(lexicon, m.field, c.value, c.unit));
}

/** A field on the row entity itself or on something each row points at (a row filter, not an aggregate). */
function sameEntityRow(parts: Parts, f: FieldRef): boolean {
  return parts.rowEntity === f.entity;
}

function pushCompare(parts: Parts, field: FieldRef, op: Of<"compare">["op"], value: number): void {
  parts.filters.push({ kind: "compare", field, op, values: [value] });
}

function flagValue(parts: Parts, ref: FieldRef, on: boolean): Scalar {
  const f = parts.lexicon.fields.get(fieldKey(ref.entity, ref.field));
  return f?.type === "boolean" ? on : on ? 1 : 0;
}

function readFilters(parts: Parts, t: Targets, all: All, now: Date): void {
  const { lexicon } = parts;
  const values = new Map<string, { field: FieldRef; negate: boolean; values: Scalar[] }>();
  // A value never filters the column the answer is grouped by ("album titles … for Pearl Jam" is the artist).
  const grouped = parts.dimensions.flatMap((d) => (d.kind === "field" ? [d.field] : []));
  // Columns named elsewhere in the question attract values ("tracks composed by …" → the composer column).
  const named = parts.reading.free.flatMap((m) => {
    const f = pick(m, ["field"], t.ctx(m, "any"));
    return f?.type === "field" ? [{ entity: f.entity, field: f.field }] : [];
  });
  for (const v of all("value")) {
    const ctx = t.ctx(v.item, "dimension");
    ctx.avoid = grouped;
    ctx.preferred = [...(ctx.preferred ?? []), ...named];
    const target = pick(v.item, ["value"], ctx);
    if (target?.type !== "value") continue;
    const key = `${target.entity}.${target.field}.${v.negate}`;
    const group = values.get(key) ?? { field: { entity: target.entity, field: target.field }, negate: v.negate, values: [] };
    for (const value of target.values ?? [target.value]) if (!group.values.includes(value)) group.values.push(value);
    values.set(key, group);
    parts.understood.push(`${v.negate ? "not " : ""}${target.value} (${target.entity}.${target.field})`);
  }
  // "report to Andrew Adams": a reference back to the same table, with the named row's values.
  const selfItem = parts.reading.free.find((m) => {
    const x = pick(m, ["field"], t.ctx(m, "any"));
    return x?.type === "field" && lexicon.model.joins.some((j) => j.from === x.entity && j.to === x.entity && j.fromColumns[0] === x.field);
  });
  const selfRef = selfItem ? pick(selfItem, ["field"], t.ctx(selfItem, "any")) : undefined;
  // "the manager of Nancy": the row pointed at; "who reports to Nancy": the rows pointing.
  const selfAfter = selfItem ? parts.reading.items[parts.reading.items.indexOf(selfItem) + 1] : undefined;
  const reverse = selfAfter?.kind === "cue" && selfAfter.cue.type === "of";
  const via: Filter[] = [];
  for (const g of values.values()) {
    const op = g.values.length > 1 ? (g.negate ? "not_in" : "in") : g.negate ? "!=" : "=";
    const filter: Filter = { kind: "compare", field: g.field, op, values: g.values };
    if (selfRef?.type === "field" && g.field.entity === selfRef.entity && !g.negate) via.push(filter);
    else parts.filters.push(filter);
  }
  if (selfRef?.type === "field" && via.length > 0) parts.filters.push({ kind: "via", field: { entity: selfRef.entity, field: selfRef.field }, where: via, ...(reverse ? { reverse } : {}) });
  for (const f of all("flag")) {
    const ref = t.field(f.item, "dimension");
    if (ref) parts.filters.push({ kind: "compare", field: ref, op: "=", values: [flagValue(parts, ref, !f.negate)] });
  }
  for (const n of all("null")) {
    const ref = t.field(n.item, "any");
    if (ref) parts.filters.push({ kind: "compare", field: ref, op: n.op, values: [] });
  }
  for (const h of all("has")) {
    const ref = t.field(h.item, "any");
    if (!ref) continue;
    // Amounts are "had" when above zero; other columns when filled in.
    const measure = fieldOf(lexicon, { type: "field", ...ref })?.role === "measure";
    if (measure) parts.filters.push({ kind: "compare", field: ref, op: h.negate ? "=" : ">", values: [0] });
    else parts.filters.push({ kind: "compare", field: ref, op: h.negate ? "is_null" : "not_null", values: [] });
  }
  for (const r of all("related")) {
    const other = t.entity(r.item);
    const subject = parts.rowEntity ?? t.subject;
    const key = subject ? lexicon.entities.get(subject)?.primaryKey : undefined;
    if (!other || !subject || other === subject || !key || key.length !== 1) continue;
    parts.filters.push({ kind: "related", field: { entity: subject, field: key[0]! }, entity: other, exists: !r.negate });
  }
  for (const v of all("versus")) {
    const subject = parts.rowEntity ?? t.subject;
    const ref = v.target ? t.field(v.target, "measure") : v.noun && subject ? fieldForNoun(lexicon, subject, v.noun) : undefined;
    if (ref) parts.filters.push({ kind: "versus", field: ref, op: v.op, agg: v.agg });
  }
  for (const c of all("columns")) {
    const left = t.field(c.left, "any");
    const right = left ? t.field(c.right, "any") : undefined;
    if (left && right) parts.filters.push({ kind: "columns", field: left, op: c.op, other: right });
  }
  for (const n of all("named")) {
    const entity = t.entity(n.item);
    const label = entity ? lexicon.entities.get(entity)?.labelFields[0] : undefined;
    if (entity && label) parts.filters.push({ kind: "compare", field: { entity, field: label }, op: "=", values: [n.text] });
  }
  for (const k of all("key")) {
    const entity = t.entity(k.item);
    const key = entity ? lexicon.entities.get(entity)?.primaryKey : undefined;
    if (!entity || !key || key.length !== 1) continue;
    parts.filters.push({ kind: "compare", field: { entity, field: key[0]! }, op: "=", values: [k.value] });
  }
  for (const l of all("late")) {
    const subject = parts.rowEntity ?? t.subject;
    const e = subject ? lexicon.entities.get(subject) : undefined;
    const due = e?.fields.find((f) => f.role === "time" && /required|due|deadline|expected|promised/.test(f.name.toLowerCase()));
    const done = l.hint ? t.field(l.hint, "time") : undefined;
    const actual = done && done.entity === e?.name ? done : e?.fields.find((f) => f.role === "time" && f !== due && /ship|deliver|complet|close|finish|resolv|paid|return/.test(f.name.toLowerCase()));
    if (!e || !due || !actual) continue;
    const ref = "field" in actual ? actual : { entity: e.name, field: actual.name };
    parts.filters.push({ kind: "columns", field: ref, op: ">", other: { entity: e.name, field: due.name } });
  }
  for (const q of all("quoted")) {
    const entity = parts.rowEntity ?? t.subject;
    const e = entity ? lexicon.entities.get(entity) : undefined;
    const labelField = e?.labelFields[0];
    if (!e || !labelField) continue;
    const f = lexicon.fields.get(fieldKey(e.name, labelField));
    const exact = f?.values?.find((v) => v.toLowerCase() === q.text.toLowerCase());
    parts.filters.push({ kind: "compare", field: { entity: e.name, field: labelField }, op: exact ? "=" : "contains", values: [exact ?? q.text] });
  }
  // Time filters and buckets belong to what is measured ("revenue in 1997" → order date), else to the rows.
  const first = parts.measures[0];
  const timeOwner = (first ? measureEntityOf(lexicon, first) : undefined) ?? parts.rowEntity ?? t.subject ?? "";
  for (const time of all("time")) {
    if (time.expr.kind === "grain") continue;
    const ref = time.hint ? t.field(time.hint, "time") : timeFieldFor(lexicon, timeOwner);
    if (!ref) {
      parts.ignored.push(time.expr.label);
      continue;
    }
    parts.filters.push(timeFilter(time.expr, ref, lexicon.fields.get(fieldKey(ref.entity, ref.field)), now, lexicon.model.rules.fiscalYearStartMonth));
  }
  // Glossary terms that stand for filters.
  for (const m of parts.reading.free) {
    const g = m.entries.find((e) => e.target.type === "glossary");
    if (g?.target.type !== "glossary") continue;
    const maps = lexicon.model.glossary[g.target.index]?.maps;
    if (maps?.kind !== "filter") continue;
    const c = maps.condition;
    const values = c.value === undefined ? [] : Array.isArray(c.value) ? c.value : [c.value];
    parts.filters.push({ kind: "compare", field: { entity: maps.entity, field: c.field }, op: c.op, values });
  }
  // Group-by time grain without a grouping column: the subject's time field.
  if (parts.grain && !parts.dimensions.some((d) => d.kind === "field" && d.grain)) {
    const timeFilterField = parts.filters.find((f): f is Extract<Filter, { kind: "range" }> => f.kind === "range")?.field;
    const ref = timeFilterField ?? timeFieldFor(lexicon, timeOwner);
    if (ref) parts.dimensions.unshift({ kind: "field", field: ref, grain: parts.grain });
  } else if (parts.grain) {
    for (const d of parts.dimensions) if (d.kind === "field" && d.grain) d.grain = parts.grain;
  }
}

export function measureEntityOf(lexicon: Lexicon, m: Measure): string | undefined {
  return m.kind === "count" ? m.entity : m.kind === "field" ? m.field.entity : lexicon.model.metrics.find((x) => x.name === m.metric)?.entity;
}

export function dedupeDimensions(dims: Dimension[]): Dimension[] {
  return dims.filter((d, i) => dims.findIndex((x) => sameDimension(x, d)) === i);
}

export const sameRef = sameField;
