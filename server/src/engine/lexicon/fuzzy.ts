import type { Lexicon } from "./build.ts";
import { COMMON_WORDS } from "./common-words.ts";

/** Optimal string alignment distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + sub);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

const PHRASE_WORDS = new Set(["account", "accounts", "include", "includes", "included", "including", "compare", "compared", "versus", "percent", "percentage", "share", "ratio", "overall", "against", "within", "across", "among"]);

const corrections = new WeakMap<Lexicon, Map<string, string | null>>();

/**
 * The lexicon word an unknown word was probably meant to be: within one edit
 * for short words and two for long ones, and only when a single word is that
 * close (an ambiguous typo is left alone rather than guessed).
 */
export function correctTypo(lexicon: Lexicon, word: string, capitalized = false): string | undefined {
  // Ordinary English ("account for", "include") is never a misspelt column name.
  if (word.length < 4 || !/^[a-z]+$/.test(word) || COMMON_WORDS.has(word) || PHRASE_WORDS.has(word)) return undefined;
  let cache = corrections.get(lexicon);
  if (!cache) corrections.set(lexicon, (cache = new Map()));
  const key = capitalized ? `^${word}` : word;
  const hit = cache.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const max = word.length >= 7 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = max + 1;
  let tie = false;
  for (let len = word.length - max; len <= word.length + max; len++) {
    // Ordinary words are corrected towards names only; a capitalised word may be a misspelt value.
    const pool = capitalized ? [...(lexicon.vocabularyByLength.get(len) ?? []), ...(lexicon.valueVocabularyByLength.get(len) ?? [])] : (lexicon.vocabularyByLength.get(len) ?? []);
    for (const candidate of pool) {
      if (candidate[0] !== word[0] && candidate[1] !== word[1]) continue;
      const d = editDistance(word, candidate, max);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
        tie = false;
      } else if (d === bestDistance) tie = true;
    }
  }
  const result = best && !tie ? best : null;
  cache.set(key, result);
  return result ?? undefined;
}
