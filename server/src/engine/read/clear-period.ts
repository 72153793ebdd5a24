import type { Token } from "../text/tokenize.ts";

const UNITS = new Set(["year", "years", "month", "months", "quarter", "quarters", "week", "weeks", "date", "dates", "time", "period", "periods", "days"]);
const ALL = new Set(["all", "every", "any"]);
const FILLER = new Set(["show", "for", "over", "across", "again", "back", "please", "the", "and", "now", "instead", "of", "me", "in"]);
const REMOVE = new Set(["remove", "drop", "clear", "without", "no"]);
const FILTER = new Set(["filter", "limit", "restriction", "range"]);

/**
 * "All years again", "across all time", "remove the date filter": a follow-up that takes
 * the previous answer's period away and changes nothing else. Only these words, so a
 * question that also asks for something else is read the ordinary way.
 */
export function clearsPeriod(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.kind !== "symbol").map((t) => t.norm);
  if (words.length === 0 || words.length > 7) return false;
  const allUnit = words.some((w, i) => ALL.has(w) && UNITS.has(words[i + 1] ?? ""));
  const removeFilter = words.some((w) => REMOVE.has(w)) && words.some((w) => UNITS.has(w)) && words.some((w) => FILTER.has(w));
  if (!allUnit && !removeFilter) return false;
  return words.every((w) => ALL.has(w) || UNITS.has(w) || FILLER.has(w) || REMOVE.has(w) || FILTER.has(w));
}
