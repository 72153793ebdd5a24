import { singularize } from "../../semantic/inflect.ts";

/** Irregular forms questions use for words that schemas spell regularly. */
const IRREGULAR: Record<string, string> = {
  sold: "sell",
  bought: "buy",
  born: "birth",
  paid: "pay",
  spent: "spend",
  made: "make",
  written: "write",
  wrote: "write",
  composed: "compose",
  hired: "hire",
  employed: "employ",
  shipped: "ship",
  longest: "long",
  shortest: "short",
  biggest: "big",
  largest: "large",
  highest: "high",
  lowest: "low",
  cheapest: "cheap",
  priciest: "pricey",
  smallest: "small",
  oldest: "old",
  newest: "new",
  youngest: "young",
  latest: "late",
  earliest: "early",
  best: "good",
  worst: "bad",
  // Too short for the plural rule below.
  ids: "id",
};

/** Whether the stemmer rewrites the word through its irregular form ("made" → "make"). */
export const isIrregularForm = (word: string) => IRREGULAR[word.toLowerCase()] !== undefined;

const VOWEL = /[aeiouy]/;

/**
 * A crude stemmer applied alike to question words and lexicon phrases, so
 * "shipped"/"shipping"/"ship", "hired"/"hire" and "categories"/"category"
 * meet. Consistency matters more than producing real words.
 */
export function stem(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR[w];
  if (irregular) return stem(irregular);
  if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
  let s = singularize(w);
  if (s.endsWith("ing") && s.length > 5 && VOWEL.test(s.slice(0, -3))) s = s.slice(0, -3);
  else if (s.endsWith("ed") && s.length > 4 && VOWEL.test(s.slice(0, -2)) && !s.endsWith("eed")) s = s.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(s) && !/(ss|ll|ff|zz)$/.test(s)) s = s.slice(0, -1);
  if (s.endsWith("e") && s.length > 3) s = s.slice(0, -1);
  return s;
}
