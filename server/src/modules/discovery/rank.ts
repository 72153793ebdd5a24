import { lexiconOf, phraseLemmas, type Lexicon, type Target } from "../../engine/lexicon/build.ts";
import { segment } from "../../engine/lexicon/segment.ts";
import { COMMON_WORDS } from "../../engine/lexicon/common-words.ts";
import { tokenize } from "../../engine/text/tokenize.ts";
import type { SemanticModel } from "../../semantic/types.ts";

export interface DiscoverySource {
  id: string;
  name: string;
  description: string;
  model: SemanticModel;
}

export interface Candidate {
  id: string;
  name: string;
  /** 0–1. */
  score: number;
  /** What in the question matched, e.g. `"revenue" → metric Revenue`. */
  matched: string[];
  reason: string;
}

const weights: Record<Target["type"], number> = { entity: 3, metric: 3, glossary: 3, value: 2.5, field: 2, label: 1.5 };

function describeTarget(lexicon: Lexicon, target: Target): string {
  switch (target.type) {
    case "entity":
      return `table ${lexicon.entities.get(target.entity)?.label ?? target.entity}`;
    case "field":
    case "label":
      return `column ${target.type === "field" ? lexicon.fields.get(`${target.entity}\u0000${target.field}`)?.label ?? target.field : "name"} of ${lexicon.entities.get(target.entity)?.label ?? target.entity}`;
    case "value":
      return `value in ${lexicon.fields.get(`${target.entity}\u0000${target.field}`)?.label ?? target.field}`;
    case "metric":
      return `metric ${lexicon.model.metrics.find((m) => m.name === target.metric)?.label ?? target.metric}`;
    case "glossary":
      return `glossary term ${lexicon.model.glossary[target.index]?.term ?? ""}`;
  }
}

const lexicons = new WeakMap<SemanticModel, Lexicon>();
function lexiconFor(model: SemanticModel): Lexicon {
  let lexicon = lexicons.get(model);
  if (!lexicon) lexicons.set(model, (lexicon = lexiconOf(model)));
  return lexicon;
}

/** Content words of a text (no stop words), as lemmas. */
function contentLemmas(text: string): Set<string> {
  return new Set(phraseLemmas(text).filter((l) => l.length > 2 && !COMMON_WORDS.has(l)));
}

/**
 * Ranks data sources by how well their semantic models (and names and
 * descriptions) match a question. Pure: the caller loads the models.
 */
export function rankDataSources(question: string, sources: DiscoverySource[]): Candidate[] {
  const tokens = tokenize(question);
  const questionWords = contentLemmas(question);
  const ranked = sources.map((source) => {
    const lexicon = lexiconFor(source.model);
    const { items } = segment(lexicon, tokens, []);
    let raw = 0;
    const matched: string[] = [];
    for (const item of items) {
      if (item.kind !== "mention") continue;
      const best = item.entries.reduce((a, b) => (weights[b.target.type] * b.score > weights[a.target.type] * a.score ? b : a));
      raw += weights[best.target.type] * best.score;
      matched.push(`"${item.text}" → ${describeTarget(lexicon, best.target)}`);
    }
    const described = contentLemmas(`${source.name} ${source.description}`);
    const named = [...questionWords].filter((w) => described.has(w));
    raw += named.length * 2;
    for (const word of named) matched.push(`"${word}" → data source name or description`);
    const score = raw / (raw + 4);
    return { id: source.id, name: source.name, score: Math.round(score * 1000) / 1000, matched };
  });
  return ranked
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
    .map((c) => ({ ...c, reason: c.matched.length ? `Matches ${c.matched.slice(0, 3).join(", ")}` : "" }));
}

/** The candidate to take without asking, when one clearly leads. */
export function clearWinner(candidates: Candidate[]): Candidate | null {
  const [first, second] = candidates;
  if (!first || first.score < 0.45) return null;
  if (second && second.score > first.score * 0.75) return null;
  return first;
}
