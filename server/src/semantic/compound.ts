import { isKnownWord, pieceCost, UNKNOWN_COST } from "./dictionary.ts";
import { ABBREVIATIONS } from "./thesaurus.ts";

/** Words a caller knows from the schema itself: its prefix, other names' words. */
export type KnownPieces = ReadonlySet<string>;

const NONE: KnownPieces = new Set();
/** A known piece costs like a frequent word. */
const KNOWN_COST = 6;
const MAX_PIECE = 24;
/** Shorter runs are abbreviations (`qty`, `dob`), not compounds. */
const MIN_COMPOUND = 5;

/**
 * Splits a lower-case run of letters that PostgreSQL folded from a camelCase
 * name (`sbtxprice`, `customerid`) into words: the cheapest sequence of known
 * pieces (Viterbi over word frequencies), where an unknown piece costs more
 * the longer it is. Known words (`homepage`, `salesperson`) stay whole.
 */
export function splitCompound(token: string, known: KnownPieces = NONE): string[] {
  if (token.length < MIN_COMPOUND || !/^[a-z]+$/.test(token)) return [token];
  if (known.has(token) || ABBREVIATIONS[token] !== undefined || isKnownWord(token)) return [token];
  const best = new Array<number>(token.length + 1).fill(Infinity);
  const from = new Array<number>(token.length + 1).fill(0);
  best[0] = 0;
  for (let end = 1; end <= token.length; end++) {
    for (let start = Math.max(0, end - MAX_PIECE); start < end; start++) {
      const piece = token.slice(start, end);
      const cost = known.has(piece) ? KNOWN_COST : (pieceCost(piece) ?? UNKNOWN_COST(piece.length));
      if (best[start]! + cost < best[end]!) {
        best[end] = best[start]! + cost;
        from[end] = start;
      }
    }
  }
  const pieces: string[] = [];
  for (let end = token.length; end > 0; end = from[end]!) pieces.unshift(token.slice(from[end]!, end));
  return pieces;
}
