import type { SemanticModel } from "../semantic/types.ts";
import { explain } from "./explain.ts";
import { joinDistance } from "./graph.ts";
import { editDistance } from "./lexicon/fuzzy.ts";
import type { ClarifyOption, PlanOutcome } from "./plan.ts";
import type { UnreadPhrase } from "./read/account.ts";
import type { QuerySpec } from "./spec.ts";
import { stem } from "./text/stem.ts";

/** A model term a user may have meant, as a user would write it. */
interface Term {
  text: string;
  /** What it is, for the message ("column of orders"). */
  kind: string;
  score: number;
}

function wordScore(a: string, b: string): number {
  const x = stem(a.toLowerCase());
  const y = stem(b.toLowerCase());
  if (x === y) return 1;
  if (Math.min(x.length, y.length) >= 4 && (x.startsWith(y.slice(0, 4)) || y.startsWith(x.slice(0, 4)))) return 0.6;
  const d = editDistance(x, y, 2);
  return d <= 2 && Math.min(x.length, y.length) >= 4 ? 0.5 - d * 0.1 : 0;
}

/** How close a phrase is to a term: the best match of each of its words, averaged. */
function closeness(words: string[], term: string): number {
  const termWords = term.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (termWords.length === 0) return 0;
  const best = words.map((w) => Math.max(0, ...termWords.map((t) => wordScore(w, t))));
  return best.reduce((a, b) => a + b, 0) / best.length;
}

/**
 * The model's terms closest to an unread phrase: tables, columns, metrics and
 * glossary terms by spelling; with none close, the measures and groupings of
 * the tables the answer uses, so the user sees what can be asked there.
 */
export function closestTerms(model: SemanticModel, phrase: UnreadPhrase, near: string[], max = 4): Term[] {
  const terms: Term[] = [];
  const entities = model.entities.filter((e) => !e.bridge);
  for (const e of entities) {
    terms.push({ text: e.label.toLowerCase(), kind: "table", score: Math.max(...[e.label, ...e.synonyms, ...e.extraSynonyms].map((s) => closeness(phrase.words, s))) });
    for (const f of e.fields) {
      if (f.role === "foreign_key") continue;
      const score = Math.max(...[f.label, ...f.synonyms, ...f.extraSynonyms].map((s) => closeness(phrase.words, s)));
      terms.push({ text: f.label.toLowerCase(), kind: `column of ${e.label.toLowerCase()}`, score: score + (near.includes(e.name) ? 0.05 : 0) });
    }
  }
  for (const m of model.metrics) terms.push({ text: m.label.toLowerCase(), kind: "metric", score: Math.max(...[m.label, ...m.synonyms].map((s) => closeness(phrase.words, s))) + 0.02 });
  for (const g of model.glossary) terms.push({ text: g.term, kind: "glossary term", score: Math.max(...[g.term, ...g.synonyms].map((s) => closeness(phrase.words, s))) + 0.02 });
  const seen = new Set<string>();
  const unique = (t: Term) => (seen.has(t.text) ? false : (seen.add(t.text), true));
  const close = terms.filter((t) => t.score >= 0.4).sort((a, b) => b.score - a.score).filter(unique);
  if (close.length > 0) return close.slice(0, max);
  // Nothing spelled alike: what can be measured (after "average", "total") or asked about near the tables of the answer.
  const distance = (entity: string) => Math.min(99, ...near.map((n) => joinDistance(model, n, entity)));
  const fallback: (Term & { distance: number })[] = [];
  if (phrase.wants === "rows") {
    for (const e of entities) fallback.push({ text: e.label.toLowerCase(), kind: "table", score: 0, distance: near.includes(e.name) ? 1 : 0 });
    return fallback.sort((a, b) => a.distance - b.distance).filter(unique).slice(0, max);
  }
  for (const m of model.metrics) fallback.push({ text: m.label.toLowerCase(), kind: "metric", score: 0, distance: distance(m.entity) - 0.5 });
  for (const e of entities) {
    for (const f of e.fields) {
      const wanted = phrase.wants === "measure" ? f.role === "measure" : f.role === "dimension" && !e.labelFields.includes(f.name);
      if (wanted) fallback.push({ text: f.label.toLowerCase(), kind: `column of ${e.label.toLowerCase()}`, score: 0, distance: distance(e.name) });
    }
  }
  return fallback.filter((t) => t.distance < 99).sort((a, b) => a.distance - b.distance).filter(unique).slice(0, max);
}

const quote = (s: string) => `“${s}”`;

/** The question with a phrase replaced by a term, whatever its case. */
function rephrase(question: string, phrase: string, term: string): string {
  const i = question.toLowerCase().indexOf(phrase.toLowerCase());
  return i < 0 ? question : `${question.slice(0, i)}${term}${question.slice(i + phrase.length)}`;
}

/**
 * A question with content words the engine could not read is asked back, not
 * answered: the message names the words and the closest terms of the model;
 * the options ask again with a term in place of a lone phrase (runnable
 * when that reads completely), and answer what was read, without the words.
 */
export function clarifyUnread(
  question: string,
  model: SemanticModel,
  unread: UnreadPhrase[],
  partial: QuerySpec,
  near: string[],
  replan: (question: string) => PlanOutcome,
): Extract<PlanOutcome, { kind: "clarify" }> {
  const first = unread[0]!;
  const terms = first.period ? [] : closestTerms(model, first, near);
  const words = unread.map((p) => quote(p.text)).join(", ");
  const names = unread.filter((p) => !p.period).map((p) => quote(p.text));
  const periods = unread.filter((p) => p.period).map((p) => quote(p.text));
  const what = [
    ...(names.length > 0 ? [`This data has nothing I can match to ${names.join(", ")}`] : []),
    ...(periods.length > 0 ? [`${names.length > 0 ? "and n" : "N"}o date column of ${near.map((e) => model.entities.find((x) => x.name === e)?.label.toLowerCase() ?? e).join(", ")} can take ${periods.join(", ")}`] : []),
  ].join(" ");
  const closest = terms.length > 0 ? ` The closest terms it has: ${terms.map((t) => `${t.text} (${t.kind})`).join(", ")}.` : "";
  const options: ClarifyOption[] = [];
  // With several unknown phrases, putting a term in place of one still leaves the others unread.
  for (const term of unread.length === 1 ? terms : []) {
    const resolvedQuestion = rephrase(question, first.text, term.text);
    if (resolvedQuestion === question) continue;
    const outcome = replan(resolvedQuestion);
    if (outcome.kind === "query" && JSON.stringify(outcome.spec) === JSON.stringify(partial)) continue;
    options.push({ label: resolvedQuestion, resolvedQuestion, ...(outcome.kind === "query" ? { spec: outcome.spec } : {}) });
  }
  options.push({ label: `Answer without ${words}: ${explain(partial, model).split(". ")[0]!.replace(/\.$/, "")}`, spec: partial });
  return {
    kind: "clarify",
    unread: unread.map((p) => p.text),
    message: `${what}, so I did not answer a different question.${closest} ${terms.length > 0 ? "Which did you mean?" : "Rephrase it, or pick the answer without it."}`,
    options,
  };
}
