import { LRUCache } from "lru-cache";
import { splitCompound, type KnownPieces } from "./compound.ts";
import { isKnownWord } from "./dictionary.ts";
import { pluralize, singularize, splitIdentifier } from "./inflect.ts";
import { ABBREVIATIONS, synonymsOf } from "./thesaurus.ts";

/** The words of a name: as written (`tx`, `price`) and with abbreviations spelled out (`transaction`, `price`). */
export interface NameWords {
  written: string[];
  words: string[];
}

/**
 * Pieces of an identifier as written: split at separators, case changes and
 * digits, and folded compounds (`customerid`) split into words.
 */
export function identifierPieces(identifier: string, known?: KnownPieces): string[] {
  return splitIdentifier(identifier).flatMap((w) => splitCompound(w, known));
}

export function spellOut(written: string[]): string[] {
  return written.flatMap((w) => (ABBREVIATIONS[w] ?? w).split(" "));
}

const wordCache = new LRUCache<string, string[]>({ max: 20_000 });

/** Identifier words with abbreviations spelled out: `cust_addr`, `custaddr` → ["customer", "address"]. Do not mutate the result. */
export function nameWords(identifier: string): string[] {
  let words = wordCache.get(identifier);
  if (!words) {
    words = spellOut(identifierPieces(identifier));
    wordCache.set(identifier, words);
  }
  return words;
}

/** Words as a phrase with the last word singular: ["order", "details"] → "order detail". */
export function singularOf(words: string[]): string {
  const last = words[words.length - 1];
  return [...words.slice(0, -1), last ? singularize(last) : ""].join(" ").trim();
}

/** Identifier as a phrase with the last word singular: `order_details` → "order detail". */
export function singularPhrase(identifier: string): string {
  return singularOf(nameWords(identifier));
}

export function labelOf(words: string[], singular = false): string {
  const phrase = singular ? singularOf(words) : words.join(" ");
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
}

export function readableLabel(identifier: string, singular = false): string {
  return labelOf(nameWords(identifier), singular);
}

function pluralPhrase(phrase: string): string {
  const words = phrase.split(" ");
  const last = words.pop();
  return [...words, last ? pluralize(last) : ""].join(" ");
}

/** Thesaurus synonyms of a phrase and of the phrase with one word replaced. */
function thesaurusVariants(phrase: string): string[] {
  const out = new Set(synonymsOf(phrase));
  const words = phrase.split(" ");
  if (words.length > 1 && words.length <= 4) {
    words.forEach((word, i) => {
      for (const alt of synonymsOf(word)) {
        if (alt.includes(" ")) continue;
        out.add([...words.slice(0, i), alt, ...words.slice(i + 1)].join(" "));
      }
    });
  }
  out.delete(phrase);
  return [...out];
}

function unique(list: string[], exclude: string[] = []): string[] {
  const skip = new Set(exclude.map((s) => s.toLowerCase()));
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const s = raw.trim().toLowerCase();
    if (!s || seen.has(s) || skip.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

/** The name as written when it abbreviates ("tx price"), for questions that write it so too; not when an abbreviation is a word ("no"). */
function writtenPhrase(name: NameWords): string[] {
  const abbreviated = name.written.filter((w) => ABBREVIATIONS[w] !== undefined);
  if (abbreviated.length === 0 || abbreviated.some(isKnownWord)) return [];
  return [name.written.join(" ")];
}

/** Synonyms of a table: singular/plural, joined words, thesaurus words. */
export function entitySynonyms(name: NameWords): string[] {
  const singular = singularOf(name.words);
  const list = [singular, pluralPhrase(singular), name.words.join(" "), name.words.join("")];
  for (const alt of thesaurusVariants(singular)) list.push(alt, pluralPhrase(alt));
  for (const written of writtenPhrase(name)) list.push(singularOf(written.split(" ")), written);
  return unique(list);
}

/** Words that only say a column holds a time. */
const TIME_WORDS = ["date", "time", "datetime", "timestamp", "at", "on", "dt", "ts"];

/**
 * Synonyms of a column. `entityPhrase` is the singular phrase of its table:
 * a column repeating it (`customer_name` in `customer`) also gets the phrase
 * without it ("name"), and time columns get the phrase without "date"
 * ("hire" for `hire_date`), which is how questions refer to them.
 */
export function fieldSynonyms(name: NameWords, entityPhrase: string, isTime: boolean): string[] {
  const words = name.words;
  const phrase = words.join(" ");
  const list = [phrase, singularOf(words), ...writtenPhrase(name)];
  const entityWords = entityPhrase.split(" ");
  if (words.length > entityWords.length && entityWords.every((w, i) => singularize(words[i] ?? "") === w)) {
    list.push(words.slice(entityWords.length).join(" "));
  }
  // "composer" → "composed (by)", "owner" → "owned": the verb behind a person column.
  if (words.length === 1 && /^[a-z]{4,}(er|or)$/.test(phrase)) list.push(`${phrase.slice(0, -2)}ed`);
  // "is_active" → "active", "has_discount" → "discount": flags are named by their adjective.
  if (words.length > 1 && ["is", "has", "can", "was"].includes(words[0]!)) list.push(words.slice(1).join(" "));
  if (isTime) {
    const rest = words.filter((w) => !TIME_WORDS.includes(w));
    // "hire" for hire_date, but not "invoice" for invoice_date: that word names the table.
    if (rest.length > 0 && rest.length < words.length && rest.join(" ") !== entityPhrase) list.push(rest.join(" "));
  }
  for (const base of [...list]) for (const alt of thesaurusVariants(base)) list.push(alt);
  return unique(list);
}
