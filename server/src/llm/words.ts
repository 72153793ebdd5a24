import { LRUCache } from "lru-cache";
import { singularize } from "../semantic/inflect.ts";
import { nameWords } from "../semantic/names.ts";

/** Function words that say nothing about which table or column a question means. */
const STOP_WORDS = new Set(
  (
    "a an the of in on at to for from by per each every and or not no nor but with without into onto over under " +
    "than then that this these those there their them they it its is are was were be been being do does did done " +
    "have has had what which who whom whose how when where why many much me my our we us you your i " +
    "show list give get find tell display return please can could would should will shall may might " +
    "all any some more most less least few fewer top bottom between only just also as so if about " +
    "which whose same other another one two three four five ten"
  )
    .split(" ")
    // Question words are singularised before the lookup ("does" → "doe").
    .flatMap((w) => [w, singularize(w)]),
);

/** Lower case, accents removed: "Crème" → "creme". */
export function foldText(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

// Semantic models repeat the same names and synonyms endlessly; splitting them once is enough.
const wordCache = new LRUCache<string, string[]>({ max: 50_000 });

/** Singular, folded words of free text, in order, stop words included. Do not mutate the result. */
export function textWords(text: string): string[] {
  let words = wordCache.get(text);
  if (!words) {
    words = foldText(text)
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .map(singularize);
    wordCache.set(text, words);
  }
  return words;
}

const identifierCache = new LRUCache<string, string[]>({ max: 50_000 });

/** Singular words of an identifier (`billing_country`, `UnitPrice`), abbreviations spelled out. Do not mutate the result. */
export function identifierWords(identifier: string): string[] {
  let words = identifierCache.get(identifier);
  if (!words) {
    words = nameWords(foldText(identifier)).map(singularize);
    identifierCache.set(identifier, words);
  }
  return words;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

export function contentWords(words: string[]): string[] {
  return words.filter((w) => !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else if (a[i + 1] === b[j] && a[i] === b[j + 1]) {
      // A swap of two neighbours ("cleint") counts as one edit.
      i += 2;
      j += 2;
    } else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** Equal, or one typo apart when both words are long enough for that to be safe. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  // A misspelt plural ("albmus") is not singularised, so also try without its final "s".
  const bare = (w: string) => (w.endsWith("s") ? w.slice(0, -1) : w);
  return withinOneEdit(a, b) || withinOneEdit(bare(a), bare(b));
}

/** Where `phrase` occurs as consecutive words of `words` (index of the first), or -1. */
export function findPhrase(words: string[], phrase: string[]): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (!sameWord(words[i + k]!, phrase[k]!)) continue outer;
    return i;
  }
  return -1;
}

/** Overlap of two word lists' content words (Dice coefficient), 0..1. */
export function wordSimilarity(a: string[], b: string[]): number {
  const x = [...new Set(contentWords(a))];
  const y = [...new Set(contentWords(b))];
  if (x.length === 0 || y.length === 0) return 0;
  const shared = x.filter((w) => y.some((v) => sameWord(w, v))).length;
  return (2 * shared) / (x.length + y.length);
}
