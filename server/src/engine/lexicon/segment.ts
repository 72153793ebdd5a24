import { CUE_INDEX, FILLER, type Cue } from "../text/cues.ts";
import type { Token } from "../text/tokenize.ts";
import type { TimeExpr } from "../time/extract.ts";
import { isIrregularForm } from "../text/stem.ts";
import { phraseLemmas, type Entry, type Lexicon } from "./build.ts";
import { correctTypo } from "./fuzzy.ts";

export type Item =
  | { kind: "mention"; start: number; end: number; entries: Entry[]; score: number; text: string }
  | { kind: "cue"; start: number; end: number; cue: Cue; text: string }
  | { kind: "time"; start: number; end: number; expr: TimeExpr; text: string }
  | { kind: "number"; start: number; end: number; value: number; text: string }
  | { kind: "quoted"; start: number; end: number; text: string }
  | { kind: "word"; start: number; end: number; text: string; filler: boolean };

const NOUN_BEFORE = new Set(["per", "each", "every", "an", "a", "the", "one", "this", "that", "any", "by", "first", "last", "my", "our", "their", "same"]);

const CLAUSE_START = new Set(["and", "then", "please", "also", "results", "them", "it", "list", "show"]);

/** Cue kinds that yield to a same-length lexicon match when a name follows them ("total freight" vs "the total"). */
const SOFT_CUES = new Set(["agg", "most", "adjective", "list", "null"]);

/** How many tokens from i a lexicon phrase covers (0 when none starts there). */
export function phraseLengthAt(lexicon: Lexicon, tokens: Token[], i: number): number {
  return lexiconMatch(lexicon, tokens.map((t) => t.lemma), i).length;
}

/** Determiners a phrase may have in between its words ("value of our inventory" for "value of inventory"). */
const SKIPPABLE = new Set(["our", "my", "your", "their", "its", "the", "a", "an"]);

/** Question tokens an entry covers from i (0 when it does not match there). */
function coverage(entry: Entry, lemmas: string[], i: number): number {
  let j = i + 1;
  for (let k = 1; k < entry.lemmas.length; k++) {
    while (j < lemmas.length && lemmas[j] !== entry.lemmas[k] && SKIPPABLE.has(lemmas[j]!)) j++;
    if (lemmas[j] !== entry.lemmas[k]) return 0;
    j++;
  }
  return j - i;
}

function lexiconMatch(lexicon: Lexicon, lemmas: string[], i: number): { length: number; entries: Entry[] } {
  const candidates = lexicon.byFirst.get(lemmas[i]!) ?? [];
  let length = 0;
  let words = 0;
  let entries: Entry[] = [];
  for (const entry of candidates) {
    const n = entry.lemmas.length;
    if (n < words) break;
    if (i + n > lemmas.length) continue;
    const covered = coverage(entry, lemmas, i);
    if (covered === 0 || covered < length) continue;
    if (covered > length) {
      length = covered;
      words = n;
      entries = [entry];
    } else entries.push(entry);
  }
  const best = Math.max(0, ...entries.map((e) => e.score));
  // Weak readings stay: the context (the subject, the table named nearby) may still prefer them.
  return { length, entries: entries.filter((e) => e.score >= best - 0.5) };
}

function cueMatch(tokens: Token[], i: number, blocked: (k: number) => boolean): { length: number; cue?: Cue; text?: string } {
  for (const phrase of CUE_INDEX.get(tokens[i]!.norm) ?? []) {
    const n = phrase.lemmas.length;
    let ok = i + n <= tokens.length;
    for (let k = 0; k < n && ok; k++) ok = !blocked(i + k) && tokens[i + k]!.norm === phrase.lemmas[k];
    if (ok) return { length: n, cue: phrase.cue, text: phrase.text };
  }
  return { length: 0 };
}

/**
 * Splits the question into items: time expressions (found earlier), the
 * longest lexicon phrases (entities, fields, values, metrics, glossary),
 * cue phrases, numbers, quoted strings and left-over words. Unknown words
 * close to a lexicon word (one or two typos) are read as that word.
 */
