import { singularize } from "../../semantic/inflect.ts";
import type { Entity, Field, SemanticModel } from "../../semantic/types.ts";
import { tokenize } from "../text/tokenize.ts";
import { nameWords } from "../../semantic/names.ts";
import { synonymsOf } from "../../semantic/thesaurus.ts";
import { COMMON_WORDS } from "./common-words.ts";
import { countryAliases, regionValues, subdivisionAliases } from "./geo.ts";
import { DURATION_WORDS } from "../read/units.ts";

export type Target =
  | { type: "entity"; entity: string }
  | { type: "field"; entity: string; field: string }
  /** The name of an entity's rows ("artist name"): its label fields. */
  | { type: "label"; entity: string }
  /** A sampled value; `values` when a word stands for several ("Europe" → the European countries). */
  | { type: "value"; entity: string; field: string; value: string; values?: string[] }
  | { type: "metric"; metric: string }
  | { type: "glossary"; index: number };

export interface Entry {
  lemmas: string[];
  target: Target;
  /** 0–1: how sure a match of this phrase means this target. */
  score: number;
}

export interface Lexicon {
  model: SemanticModel;
  byFirst: Map<string, Entry[]>;
  /** Every stem that starts or continues an entry. */
  vocabulary: Set<string>;
  /** Stems of names and synonyms (not sampled values), by length, for typo correction. */
  vocabularyByLength: Map<number, string[]>;
  /** Stems that occur only in sampled values: corrected towards only for capitalised words. */
  valueVocabularyByLength: Map<number, string[]>;
  entities: Map<string, Entity>;
  fields: Map<string, Field>;
}

export const fieldKey = (entity: string, field: string) => `${entity}\u0000${field}`;

const lemmaCache = new Map<string, string[]>();

export function phraseLemmas(phrase: string): string[] {
  const hit = lemmaCache.get(phrase);
  if (hit) return hit;
  const lemmas = tokenize(phrase)
    .filter((t) => t.kind === "word" || t.kind === "number")
    .map((t) => t.lemma);
  if (lemmaCache.size > 200_000) lemmaCache.clear();
  lemmaCache.set(phrase, lemmas);
  return lemmas;
}

const SCORE = { user: 1, name: 1, qualified: 1.05, synonym: 0.9, reference: 0.85, generic: 0.7, partial: 0.55, synonymHead: 0.5, value: 0.95, commonValue: 0.35 };
/** Last words too generic to stand for a whole column name. */
const GENERIC_HEADS = new Set(["id", "name", "date", "code", "number", "type", "time", "at", "on", "description", "desc", "title"]);

/** Flags that mark rows as no longer in use, and what people say of the others. */
const ENDED_STATES = new Set(["discontinued", "retired", "obsolete", "archived", "deleted", "cancelled", "canceled", "inactive"]);
const STILL_GOING = ["still sell", "still sold", "still selling", "still available", "still offered", "still active", "in production"];

class Builder {
  readonly entries: Entry[] = [];
  private seen = new Set<string>();

