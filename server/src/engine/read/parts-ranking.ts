import type { Measure } from "../spec.ts";
import { sameMeasure } from "../spec.ts";
import { childMetric, fieldForNoun, fieldForNounBelow, frequencyMeasure, popularityMeasure, primaryMeasure, unitsSold } from "./measures.ts";
import type { All, Parts, PendingOrder } from "./parts.ts";
import { fieldOf, hasFieldRole, pick, type MentionItem } from "./resolve.ts";
import type { Targets } from "./targets.ts";

export function readRanking(
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
    // "the longest song length in each genre": the largest value per group, not a ranking of groups.
    const valueItem = s.target ?? (s.noun ? parts.reading.free.find((m) => !used.has(m) && hasFieldRole(m, lexicon, "measure") && !t.namesEntity(m)) : undefined);
    if (all("group").length > 0 && !top && valueItem && !t.namesEntity(valueItem) && hasFieldRole(valueItem, lexicon, "measure")) {
      const agg = s.dir === "desc" ? "max" : "min";
      const m = t.measure(valueItem, agg);
      if (m?.kind === "field") {
        parts.measures.push({ ...m, agg });
        used.add(valueItem);
        continue;
      }
    }
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
      // "Who has been with the company the longest?": the one table with such a column.
      const holders = [...lexicon.entities.keys()].filter((e) => fieldForNoun(lexicon, e, s.noun!) !== undefined);
      const x = ranked ?? xEntity ?? t.subject ?? (holders.length === 1 ? holders[0] : undefined);
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
      // "the most expensive product in each category": per category, the products at the top.
      const groupEntity = all("group").map((g) => (t.namesEntity(g.target) ? t.entity(g.target) : undefined)).find((e) => e !== undefined && e !== x);
      const link = f && groupEntity ? lexicon.model.joins.find((j) => j.from === f.entity && j.to === groupEntity && j.fromColumns.length === 1) : undefined;
      if (f && groupEntity && link && !top) {
        parts.filters.push({ kind: "versus", field: f, op: "=", agg: s.dir === "desc" ? "max" : "min", within: [link.fromColumns[0]!] });
        parts.perGroupOf = groupEntity;
        parts.rowEntity = f.entity;
        parts.columns.push(f);
        if (xItem) used.add(xItem);
        continue;
      }
      if (f) {
        setOrder({ kind: "field", field: f, dir: s.dir });
        parts.limit = limit;
        if (!ranked && !xEntity && !t.subject) {
          parts.rowEntity = f.entity;
          t.subject = f.entity;
        }
        // "Which supplier has the most expensive product?": list the product, naming its supplier.
        if (ranked && xEntity && ranked !== xEntity) {
          for (const l of lexicon.entities.get(xEntity)?.labelFields ?? []) parts.columns.push({ entity: xEntity, field: l });
          parts.rowEntity = ranked;
        }
        if (xItem) used.add(xItem);
      }
      continue;
    }
    // "Which media format sold the most units?": units sold of each.
    const soldOf = !s.target && parts.sold && !parts.measures[0] && xEntity ? popularityMeasure(lexicon, xEntity, true) : undefined;
    if (soldOf) {
      parts.measures.push(soldOf);
      groupByX();
      setOrder({ kind: "measure", measure: soldOf, dir: s.dir });
      parts.limit = limit;
      continue;
    }
    if (!s.target) {
      // "Which customers ordered the most?": the verb names the events to count.
      const verb = !parts.measures[0] ? parts.reading.free.find((m) => /ed$/i.test(m.text) && m.entries.some((e) => e.target.type === "entity")) : undefined;
      const verbEntity = verb ? verb.entries.find((e) => e.target.type === "entity")?.target : undefined;
      if (verbEntity?.type === "entity" && verbEntity.entity !== xEntity) {
        used.add(verb!);
        parts.measures.push({ kind: "count", entity: verbEntity.entity });
      }
      // "Who earns the most?": a column named by a verb ranks the rows that hold it.
      const amount = !parts.measures[0] ? parts.reading.free.find((m) => !used.has(m) && hasFieldRole(m, lexicon, "measure") && !t.namesEntity(m)) : undefined;
      const field = amount ? t.field(amount, "measure") : undefined;
      if (amount && field && (!xEntity || xEntity === field.entity) && !xGrain) {
        used.add(amount);
        setOrder({ kind: "field", field, dir: s.dir });
        parts.limit = limit;
        parts.rowEntity = field.entity;
        continue;
      }
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
    // "the biggest order": orders with no amount of their own are as big as their lines add up to.
    const perRow = entity && ((!xItem && !xGrain) || entity === xEntity) ? childMetric(lexicon, entity) : undefined;
    if (entity && perRow) {
      const m: Measure = { kind: "metric", metric: perRow };
      parts.measures.push(m);
      if (!parts.dimensions.some((d) => d.kind === "entity" && d.entity === entity)) parts.dimensions.push({ kind: "entity", entity });
      setOrder({ kind: "measure", measure: m, dir: s.dir });
      parts.limit = limit;
      if (xItem) used.add(xItem);
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
      // "Which genre sold the most tracks?": units sold, not the catalogue.
      const m: Measure = (parts.sold ? unitsSold(lexicon, entity) : undefined) ?? { kind: "count", entity };
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
      // "Which city has the highest-rated restaurant?": the group of the top row, so its largest value, not its average.
      const after = parts.reading.items[parts.reading.items.indexOf(s.target) + 1];
      const ofRow = m.kind === "field" && after?.kind === "mention" && t.namesEntity(after) && t.entity(after) === m.field.entity;
      const ranked: Measure = ofRow ? { ...m, agg: s.dir === "desc" ? "max" : "min" } : m;
      parts.measures.push(ranked);
      groupByX();
      setOrder({ kind: "measure", measure: ranked, dir: s.dir });
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
      const m: Measure = (parts.sold ? unitsSold(lexicon, entity) : undefined) ?? { kind: "count", entity };
      if (entity !== xEntity) {
        parts.measures.push(m);
        groupByX();
      }
      setOrder({ kind: "measure", measure: m, dir: "desc" });
      continue;
    }
    const label = pick(s.target, ["label", "field", "metric", "entity"], t.ctx(s.target, "any"));
    // "sorted by name": whatever names the rows.
    if (label?.type === "label" || (label?.type === "entity" && !s.count) || /^names?$/i.test(s.target.text)) {
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
    // "top 3 vessels by tonnage": the top of a column is its largest values, whatever "by" sorts by alone.
    if (parts.order?.kind === "field" && all("dir").length === 0 && all("superlative").length === 0) parts.order.dir = top.dir;
    setOrder({ kind: "first", dir: top.dir });
    if (xItem && parts.measures.length > 0 && all("group").length === 0) groupByX();
  }
  const dir = all("dir")[0]?.dir;
  // "What are the longest rivers, from longest to shortest?": a stated order makes the
  // superlative a sorted list of all of them, not the one at the top ("top 3" still keeps 3).
  if (dir && !top && all("superlative").length > 0 && parts.limit === 1) delete parts.limit;
  if (dir) {
    if (parts.order) parts.order.dir = dir;
    else parts.order = { kind: "first", dir };
  }
  if (all("alpha").length > 0) parts.order = { kind: "label", dir: "asc" };
}
