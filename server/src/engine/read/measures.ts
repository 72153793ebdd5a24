import type { Entity, Field } from "../../semantic/types.ts";
import { joinDistance, referencesUpward } from "../graph.ts";
import { phraseLemmas, type Lexicon } from "../lexicon/build.ts";
import type { FieldRef, Measure } from "../spec.ts";

const entityOf = (lexicon: Lexicon, name: string) => lexicon.entities.get(name);

/** The measure that stands for an entity as a whole ("average invoice" → its total). */
export function primaryMeasure(lexicon: Lexicon, entity: string, agg: "sum" | "avg" | "min" | "max"): Measure | undefined {
  const e = entityOf(lexicon, entity);
  if (!e) return undefined;
  const measures = e.fields.filter((f) => f.role === "measure");
  const pick = measures.find((f) => f.money && f.aggregation === "sum") ?? measures.find((f) => f.money) ?? measures.find((f) => f.aggregation === "sum");
  if (pick) return { kind: "field", agg, field: { entity, field: pick.name } };
  const metric = lexicon.model.metrics.find((m) => m.entity === entity);
  if (metric && agg === "sum") return { kind: "metric", metric: metric.name };
  return undefined;
}

const AMOUNT = /(total|amount|value|revenue|sales|subtotal|price)/;

/**
 * A metric on the detail rows of an entity that has no amount of its own
 * (orders without a total, whose lines carry price × quantity).
 */
export function childMetric(lexicon: Lexicon, entity: string): string | undefined {
  const e = entityOf(lexicon, entity);
  if (!e || e.fields.some((f) => f.role === "measure" && f.money && AMOUNT.test(f.name.toLowerCase()))) return undefined;
  const metric = lexicon.model.metrics.find((m) => m.entity !== entity && referencesUpward(lexicon.model, m.entity, entity));
  return metric?.name;
}

/** The quantity column of the lines that carry a sales metric ("units sold"), if any. */
export function soldQuantity(lexicon: Lexicon): FieldRef | undefined {
  for (const m of lexicon.model.metrics) {
    const qty = entityOf(lexicon, m.entity)?.fields.find((f) => f.role === "measure" && (/quantit|qty/.test(f.name.toLowerCase()) || f.name.toLowerCase() === "units"));
    if (qty) return { entity: m.entity, field: qty.name };
  }
  return undefined;
}

/** The money the rows of an entity are worth: their own amount column, else what their lines add up to. */
export function amountMeasure(lexicon: Lexicon, entity: string): Measure | undefined {
  const own = entityOf(lexicon, entity)?.fields.find((f) => f.role === "measure" && f.money && AMOUNT.test(f.name.toLowerCase()));
  if (own) return { kind: "field", agg: "sum", field: { entity, field: own.name } };
  const metric = lexicon.model.metrics.find((m) => m.entity === entity) ?? (childMetric(lexicon, entity) ? { name: childMetric(lexicon, entity)! } : undefined);
  if (metric) return { kind: "metric", metric: metric.name };
  return primaryMeasure(lexicon, entity, "sum");
}

/** How much an entity looks like a table of events or transactions. */
function factScore(lexicon: Lexicon, e: Entity): number {
  let score = 0;
  if (lexicon.model.metrics.some((m) => m.entity === e.name)) score += 3;
  if (e.fields.some((f) => f.role === "measure" && f.money)) score += 1;
  if (e.fields.some((f) => f.role === "measure" && /quantit|qty/.test(f.name.toLowerCase()))) score += 1;
  if (e.defaultTimeField) score += 1;
  if (e.bridge) score -= 5;
  return score;
}

/**
 * "Most popular X", "best-selling X": counts (or sums the quantity of) the
 * most transaction-like table that points at X.
 */
export function popularityMeasure(lexicon: Lexicon, x: string, sold: boolean): Measure | undefined {
  let best: { e: Entity; score: number } | undefined;
  for (const e of lexicon.model.entities) {
    if (e.name === x || !referencesUpward(lexicon.model, e.name, x)) continue;
    const score = factScore(lexicon, e) - 0.1 * joinDistance(lexicon.model, e.name, x);
    if (!best || score > best.score) best = { e, score };
  }
  if (!best) return undefined;
  if (sold) {
    const qty = best.e.fields.find((f) => f.role === "measure" && /quantit|qty/.test(f.name.toLowerCase()));
    if (qty) return { kind: "field", agg: "sum", field: { entity: best.e.name, field: qty.name } };
  }
  return { kind: "count", entity: best.e.name };
}