  add(phrase: string, target: Target, score: number): void {
    const lemmas = phraseLemmas(phrase);
    if (lemmas.length === 0) return;
    const key = `${lemmas.join(" ")}\u0000${JSON.stringify(target)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.entries.push({ lemmas, target, score });
  }
}

function entityPhrases(e: Entity): { main: string[]; all: string[] } {
  const main = [e.label.toLowerCase(), ...e.extraSynonyms];
  return { main: [...new Set(main)], all: [...new Set([...main, ...e.synonyms])] };
}

function addEntity(b: Builder, e: Entity, entityNames: Set<string>): void {
  const target: Target = { type: "entity", entity: e.name };
  b.add(e.label, target, SCORE.name);
  b.add(e.table, target, SCORE.name);
  for (const s of e.extraSynonyms) b.add(s, target, SCORE.user);
  for (const s of e.synonyms) b.add(s, target, SCORE.synonym);
  const words = e.label.toLowerCase().split(" ");
  const head = words[words.length - 1]!;
  if (words.length > 1 && !entityNames.has(head) && !GENERIC_HEADS.has(head)) b.add(head, target, SCORE.partial);
  // "artist name", "name of the artist" (the latter through the parser's "of" rule).
  const label: Target = { type: "label", entity: e.name };
  for (const p of entityPhrases(e).all) {
    b.add(`${p} name`, label, SCORE.qualified);
    b.add(`${p} names`, label, SCORE.qualified);
  }
}

/**
 * A reference column names the row it points at: `support_rep_id` → "support
 * rep" means an employee, `reports_to` → "manager" too.
 */
function addReference(b: Builder, model: SemanticModel, e: Entity, f: Field): void {
  const join = model.joins.find((j) => j.from === e.name && j.fromColumns.length === 1 && j.fromColumns[0] === f.name);
  if (!join) return;
  // A reference to the same table ("reports_to" → manager) is only reachable through its column.
  const target: Target = join.to === e.name ? { type: "field", entity: e.name, field: f.name } : { type: "entity", entity: join.to };
  const referenced = model.entities.find((x) => x.name === join.to);
  const own = new Set((referenced ? [referenced.label, ...referenced.synonyms] : []).map((s) => s.toLowerCase()));
  for (const phrase of [f.label, ...f.synonyms, ...f.extraSynonyms]) {
    const words = phrase.toLowerCase().split(" ");
    const stripped = (words[words.length - 1] === "id" ? words.slice(0, -1) : words).join(" ");
    if (stripped && !own.has(stripped)) b.add(stripped, target, SCORE.reference);
  }
  // "support_rep_id": the role noun alone ("rep") and its other names ("sales rep", "representative").
  const words = nameWords(f.name).filter((w) => w !== "id");
  const head = words[words.length - 1];
  if (words.length > 1 && head && head.length > 2 && !ROLE_STOP.has(head) && !own.has(head)) {
    for (const p of [head, ...synonymsOf(head)]) if (!own.has(p)) b.add(p, target, SCORE.generic);
  }
}

/** Last words of reference columns that name no role ("ship_via", "reports_to", "parent_key"). */
const ROLE_STOP = new Set(["via", "to", "by", "for", "from", "key", "ref", "reference", "code", "number", "parent"]);

function addField(b: Builder, e: Entity, f: Field, tableWords: Set<string>): void {
  if (f.role === "foreign_key") return;
  if (f.role === "id") {
    // A lookup table's text key ("High", "ALFKI") is a value to link, not a word for the column.
    if (f.values) addValues(b, e, f);
    addKeyPhrases(b, e, f);
    return;
  }
  const target: Target = { type: "field", entity: e.name, field: f.name };
  b.add(f.label, target, SCORE.name);
  for (const s of f.extraSynonyms) b.add(s, target, SCORE.user);
  for (const s of f.synonyms) b.add(s, target, SCORE.synonym);
  const words = f.label.toLowerCase().split(" ");
  const head = words[words.length - 1]!;
  if (words.length > 1 && !GENERIC_HEADS.has(head)) b.add(head, target, SCORE.partial);
  // "country_name", "food_type": "by country", "each type of food" name the column. Not where
  // the words name a table ("lake_name", "customer_desc") or the rows themselves (a naming column
  // such as "company_name": "companies" are the rows).
  if (words.length > 1 && GENERIC_HEADS.has(head) && !e.labelFields.includes(f.name)) {
    const rest = words.slice(0, -1).join(" ");
    if (!tableWords.has(singularize(rest))) b.add(rest, target, SCORE.partial);
    b.add(`${head} of ${rest}`, target, SCORE.name);
  }
  for (const syn of f.synonyms) {
    const w = syn.split(" ");
    const last = w[w.length - 1]!;
    if (w.length === 2 && !GENERIC_HEADS.has(last)) b.add(last, target, SCORE.synonymHead);
  }
  // "customer country", "invoice total": the entity's words before the field's.
  // Time columns' verb forms ("shipped", "hired") are not qualified: "orders shipped" is about orders.
  const verbForm = (p: string) => f.role === "time" && !p.includes(" ") && !["date", "time", "day", "timestamp"].includes(p);
  const phrases = [f.label.toLowerCase(), ...f.synonyms.slice(0, 6), ...f.extraSynonyms].filter((p) => !verbForm(p));
  for (const ep of entityPhrases(e).all.slice(0, 8)) {
    for (const fp of phrases) if (!fp.startsWith(`${ep} `)) b.add(`${ep} ${fp}`, target, SCORE.qualified);
  }
  if (f.values && !f.flag) addValues(b, e, f);
  // "products we still sell": the flag of an ended state, off.
  if (f.flag && (f.type === "boolean" || f.type === "integer") && nameWords(f.name).some((w) => ENDED_STATES.has(w))) {
    for (const p of STILL_GOING) b.add(p, { type: "value", entity: e.name, field: f.name, value: f.type === "boolean" ? "false" : "0" }, SCORE.value);
  }
  // "minutes of music" names a milliseconds column by its unit.
  if (f.role === "measure" && nameWords(f.name).some((w) => DURATION_WORDS.includes(w))) {
    for (const w of DURATION_WORDS) if (w.length > 3) b.add(w, target, SCORE.partial);
  }
}

/**
 * "customer IDs", "the id of each ticker": the key column, named only with its table's
 * words (a bare "id" could be any table's).
 */
function addKeyPhrases(b: Builder, e: Entity, f: Field): void {
  if (e.primaryKey.length !== 1) return;
  const target: Target = { type: "field", entity: e.name, field: f.name };
  for (const ep of entityPhrases(e).all.slice(0, 8)) {
    b.add(`${ep} id`, target, SCORE.qualified);
    b.add(`id of ${ep}`, target, SCORE.qualified);
  }
}

function addValues(b: Builder, e: Entity, f: Field): void {
  if (nameWords(f.name).some((w) => ["state", "province", "region", "abbr", "code"].includes(w))) {
    const aliases = subdivisionAliases(f.values ?? []);
    for (const a of aliases) b.add(a.phrase, { type: "value", entity: e.name, field: f.name, value: a.value }, SCORE.value);
    // A "region" column holding states or provinces is what people call the state.
    if (aliases.length >= 3 && nameWords(f.name).includes("region")) {
      for (const word of ["state", "province"]) {
        b.add(f.label.toLowerCase().replace(/\bregion\b/, word), { type: "field", entity: e.name, field: f.name }, SCORE.reference);
        b.add(word, { type: "field", entity: e.name, field: f.name }, SCORE.generic);
      }
    }
  }
  if (nameWords(f.name).some((w) => w === "country" || w === "nation")) {
    for (const r of regionValues(f.values ?? [])) b.add(r.phrase, { type: "value", entity: e.name, field: f.name, value: r.phrase, values: r.values }, SCORE.value);
    for (const a of countryAliases(f.values ?? [])) b.add(a.phrase, { type: "value", entity: e.name, field: f.name, value: a.value }, SCORE.value);
  }
  for (const value of f.values ?? []) {
    const lemmas = phraseLemmas(value);
    if (lemmas.length === 0) continue;
    const target: Target = { type: "value", entity: e.name, field: f.name, value };
    const common = lemmas.length === 1 && (COMMON_WORDS.has(lemmas[0]!) || lemmas[0]!.length < 2);
    b.add(value, target, common ? SCORE.commonValue : SCORE.value);
    // "Rock genre", "the Jazz genre": the value followed by its column or table name.
    for (const p of [f.label.toLowerCase(), ...entityPhrases(e).main]) b.add(`${value} ${p}`, target, SCORE.qualified);
  }
}

/** Words for people, given to the table that holds them (see `personEntity`). */
const PEOPLE_WORDS = ["people", "person", "persons", "individuals", "headcount"];

/** Words people use for "the business events" whatever the table is called. */
const TRANSACTION_WORDS = ["purchase", "purchases", "order", "orders", "transaction", "transactions", "booking", "bookings"];

/** The table of business events: dated, with an amount or with priced lines pointing at it. */
function transactionEntity(model: SemanticModel): Entity | undefined {
  let best: { e: Entity; score: number } | undefined;
  for (const e of model.entities) {
    if (!e.defaultTimeField || e.bridge) continue;
    let score = 0;
    if (e.fields.some((f) => f.role === "measure" && f.money)) score += 2;
    if (model.metrics.some((m) => model.joins.some((j) => j.from === m.entity && j.to === e.name))) score += 2;
    if (model.joins.some((j) => j.from === e.name)) score += 1;
    if (!best || score > best.score) best = { e, score };
  }
  return best && best.score >= 3 ? best.e : undefined;
}

function personTable(model: SemanticModel): string | undefined {
  for (const word of ["employee", "staff", "worker", "person", "member", "user"]) {
    const e = model.entities.find((x) => !x.bridge && [x.label, ...x.synonyms].some((s) => s.toLowerCase().split(" ").includes(word)));
    if (e) return e.name;
  }
  return undefined;
}

const cache = new WeakMap<SemanticModel, Lexicon>();
/** Models are often re-read from JSON for each request: equal content reuses the lexicon too. */
const byContent = new Map<string, Lexicon>();
const CONTENT_CACHE_SIZE = 32;

function fingerprint(model: SemanticModel): string {
  const text = JSON.stringify(model);
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${text.length}:${(h1 >>> 0).toString(36)}:${(h2 >>> 0).toString(36)}`;
}

/** The lexicon of a model, built once per model (by object, then by content). */
export function lexiconOf(model: SemanticModel): Lexicon {
  const hit = cache.get(model);
  if (hit) return hit;
  const key = fingerprint(model);
  const same = byContent.get(key);
  if (same) {
    const lexicon = { ...same, model };
    cache.set(model, lexicon);
    return lexicon;
  }
  const built = buildLexicon(model);
  byContent.set(key, built);
  if (byContent.size > CONTENT_CACHE_SIZE) byContent.delete(byContent.keys().next().value!);
  cache.set(model, built);
  return built;
}

function buildLexicon(model: SemanticModel): Lexicon {
  const b = new Builder();
  const entityNames = new Set(model.entities.map((e) => singularize(e.label.toLowerCase())));
  const tableWords = new Set([...entityNames, ...model.entities.flatMap((e) => [e.table, ...e.synonyms].map((s) => singularize(s.toLowerCase())))]);
  const entities = new Map<string, Entity>();
  const fields = new Map<string, Field>();
  for (const e of model.entities) {
    entities.set(e.name, e);
    addEntity(b, e, entityNames);
    for (const f of e.fields) {
      fields.set(fieldKey(e.name, f.name), f);
      if (f.role === "foreign_key") addReference(b, model, e, f);
      else addField(b, e, f, tableWords);
    }
  }
  for (const m of model.metrics) {
    const target: Target = { type: "metric", metric: m.name };
    b.add(m.name.replace(/_/g, " "), target, SCORE.name);
    b.add(m.label, target, SCORE.name);
    for (const s of m.synonyms) b.add(s, target, m.origin === "user" ? SCORE.user : SCORE.synonym);
  }
  model.glossary.forEach((g, index) => {
    const target: Target = { type: "glossary", index };
    b.add(g.term, target, SCORE.user);
    for (const s of g.synonyms) b.add(s, target, SCORE.user);
  });

  const people = personTable(model);
  if (people) {
    const taken = new Set(b.entries.filter((e) => e.target.type === "entity").map((e) => e.lemmas.join(" ")));
    for (const w of PEOPLE_WORDS) if (!taken.has(phraseLemmas(w).join(" "))) b.add(w, { type: "entity", entity: people }, SCORE.generic);
  }
  // "units sold", "quantity sold": the quantity of the lines that carry a revenue metric.
  for (const m of model.metrics) {
    const e = model.entities.find((x) => x.name === m.entity);
    const qty = e?.fields.find((f) => f.role === "measure" && (/quantit|qty/.test(f.name.toLowerCase()) || f.name.toLowerCase() === "units"));
    if (!e || !qty) continue;
    for (const w of ["units sold", "quantity sold", "items sold", "sold units", "sold quantity", "number of units sold", "units ordered", "quantity ordered"]) {
      b.add(w, { type: "field", entity: e.name, field: qty.name }, SCORE.value);
    }
  }
  // "purchases" in a database of invoices: the generic words go to the transaction table when no table owns them.
  const transaction = transactionEntity(model);
  if (transaction) {
    const taken = new Set(b.entries.filter((e) => e.target.type === "entity").map((e) => e.lemmas.join(" ")));
    for (const w of TRANSACTION_WORDS) {
      if (!taken.has(phraseLemmas(w).join(" "))) b.add(w, { type: "entity", entity: transaction.name }, SCORE.generic);
    }
  }

  const byFirst = new Map<string, Entry[]>();
  const vocabulary = new Set<string>();
  for (const entry of b.entries) {
    const first = entry.lemmas[0]!;
    const list = byFirst.get(first);
    if (list) list.push(entry);
    else byFirst.set(first, [entry]);
    for (const l of entry.lemmas) vocabulary.add(l);
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.lemmas.length - x.lemmas.length || y.score - x.score);
  const schemaWords = new Set(b.entries.filter((e) => e.target.type !== "value").flatMap((e) => e.lemmas));
  const vocabularyByLength = new Map<number, string[]>();
  const valueVocabularyByLength = new Map<number, string[]>();
  for (const word of vocabulary) {
    if (!/^[a-z]+$/.test(word)) continue;
    const index = schemaWords.has(word) ? vocabularyByLength : valueVocabularyByLength;
    const list = index.get(word.length);
    if (list) list.push(word);
    else index.set(word.length, [word]);
  }
  return { model, byFirst, vocabulary, vocabularyByLength, valueVocabularyByLength, entities, fields };
}
