import { stem } from "./stem.ts";

export type TokenKind = "word" | "number" | "quoted" | "symbol" | "date";

export interface Token {
  /** The text as written (for quoted tokens: without the quotes). */
  raw: string;
  /** Lower-cased, accent-folded form. */
  norm: string;
  /** Stem of `norm`, used for matching. */
  lemma: string;
  kind: TokenKind;
  /** Numeric value of number tokens (also "five", "1,000", "$20", "10k"). */
  value?: number;
  /** Written with a capital letter (a hint that it names a value). */
  capitalized: boolean;
  /** Index in the token list. */
  index: number;
}

const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12,
};

const CONTRACTIONS: [RegExp, string][] = [
  [/\b(\w+)n['’]t\b/gi, "$1 not"],
  [/\bcan['’]t\b/gi, "can not"],
  [/\bwon['’]t\b/gi, "will not"],
  [/\b(what|who|where|which|how|that|there|it|here)['’]s\b/gi, "$1 is"],
  [/\b(\w+)['’]re\b/gi, "$1 are"],
  [/\b(\w+)['’](ve|ll|d)\b/gi, "$1"],
  [/\b(I)['’]m\b/gi, "$1 am"],
];

export function fold(text: string): string {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

function numberValue(text: string): number | undefined {
  const m = /^\$?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)(k|m)?%?$/i.exec(text);
  if (!m) return undefined;
  let n = Number(m[1]!.replace(/,/g, ""));
  if (m[2]?.toLowerCase() === "k") n *= 1000;
  if (m[2]?.toLowerCase() === "m") n *= 1_000_000;
  return n;
}

/**
 * Splits a question into tokens: quoted strings stay whole, numbers are
 * parsed, "&" reads as "and", possessive "'s" and most punctuation go.
 */
export function tokenize(question: string): Token[] {
  let text = question.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  for (const [re, to] of CONTRACTIONS) text = text.replace(re, to);
  const tokens: Token[] = [];
  const push = (raw: string, kind: TokenKind, value?: number) => {
    const norm = fold(raw);
    tokens.push({
      raw,
      norm,
      lemma: kind === "word" ? stem(norm) : norm,
      kind,
      ...(value !== undefined ? { value } : {}),
      capitalized: /^\p{Lu}/u.test(raw),
      index: tokens.length,
    });
  };
  const re = /(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})|"([^"]+)"|(?<![\p{L}\d])'([^']+)'(?![\p{L}\d])|(\$?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:k|m)?(?![\p{L}\d])%?|\$?\.\d+)|([\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*)|(&)|([<>]=?|!=|=)/giu;
  for (const m of text.matchAll(re)) {
    if (m[1] !== undefined) push(m[1], "date");
    else if (m[2] !== undefined || m[3] !== undefined) push((m[2] ?? m[3])!.trim(), "quoted");
    else if (m[4] !== undefined) push(m[4], "number", numberValue(m[4]));
    else if (m[5] !== undefined) {
      const word = m[5].replace(/['’]s$/i, "");
      // Hyphenated words are matched as separate words ("year-over-year", "e-mail" stays joined below).
      const parts = /^[a-z]-[a-z]+$/i.test(word) ? [word.replace("-", "")] : word.split(/[-']/);
      for (const part of parts) {
        if (!part) continue;
        const asNumber = NUMBER_WORDS[part.toLowerCase()];
        if (asNumber !== undefined) push(part, "number", asNumber);
        else if (/^\d+$/.test(part)) push(part, "number", Number(part));
        else push(part, "word");
      }
    } else if (m[6] !== undefined) push("and", "word");
    else if (m[7] !== undefined) push(m[7], "symbol");
  }
  return tokens;
}
