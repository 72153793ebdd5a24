import type { Token } from "./text/tokenize.ts";
import { dateParts, monthOf, yearOf } from "./time/extract.ts";

/** A value written in a question that cannot be read exactly; the question is refused rather than guessed at. */
export interface LiteralProblem {
  code: "INVALID_DATE" | "NUMBER_TOO_LARGE";
  message: string;
}

/** Whether the day exists: no 13th month, no 30 February (JavaScript would roll both over silently). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const ambiguousMonths: Record<string, number> = { may: 5, mar: 3 };

/** "February 30, 2023" / "feb 30th of 2023": the date a month name, a day and a year spell, when they do. */
function spelledDate(tokens: Token[], i: number): { y: number; m: number; d: number; text: string } | undefined {
  const m = monthOf(tokens[i]!.norm) ?? ambiguousMonths[tokens[i]!.norm];
  const day = tokens[i + 1];
  if (m === undefined || day?.kind !== "number" || day.value === undefined || !Number.isInteger(day.value) || day.value < 1 || day.value > 31 || yearOf(day) !== undefined) return undefined;
  let j = i + 2;
  if (/^(st|nd|rd|th)$/.test(tokens[j]?.norm ?? "")) j++;
  if (tokens[j]?.norm === "of") j++;
  const y = yearOf(tokens[j]);
  if (y === undefined) return undefined;
  return { y, m, d: day.value, text: tokens.slice(i, j + 1).map((t) => t.raw).join(" ") };
}

/**
 * The first date that is not in the calendar, or number too large for exact
 * arithmetic (beyond 2^53), among a question's tokens.
 */
export function literalProblem(tokens: Token[]): LiteralProblem | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === "date") {
      const parts = dateParts(t.raw);
      if (parts && !isCalendarDate(...parts)) return { code: "INVALID_DATE", message: `“${t.raw}” is not a date in the calendar.` };
    }
    if (t.kind === "number" && t.value !== undefined && beyondExact(t.value)) {
      return { code: "NUMBER_TOO_LARGE", message: `“${t.raw}” is too large a number to work with exactly (at most ${Number.MAX_SAFE_INTEGER.toLocaleString("en")}).` };
    }
    const spelled = t.kind === "word" ? spelledDate(tokens, i) : undefined;
    if (spelled && !isCalendarDate(spelled.y, spelled.m, spelled.d)) return { code: "INVALID_DATE", message: `“${spelled.text}” is not a date in the calendar.` };
  }
  return undefined;
}

/** Text that starts like a date (YYYY-MM-DD, maybe with a time) names a day that exists; other text passes. */
export function datePrefixValid(text: string): boolean {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?=$|[ T])/.exec(text.trim());
  return !m || isCalendarDate(+m[1]!, +m[2]!, +m[3]!);
}

/** A number too large for exact comparison: beyond 2^53 a JavaScript number no longer holds every integer. */
export const beyondExact = (n: number) => Math.abs(n) > Number.MAX_SAFE_INTEGER;
