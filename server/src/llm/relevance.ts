import type { Entity, Field, GlossaryTarget, SemanticModel } from "../semantic/types.ts";
import { contentWords, findPhrase, identifierWords, sameWord, textWords } from "./words.ts";

/**
 * How strongly a question points at each part of a semantic model: entity and
 * field names, labels and synonyms, sampled values, metrics and glossary
 * terms. Rare words weigh more than words every table shares ("id", "name").
 */
export interface Relevance {
  entities: Map<string, { score: number; reasons: string[] }>;
  /** Keyed `entity.field`. */
  fields: Map<string, { score: number; values: string[] }>;
  metrics: Map<string, number>;
  glossary: Map<string, number>;
}

/**
 * Words of analytical questions that name an operation or a time grain more
 * often than a column. They still match a column named exactly so ("total"),
 * but not as one scattered word of a longer name ("serial number").
 */
const GENERIC = new Set(
  "number count total sum average avg mean amount value year month week day date time quarter name id type code"
    .split(" "),
);

export const fieldKey = (entity: string, field: string) => `${entity}.${field}`;

interface Vocabulary {
  phrases: string[][];
  /** Content words of the description: weak evidence. */
  described: string[];
}

function phrasesOf(texts: string[], identifiers: string[]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const words of [...identifiers.map(identifierWords), ...texts.map(textWords)]) {
    const key = words.join(" ");
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(words);
  }
  return out;
}

function entityVocabulary(e: Entity): Vocabulary {
  return {
    phrases: phrasesOf([e.label, ...e.synonyms, ...e.extraSynonyms], [e.name, e.table]),
    described: contentWords(textWords(e.description ?? "")),
  };
}

function fieldVocabulary(f: Field): Vocabulary {
  return {
    phrases: phrasesOf([f.label, ...f.synonyms, ...f.extraSynonyms], [f.name]),
    described: contentWords(textWords(f.description ?? "")),
  };
}

/** Values worth linking: text with at least one real word (not "1", "Y", "true"). */
function linkableValues(f: Field): { value: string; words: string[] }[] {
  if (f.flag || !f.values) return [];
  return f.values
    .map((value) => ({ value, words: textWords(value) }))
    .filter((v) => v.value.length >= 2 && contentWords(v.words).some((w) => w.length >= 2) && !/^(true|false)$/i.test(v.value));
}

export function scoreQuestion(question: string, model: SemanticModel): Relevance {
  const words = textWords(question);
  const asked = new Set(contentWords(words));

  const entityVocab = new Map(model.entities.map((e) => [e.name, entityVocabulary(e)]));
  const fieldVocab = new Map(model.entities.flatMap((e) => e.fields.map((f) => [fieldKey(e.name, f.name), fieldVocabulary(f)] as const)));

  // Document frequency over every entity and field vocabulary.
  const df = new Map<string, number>();
  const docs = [...entityVocab.values(), ...fieldVocab.values()];
  for (const doc of docs) for (const w of new Set(doc.phrases.flat())) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + docs.length / (1 + (df.get(w) ?? 0)));

  // Words a table's whole name already explains ("item" next to a table
  // items) do not make partial matches on longer names ("item group",
  // "items in stock").
  const named = new Set<string>();
  for (const vocab of entityVocab.values()) {
    for (const phrase of vocab.phrases) if (findPhrase(words, phrase) >= 0) phrase.forEach((w) => named.add(w));
  }
  const partialWords = [...asked].filter((w) => !GENERIC.has(w));

  // Most phrases share no word with the question: find that out once per word.
  const nearCache = new Map<string, boolean>();
  const near = (w: string) => {
    let hit = nearCache.get(w);
    if (hit === undefined) nearCache.set(w, (hit = words.some((q) => sameWord(q, w))));
    return hit;
  };

  /** Best phrase match: whole phrases in order count fully, single words of longer names less. */
  const match = (vocab: Vocabulary): number => {
    let best = 0;
    for (const phrase of vocab.phrases) {
      if (!phrase.some(near)) continue;
      const content = contentWords(phrase);
      if (content.length === 0) continue;
      const weight = content.reduce((s, w) => s + idf(w), 0);
      if (findPhrase(words, phrase) >= 0) {
        best = Math.max(best, weight + 0.5 * (phrase.length - 1));
        continue;
      }
      // The head noun of a name ("region" in "sales region") says more than a modifier.
      const head = phrase[phrase.length - 1];
      const partial = content
        .filter((w) => partialWords.some((a) => sameWord(a, w) && !named.has(a)))
        .reduce((s, w) => s + idf(w) * (w === head ? 0.5 : 0.15), 0);
      best = Math.max(best, partial);
    }
    const described = vocab.described.length > 0 ? vocab.described.filter((w) => asked.has(w)) : [];
    return best + Math.min(1, 0.25 * described.length);
  };

  const relevance: Relevance = { entities: new Map(), fields: new Map(), metrics: new Map(), glossary: new Map() };
  const boost = (entity: string, score: number, reasons: string[]) => {
    if (score <= 0) return;
    const current = relevance.entities.get(entity) ?? { score: 0, reasons: [] };
    current.score += score;
    current.reasons.push(...reasons);
    relevance.entities.set(entity, current);
  };

  for (const entity of model.entities) {
    const reasons: string[] = [];
    const own = 2 * match(entityVocab.get(entity.name)!);
    if (own > 0) reasons.push(`named (${entity.label})`);
    const fieldScores: number[] = [];
    for (const field of entity.fields) {
      const key = fieldKey(entity.name, field.name);
      // Key columns mostly repeat another table's name; they are weak evidence for this one.
      const keyColumn = field.role === "id" || field.role === "foreign_key";
      let score = match(fieldVocab.get(key)!) * (keyColumn ? 0.3 : 1);
      const values: string[] = [];
      for (const v of linkableValues(field)) {
        if (findPhrase(words, v.words) < 0) continue;
        values.push(v.value);
        // A value that is also a name somewhere ("Total", "Status") proves less.
        const common = v.words.some((w) => (df.get(w) ?? 0) > 0);
        score += (common ? 1 : 2) + 0.5 * (v.words.length - 1);
      }
      if (score <= 0) continue;
      relevance.fields.set(key, { score, values });
      fieldScores.push(score);
      reasons.push(values.length > 0 ? `value ${values.map((v) => `'${v}'`).join(", ")} in ${field.name}` : `column ${field.name}`);
    }
    fieldScores.sort((a, b) => b - a);
    const fieldsTotal = (fieldScores[0] ?? 0) + 0.3 * fieldScores.slice(1).reduce((s, x) => s + x, 0);
    boost(entity.name, own + fieldsTotal, reasons);
  }

  for (const metric of model.metrics) {
    const score = match({ phrases: phrasesOf([metric.label, ...metric.synonyms], [metric.name]), described: [] });
    if (score <= 0) continue;
    relevance.metrics.set(metric.name, score);
    boost(metric.entity, 1.5 * score, [`metric ${metric.name}`]);
  }

  const targetEntity = (target: GlossaryTarget): string | undefined =>
    target.kind === "metric" ? model.metrics.find((m) => m.name === target.metric)?.entity : target.entity;
  for (const term of model.glossary) {
    const score = match({ phrases: phrasesOf([term.term, ...term.synonyms], []), described: [] });
    if (score <= 0) continue;
    relevance.glossary.set(term.term, score);
    const entity = targetEntity(term.maps);
    if (entity) boost(entity, 1.5 * score, [`glossary "${term.term}"`]);
  }

  return relevance;
}
