import type { Lexicon } from "../lexicon/build.ts";
import { segment } from "../lexicon/segment.ts";
import type { PlanOutcome } from "../plan.ts";
import type { QuerySpec } from "../spec.ts";
import { tokenize } from "../text/tokenize.ts";

/**
 * "What is the ratio of A to B …": two amounts, one divided by the other. The question is
 * split into a question for each side ("number of A …", "number of B …"), each read on its own;
 * words after B that name no table of their own ("in New York", "for each year", "overall")
 * bound both sides.
 */
export interface RatioQuestion {
  numerator: string;
  denominator: string;
  /** The words of the question that only say "ratio" (for the explanation). */
  cue: string;
}

const START = /\bratios?\s+(?:of|between)\s+/i;
/** What separates the two sides, first match after "ratio of" wins. */
const SEPARATOR = /\s+(?:to|out of|versus|vs\.?|over|divided by|compared to|against|and|per)\s+/gi;
/** Verbs of a "how does the ratio … change" question: they ask for the ratio, by whatever follows. */
const VERBS = /\b(change|changes|changed|differ|differs|vary|varies|evolve|evolves|develop|develops|compare|compares|look|looks)\b/gi;
/** Where a shared bound after B starts: a place, a grouping, a period. */
const BOUND = /\s+(?=(?:in|within|for|by|per|across|during|from|since|among|overall|over the|of each|each)\b)/gi;
/** Amount words that already say what to measure. */
const MEASURED = /^(?:the\s+)?(?:total|sum|number|count|average|avg|mean|amount|how many|how much)\b/i;

/** Splits a ratio question in two sides with the bounds both share, or undefined. */
export function splitRatio(lexicon: Lexicon, question: string): RatioQuestion | undefined {
  const start = START.exec(question);
  if (!start) return undefined;
  // One sentence: later ones ("Return the annual numbers as well") only ask for more columns.
  const sentenceEnd = question.slice(start.index).search(/[?.!](\s|$)/);
  const body = question.slice(start.index + start[0].length, sentenceEnd < 0 ? undefined : start.index + sentenceEnd).replace(VERBS, " ");
  SEPARATOR.lastIndex = 0;
  const sep = [...body.matchAll(SEPARATOR)].find((m) => m.index > 0 && !/^(and|per)$/i.test(m[0].trim()))
    ?? [...body.matchAll(SEPARATOR)].find((m) => m.index > 0);
  if (!sep) return undefined;
  const a = body.slice(0, sep.index).trim();
  let b = body.slice(sep.index + sep[0].length).trim();
  if (!a || !b) return undefined;
  // A bound after B is shared when it names no table: "… in San Francisco", not "… published in journals".
  let shared = "";
  for (const m of [...b.matchAll(BOUND)]) {
    const tail = b.slice(m.index).trim();
    // A grouping is shared even when it names a table ("for each state").
    const grouping = /^(for each|for every|in each|of each|each|every|by|per|across|over the)\b/i.test(tail);
    if ((grouping || !namesTable(lexicon, tail)) && m.index > 0) {
      shared = tail;
      b = b.slice(0, m.index).trim();
      break;
    }
  }
  // "… overall", "… in the database": no bound at all.
  shared = shared.replace(/^(overall|in total|in all|altogether|in the (database|data|dataset|table))\b.*$/i, "");
  b = b.replace(/\s+(overall|in total|altogether)$/i, "");
  const side = (text: string) => `${measuredAs(lexicon, text)} ${shared}`.replace(/\s+/g, " ").trim();
  return { numerator: side(a), denominator: side(b), cue: start[0].trim() };
}

/** "restaurants with …" are counted; "the population of …" is totalled. */
function measuredAs(lexicon: Lexicon, text: string): string {
  const clean = text.replace(/^(all|the|of)\s+/i, "").replace(/^(all|the)\s+/i, "");
  if (MEASURED.test(clean)) return clean;
  const { items } = segment(lexicon, tokenize(clean), []);
  const first = items.find((i) => i.kind === "mention" || (i.kind === "word" && !i.filler));
  if (first?.kind === "mention") {
    const best = first.entries.reduce((x, y) => (y.score > x.score ? y : x));
    if (best.target.type === "field" || best.target.type === "metric") return `total ${clean}`;
  }
  return `number of ${clean}`;
}

function namesTable(lexicon: Lexicon, text: string): boolean {
  const { items } = segment(lexicon, tokenize(text), []);
  return items.some((i) => i.kind === "mention" && i.entries.reduce((x, y) => (y.score > x.score ? y : x)).target.type === "entity");
}

type Outcome = PlanOutcome;

/**
 * Both sides read as answers with an amount each: the numerator's spec carrying the
 * denominator's. Undefined when either side is not such an answer (then the question is read whole).
 */
export function ratioOutcome(split: RatioQuestion, planSide: (question: string) => Outcome): Outcome | undefined {
  const top = planSide(split.numerator);
  const bottom = planSide(split.denominator);
  if (top.kind !== "query" || bottom.kind !== "query") return undefined;
  const amount = (s: QuerySpec) => s.measures.length > 0 && !s.ratioTo && !s.verifiedSql;
  if (!amount(top.spec) || !amount(bottom.spec) || top.spec.dimensions.length !== bottom.spec.dimensions.length) return undefined;
  return {
    kind: "query",
    spec: { ...top.spec, ratioTo: bottom.spec },
    confidence: Math.min(top.confidence, bottom.confidence),
    understood: [`“${split.cue}” → ratio of two amounts`, ...top.understood, ...bottom.understood],
    ignored: [...new Set([...top.ignored, ...bottom.ignored])],
    followUp: false,
  };
}
