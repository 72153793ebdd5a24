import type { SemanticModel } from "../../semantic/types.ts";
import type { Item } from "../lexicon/segment.ts";
import { specEntitiesIn, type FieldRef, type Filter, type QuerySpec } from "../spec.ts";
import { ABBREVIATIONS } from "../../semantic/thesaurus.ts";
import { joinDistance } from "../graph.ts";
import { isFunctionWord } from "../text/function-words.ts";
import { stem } from "../text/stem.ts";
import type { Reading } from "./intents.ts";

/** Content words of a question the answer does not account for, as written ("shoe_size"). */
export interface UnreadPhrase {
  text: string;
  words: string[];
  /** What it stands for, by the word before it: something to measure ("average shoe_size") or rows to count ("how many spaceships"). */
  wants?: "measure" | "rows";
  /** A period ("in 2023") that no date column of the answer's tables can take. */
  period?: boolean;
}

function filterFields(f: Filter): FieldRef[] {
  const out = [f.field];
  if (f.kind === "columns") out.push(f.other);
  if (f.kind === "related" || f.kind === "via") out.push(...(f.where ?? []).flatMap(filterFields));
  if (f.kind === "ranked") out.push(...specFields(f.ranking));
  return out;
}

/** Every column a spec reads. */
function specFields(spec: QuerySpec): FieldRef[] {
  const out: FieldRef[] = [];
  for (const m of spec.measures) if (m.kind === "field") out.push(m.field, ...(m.since ? [m.since] : []), ...(m.times ? [m.times] : []));
  for (const d of spec.dimensions) if (d.kind === "field") out.push(d.field);
  for (const f of [...spec.filters, ...(spec.shareOf ?? [])]) out.push(...filterFields(f));
  out.push(...spec.columns);
  for (const o of spec.order) if (o.by.kind === "field") out.push(o.by.field);
  return out;
}

const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+|(?<=\p{Ll})(?=\p{Lu})/u).filter(Boolean).map((w) => stem(w.toLowerCase()));

/**
 * Stems of the names of everything the spec uses — its tables, columns and
 * metrics with their labels and synonyms — and of the values it filters on:
 * a question word among them names part of what the answer already reads
 * ("Italian food" for a filter on `food_type`).
 */
function usedTermStems(spec: QuerySpec, model: SemanticModel): string[] {
  const names: string[] = [];
  for (const name of specEntitiesIn(spec, model.metrics)) {
    const e = model.entities.find((x) => x.name === name);
    if (e) names.push(e.name, e.table, e.label, ...e.synonyms, ...e.extraSynonyms);
  }
  for (const ref of specFields(spec)) {
    const f = model.entities.find((x) => x.name === ref.entity)?.fields.find((x) => x.name === ref.field);
    if (f) names.push(f.name, f.label, ...f.synonyms, ...f.extraSynonyms);
  }
  for (const m of spec.measures) {
    const metric = m.kind === "metric" ? model.metrics.find((x) => x.name === m.metric) : undefined;
    if (metric) names.push(metric.name, metric.label, ...metric.synonyms);
  }
  for (const f of spec.filters) if (f.kind === "compare") names.push(...f.values.filter((v): v is string => typeof v === "string"));
  const stems = new Set<string>();
  for (const name of names) {
    const words = wordsOf(name);
    for (const w of words) stems.add(w);
    // "signups" for a `sign_up_date`: names run together.
    if (words.length > 1) stems.add(words.join(""));
  }
  return [...stems];
}

/**
 * Whether a word names part of a used term: the same stem, or one the start of the other
 * (4 letters at least); an abbreviation ("tx") by the words it stands for.
 */
function namesUsedTerm(word: string, stems: string[]): boolean {
  const lower = word.toLowerCase();
  const spelled = ABBREVIATIONS[lower]?.split(" ") ?? [lower];
  return spelled.every((part) => {
    const w = stem(part);
    return stems.some((s) => s === w || (Math.min(s.length, w.length) >= 4 && (s.startsWith(w) || w.startsWith(s))));
  });
}

