import { lexiconOf, phraseLemmas, type Entry, type Lexicon, type Target } from "../../engine/lexicon/build.ts";
import { segment, type Item } from "../../engine/lexicon/segment.ts";
import { CUE_INDEX } from "../../engine/text/cues.ts";
import type { TimeMatch } from "../../engine/time/extract.ts";
import { scanTime } from "../../engine/time/scan.ts";
import { COMMON_WORDS } from "../../engine/lexicon/common-words.ts";
import { tokenize, type Token } from "../../engine/text/tokenize.ts";
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

/** Evidence that makes a score of 0.5. */
const scoreHalfPoint = 4;

const weights: Record<Target["type"] | "period", number> = { entity: 3, metric: 3, glossary: 3, value: 2.5, field: 2, label: 1.5, period: 1.5 };

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
 * How much a mention says about a source. Longer phrases are more specific
 * ("sales support agent" as a value beats "sales" as a synonym); a lone word
 * that is also a question word ("total", "average", "number") may be a cue
 * rather than a name, and a word read as a typo of a name is a guess (another
 * source may know it as written): both count for less.
 */
function evidence(item: Extract<Item, { kind: "mention" }>, entry: Entry, tokens: Token[]): number {
  const words = item.end - item.start;
  const cueWord = words === 1 && CUE_INDEX.has(tokens[item.start]!.norm);
  const corrected = entry.lemmas.some((lemma, k) => tokens[item.start + k]?.lemma !== lemma);
  return weights[entry.target.type] * entry.score * (1 + 0.5 * (words - 1)) * (cueWord || corrected ? 0.5 : 1);
}

/**
 * A dated period in the question ("in 1997", "between March and May 2024")
 * that the data covers is evidence for that source: one time field whose
 * sampled range overlaps it is enough. Periods relative to today say nothing.
 */
function periodEvidence(times: TimeMatch[], tokens: Token[], model: SemanticModel): { raw: number; matched: string[] } {
  let raw = 0;
  const matched: string[] = [];
  for (const time of times) {
    if (time.expr.kind !== "range" || (time.expr.from === null && time.expr.to === null)) continue;
    const { from, to } = time.expr;
    const hit = model.entities
      .flatMap((e) => e.fields.map((f) => ({ e, f })))
      .find(({ f }) => f.role === "time" && f.min && f.max && (from === null || f.max >= from) && (to === null || f.min < to));
    if (!hit) continue;
    raw += weights.period;
    matched.push(`"${tokens.slice(time.start, time.end).map((t) => t.raw).join(" ")}" → dates of ${hit.e.label} (${hit.f.min!.slice(0, 10)} to ${hit.f.max!.slice(0, 10)})`);
  }
  return { raw, matched };
}

/**
 * Ranks data sources by how well their semantic models (and names and
 * descriptions) match a question. Pure: the caller loads the models.
 */
export function rankDataSources(question: string, sources: DiscoverySource[]): Candidate[] {
  const tokens = tokenize(question);
  // Dates and periods are read as such, so "March" is never a value of some name column.
  const times = scanTime(tokens);
  const questionWords = contentLemmas(question);
  const ranked = sources.map((source) => {
    const lexicon = lexiconFor(source.model);
    const { items } = segment(lexicon, tokens, times);
    let raw = 0;
    const matched: string[] = [];
    for (const item of items) {
      if (item.kind !== "mention") continue;
      const best = item.entries.reduce((a, b) => (weights[b.target.type] * b.score > weights[a.target.type] * a.score ? b : a));
      raw += evidence(item, best, tokens);
      matched.push(`"${item.text}" → ${describeTarget(lexicon, best.target)}`);
    }
    const period = periodEvidence(times, tokens, source.model);
    raw += period.raw;
    matched.push(...period.matched);
    const described = contentLemmas(`${source.name} ${source.description}`);
    const named = [...questionWords].filter((w) => described.has(w));
    raw += named.length * 2;
    for (const word of named) matched.push(`"${word}" → data source name or description`);
    const score = raw / (raw + scoreHalfPoint);
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
  if (!first) return null;
  // Nothing else matched at all: one table or column named in the question is enough.
  if (!second) return first.score >= 0.3 ? first : null;
  if (first.score < 0.45) return null;
  // Compare the evidence itself: scores saturate, so two well-matched sources always look alike.
  if (evidenceOf(second.score) > evidenceOf(first.score) * 0.75) return null;
  return first;
}

/** The raw evidence behind a score (the inverse of `raw / (raw + scoreHalfPoint)`). */
const evidenceOf = (score: number) => (score >= 1 ? Infinity : (scoreHalfPoint * score) / (1 - score));