export function segment(lexicon: Lexicon, tokens: Token[], times: { start: number; end: number; expr: TimeExpr }[]): {
  items: Item[];
  corrections: string[];
} {
  const timeAt = new Map(times.map((t) => [t.start, t]));
  const inTime = new Set(times.flatMap((t) => Array.from({ length: t.end - t.start }, (_, k) => t.start + k)));
  const corrections: string[] = [];
  const lemmas = tokens.map((t) => {
    if (t.kind !== "word" || inTime.has(t.index) || lexicon.vocabulary.has(t.lemma)) return t.lemma;
    if (CUE_INDEX.has(t.norm) || FILLER.has(t.norm)) return t.lemma;
    const fixed = correctTypo(lexicon, t.lemma, t.capitalized && t.index > 0);
    if (fixed) corrections.push(`${t.raw}→${fixed}`);
    return fixed ?? t.lemma;
  });
  const items: Item[] = [];
  const text = (a: number, b: number) => tokens.slice(a, b).map((t) => t.raw).join(" ");
  let i = 0;
  while (i < tokens.length) {
    const time = timeAt.get(i);
    if (time) {
      items.push({ kind: "time", start: i, end: time.end, expr: time.expr, text: text(i, time.end) });
      i = time.end;
      continue;
    }
    const t = tokens[i]!;
    if (t.kind === "quoted") {
      items.push({ kind: "quoted", start: i, end: i + 1, text: t.raw });
      i++;
      continue;
    }
    // "inactive", "unpaid", "non-discontinued": a negated yes/no column.
    const negated = t.kind === "word" && !lexicon.vocabulary.has(lemmas[i]!) ? negatedFlag(lexicon, lemmas[i]!) : undefined;
    if (negated) {
      items.push({ kind: "cue", start: i, end: i, cue: { type: "negate" }, text: "not" });
      items.push({ kind: "mention", start: i, end: i + 1, entries: negated, score: Math.max(...negated.map((e) => e.score)), text: t.raw });
      i++;
      continue;
    }
    let lex = t.kind === "word" || t.kind === "number" ? lexiconMatch(lexicon, lemmas, i) : { length: 0, entries: [] as Entry[] };
    // "customers who made a purchase": a light verb, not the column its irregular stem spells ("make").
    if (lex.length === 1 && FILLER.has(t.norm) && isIrregularForm(t.norm)) lex = { length: 0, entries: [] };
    const lexLength = Math.min(lex.length, firstBlocked(inTime, i, lex.length) - i);
    let cue = cueMatch(tokens, i, (k) => inTime.has(k));
    // "per order by country", "the biggest order by revenue": where "order" names a table, "order by"
    // sorts only at the start of a clause.
    if (cue.cue?.type === "sort" && t.norm === "order") {
      const before = tokens[i - 1]?.norm;
      const orderIsTable = (lexicon.byFirst.get(t.lemma) ?? []).some((e) => e.target.type === "entity" && e.lemmas.length === 1);
      if (NOUN_BEFORE.has(before ?? "") || (orderIsTable && before !== undefined && !CLAUSE_START.has(before))) cue = { length: 0 };
    }
    // "total quarterly sales": the name follows the grain.
    const grain = timeAt.get(i + cue.length);
    const nameAt = grain?.expr.kind === "grain" ? grain.end : i + cue.length;
    const takeCue =
      cue.length > lexLength ||
      (cue.length > 0 && cue.length === lexLength && !(SOFT_CUES.has(cue.cue!.type) && !startsMention(lexicon, lemmas, nameAt)));
    if (lexLength > 0 && !takeCue) {
      const matched = lex.length === lexLength ? lex.entries : lexiconMatch(lexicon, lemmas.slice(0, i + lexLength), i).entries;
      const entries = matched.filter((e) => valueAllowed(e, tokens.slice(i, i + lexLength)));
      if (entries.length > 0) {
        items.push({ kind: "mention", start: i, end: i + lexLength, entries, score: Math.max(...entries.map((e) => e.score)), text: text(i, i + lexLength) });
        i += lexLength;
        continue;
      }
    }
    if (cue.length > 0) {
      items.push({ kind: "cue", start: i, end: i + cue.length, cue: cue.cue!, text: text(i, i + cue.length) });
      i += cue.length;
      continue;
    }
    if (t.kind === "number" && t.value !== undefined) items.push({ kind: "number", start: i, end: i + 1, value: t.value, text: t.raw });
    else items.push({ kind: "word", start: i, end: i + 1, text: t.raw, filler: FILLER.has(t.norm) || t.kind === "symbol" });
    i++;
  }
  return { items, corrections };
}

/**
 * Values that are ordinary words ("on", "live") or short codes ("ON", "CA")
 * count only when written like the value: capitalised, or in the same case.
 */
function valueAllowed(entry: Entry, span: Token[]): boolean {
  if (entry.target.type !== "value") return true;
  const value = entry.target.value;
  const valueLemmas = phraseLemmas(value);
  // Other names for a value ("California" for "CA", "Europe") are deliberate: no case check,
  // except short codes ("IN", "OR"), which must be written in capitals to mean a value.
  if (entry.lemmas.slice(0, valueLemmas.length).join(" ") !== valueLemmas.join(" ")) {
    return entry.lemmas.join("").length > 3 || span.every((t) => t.raw === t.raw.toUpperCase() && /\p{L}/u.test(t.raw));
  }
  // "high priority": a value followed by its column's name is meant, whatever its case.
  const qualified = entry.lemmas.length > valueLemmas.length;
  // In "Pop genre" only "Pop" is the value.
  span = span.slice(0, Math.max(1, valueLemmas.length));
  const text = span.map((t) => t.raw).join(" ");
  // "opened", "hired": a verb sharing a value's stem ("Open", "Hire") does not name it.
  const last = span[span.length - 1]!.norm;
  if (/(ed|ing)$/.test(last) && !/(ed|ing)$/i.test(value.trim())) return false;
  if (value.replace(/[^\p{L}\p{N}]/gu, "").length <= 3) return span.map((t) => t.raw).join("") === value.replace(/[^\p{L}\p{N}]/gu, "") || text === value;
  if (entry.score < 0.5 && !qualified) return span.every((t) => t.capitalized) && span[0]!.index > 0;
  return true;
}

function negatedFlag(lexicon: Lexicon, lemma: string): Entry[] | undefined {
  const m = /^(un|in|non|im|dis)(.{4,})$/.exec(lemma);
  if (!m) return undefined;
  const entries = (lexicon.byFirst.get(m[2]!) ?? []).filter((e) => {
    if (e.lemmas.length !== 1 || e.target.type !== "field") return false;
    return lexicon.fields.get(`${e.target.entity}\u0000${e.target.field}`)?.flag === true;
  });
  return entries.length > 0 ? entries : undefined;
}

function firstBlocked(blocked: Set<number>, start: number, length: number): number {
  for (let k = start; k < start + length; k++) if (blocked.has(k)) return k;
  return start + length;
}

function startsMention(lexicon: Lexicon, lemmas: string[], i: number): boolean {
  if (i >= lemmas.length) return false;
  let j = i;
  while (j < lemmas.length && ["the", "of", "a", "an", "all"].includes(lemmas[j]!)) j++;
  return j < lemmas.length && lexiconMatch(lexicon, lemmas, j).length > 0;
}