/**
 * "Tracks sold", "products ordered": the units of the transaction lines that point straight at
 * the entity, when it is what the lines sell (not who buys, which is further away).
 */
export function unitsSold(lexicon: Lexicon, entity: string): Measure | undefined {
  const m = popularityMeasure(lexicon, entity, true);
  return m?.kind === "field" && joinDistance(lexicon.model, m.field.entity, entity) === 1 ? m : undefined;
}

/**
 * "The most common media type": how many rows point at each one directly
 * (tracks of a media type), rather than how often it is bought.
 */
export function frequencyMeasure(lexicon: Lexicon, x: string): Measure | undefined {
  const direct = lexicon.model.entities
    .filter((e) => e.name !== x && !e.bridge && lexicon.model.joins.some((j) => j.from === e.name && j.to === x))
    .sort((a, b) => b.rowCount - a.rowCount)[0];
  return direct ? { kind: "count", entity: direct.name } : popularityMeasure(lexicon, x, false);
}

/** Words each field answers to, as stems (for adjective nouns like "length" or "price"). */
function fieldStems(f: Field): Set<string> {
  return new Set([f.label, ...f.synonyms, ...f.extraSynonyms].flatMap((s) => phraseLemmas(s)));
}

/**
 * The field of `entity` (or of the entities it references) that a noun such
 * as "price", "length" or "birth date" names; for "date", its default time field.
 */
export function fieldForNoun(lexicon: Lexicon, entity: string, noun: string): FieldRef | undefined {
  const e = entityOf(lexicon, entity);
  if (!e) return undefined;
  if (noun === "date") {
    if (e.defaultTimeField) return { entity, field: e.defaultTimeField };
    return undefined;
  }
  const stems = phraseLemmas(noun);
  const matches = (f: Field) => {
    const own = fieldStems(f);
    return stems.every((s) => own.has(s));
  };
  const usable = (f: Field) => f.role === "measure" || f.role === "time";
  const own = e.fields.find((f) => usable(f) && matches(f));
  if (own) return { entity, field: own.name };
  if (noun === "price") {
    const money = e.fields.find((f) => f.role === "measure" && f.money);
    if (money) return { entity, field: money.name };
  }
  return undefined;
}

/** The field a noun names on a table that points at `entity` (a track's price for "expensive album"). */
export function fieldForNounBelow(lexicon: Lexicon, entity: string, noun: string): FieldRef | undefined {
  for (const e of lexicon.model.entities) {
    if (e.name === entity || e.bridge || !referencesUpward(lexicon.model, e.name, entity) || joinDistance(lexicon.model, e.name, entity) > 1) continue;
    const f = fieldForNoun(lexicon, e.name, noun);
    if (f && lexicon.entities.get(f.entity)?.fields.find((x) => x.name === f.field)?.role === "measure") return f;
  }
  return undefined;
}

/** The time field for "per month" / "in 2024" about an entity: its own, else the nearest entity's. */
export function timeFieldFor(lexicon: Lexicon, entity: string): FieldRef | undefined {
  const e = entityOf(lexicon, entity);
  if (e?.defaultTimeField) return { entity, field: e.defaultTimeField };
  let best: { ref: FieldRef; score: number } | undefined;
  for (const other of lexicon.model.entities) {
    if (!other.defaultTimeField || other.name === entity) continue;
    const d = joinDistance(lexicon.model, entity, other.name);
    if (d === Infinity) continue;
    // The dates of business events (orders, invoices) first, nearest first; what the rows point at breaks ties.
    const up = referencesUpward(lexicon.model, entity, other.name);
    const score = factScore(lexicon, other) - d + (up ? 0.5 : 0);
    if (!best || score > best.score) best = { ref: { entity: other.name, field: other.defaultTimeField }, score };
  }
  return best?.ref;
}

const PEOPLE = ["employee", "staff", "worker", "person", "member", "agent", "user"];

/** The table of people a headcount counts (employees before members before users). */
export function personEntity(lexicon: Lexicon): string | undefined {
  for (const word of PEOPLE) {
    const e = lexicon.model.entities.find((x) => !x.bridge && [x.label, ...x.synonyms].some((s) => s.toLowerCase().split(" ").includes(word)));
    if (e) return e.name;
  }
  return undefined;
}

/** The table a measure is computed on. */
export function measureEntityOf(lexicon: Lexicon, m: Measure): string | undefined {
  return m.kind === "count" ? m.entity : m.kind === "field" ? m.field.entity : lexicon.model.metrics.find((x) => x.name === m.metric)?.entity;
}