/** Words of degree that a comparison in the answer states exactly ("low on stock, under 10 units"). */
const DEGREE = new Set(["low", "high", "big", "small", "large", "little", "long", "short", "cheap", "expensive", "few", "many", "much"].map(stem));

function hasComparison(spec: QuerySpec): boolean {
  return spec.having.length > 0 || spec.filters.some((f) => (f.kind === "compare" && [">", ">=", "<", "<="].includes(f.op)) || f.kind === "versus" || f.kind === "columns");
}

/** The question's own spelling of adjacent words ("shoe_size" for shoe, size). */
function asWritten(question: string, words: string[]): string {
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const m = new RegExp(escaped.join("[^\\p{L}\\p{N}]{1,3}"), "iu").exec(question);
  return m ? m[0] : words.join(" ");
}

/**
 * Content words the answer leaves out: words no rule read that are neither
 * function words (instructions, units, pronouns, verbs that only relate the
 * things named) nor part of a name the answer uses, and periods no date
 * column could take. Adjacent words make one phrase.
 */
export function unreadContent(question: string, reading: Reading, dropped: string[], spec: QuerySpec, model: SemanticModel): UnreadPhrase[] {
  const stems = usedTermStems(spec, model);
  const compared = hasComparison(spec);
  const content = (it: Item) => {
    if (it.kind === "number") return it.value !== 1;
    if (it.kind !== "word" || !/\p{L}/u.test(it.text) || isFunctionWord(it.text) || namesUsedTerm(it.text, stems)) return false;
    return !(compared && DEGREE.has(stem(it.text.toLowerCase())));
  };
  const phrases: UnreadPhrase[] = [];
  let run: Item[] = [];
  const close = () => {
    const words = run.map((it) => it.text);
    const text = asWritten(question, words);
    if (run.length > 0 && !phrases.some((p) => p.text.toLowerCase() === text.toLowerCase())) {
      const before = reading.items[reading.items.indexOf(run[0]!) - 1];
      const wants = before?.kind === "cue" && before.cue.type === "agg" ? "measure" : before?.kind === "cue" && before.cue.type === "count" ? "rows" : undefined;
      phrases.push({ text, words, ...(wants ? { wants } : {}) });
    }
    run = [];
  };
  let last = -2;
  for (const it of reading.unusedItems) {
    if (!content(it)) continue;
    const k = reading.items.indexOf(it);
    if (k !== last + 1) close();
    run.push(it);
    last = k;
  }
  close();
  // "countries with both lakes and rivers" answered from lakes alone: a table named that no chain of
  // references ties to the answer's tables, so nothing in the answer can stand for it.
  const used = specEntitiesIn(spec, model.metrics);
  for (const m of reading.free) {
    const best = m.entries.reduce((a, b) => (b.score > a.score ? b : a));
    if (best.target.type !== "entity" || used.length === 0) continue;
    const entity = best.target.entity;
    // The table's name as a noun ("rivers"), not a verb its stem shares ("cited" for `cite`).
    const e = model.entities.find((x) => x.name === entity);
    const nouns = e ? [e.name, e.label, ...e.synonyms, ...e.extraSynonyms].map((n) => n.toLowerCase()) : [];
    const text = m.text.toLowerCase();
    if (!nouns.some((n) => text === n || text === `${n}s` || text === `${n}es`)) continue;
    if (used.some((u) => Number.isFinite(joinDistance(model, u, entity))) || m.text.split(/\s+/).every((w) => namesUsedTerm(w, stems))) continue;
    if (!phrases.some((p) => p.text.toLowerCase() === m.text.toLowerCase())) phrases.push({ text: m.text, words: m.text.split(/\s+/) });
  }
  for (const label of new Set(dropped)) phrases.push({ text: label, words: [label], period: true });
  return phrases;
}
