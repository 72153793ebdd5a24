import { pluralize, singularize, splitIdentifier } from "./inflect.ts";
import { ABBREVIATIONS, synonymsOf } from "./thesaurus.ts";

/** Identifier words with abbreviations spelled out: `cust_addr` → ["customer", "address"]. */
export function nameWords(identifier: string): string[] {
  return splitIdentifier(identifier).flatMap((w) => (ABBREVIATIONS[w] ?? w).split(" "));
}

/** Identifier as a phrase with the last word singular: `order_details` → "order detail". */
export function singularPhrase(identifier: string): string {
  const words = nameWords(identifier);
  const last = words.pop();
  return [...words, last ? singularize(last) : ""].join(" ").trim();
}

export function readableLabel(identifier: string, singular = false): string {
  const phrase = singular ? singularPhrase(identifier) : nameWords(identifier).join(" ");
  return phrase.charAt(0).toUpperCase() + phrase.slice(1);
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

/** Synonyms of a table: singular/plural, joined words, thesaurus words. */
export function entitySynonyms(table: string): string[] {
  const singular = singularPhrase(table);
  const list = [singular, pluralPhrase(singular), nameWords(table).join(" "), nameWords(table).join("")];
  for (const alt of thesaurusVariants(singular)) list.push(alt, pluralPhrase(alt));
  return unique(list);
}

/**
 * Synonyms of a column. `entityPhrase` is the singular phrase of its table:
 * a column repeating it (`customer_name` in `customer`) also gets the phrase
 * without it ("name"), and time columns get the phrase without "date"
 * ("hire" for `hire_date`), which is how questions refer to them.
 */
export function fieldSynonyms(column: string, entityPhrase: string, isTime: boolean): string[] {
  const words = nameWords(column);
  const phrase = words.join(" ");
  const list = [phrase, singularPhrase(column)];
  const entityWords = entityPhrase.split(" ");
  if (words.length > entityWords.length && entityWords.every((w, i) => singularize(words[i] ?? "") === w)) {
    list.push(words.slice(entityWords.length).join(" "));
  }
  // "composer" → "composed (by)", "owner" → "owned": the verb behind a person column.
  if (words.length === 1 && /^[a-z]{4,}(er|or)$/.test(phrase)) list.push(`${phrase.slice(0, -2)}ed`);
  // "is_active" → "active", "has_discount" → "discount": flags are named by their adjective.
  if (words.length > 1 && ["is", "has", "can", "was"].includes(words[0]!)) list.push(words.slice(1).join(" "));
  if (isTime) {
    const rest = words.filter((w) => !["date", "time", "timestamp", "at", "on", "dt", "ts"].includes(w));
    // "hire" for hire_date, but not "invoice" for invoice_date: that word names the table.
    if (rest.length > 0 && rest.length < words.length && rest.join(" ") !== entityPhrase) list.push(rest.join(" "));
  }
  for (const base of [...list]) for (const alt of thesaurusVariants(base)) list.push(alt);
  return unique(list);
}
