import type { TimeGrain } from "../spec.ts";
import type { Token } from "../text/tokenize.ts";

export type TimeUnit = "day" | "week" | "month" | "quarter" | "year";

/** A time expression found in a question, still independent of any column. */
export type TimeExpr =
  /** Absolute half-open range in ISO dates; an open end is null. `fiscalYear`: shift by the model's fiscal start. */
  | { kind: "range"; from: string | null; to: string | null; label: string; fiscalYear?: number }
  /** Relative to the anchor date ("last 3 months", "last year", "this quarter"). */
  | { kind: "relative"; unit: TimeUnit; n: number; mode: "rolling" | "previous" | "current"; label: string }
  /** A month without a year ("in March", "since May"): the latest such month up to the anchor. */
  | { kind: "month"; month: number; bound: "in" | "since" | "before" | "until"; label: string }
  /** Days of the week, ISO numbered (Monday 1 … Sunday 7): "on weekends", "on Mondays". */
  | { kind: "weekday"; days: number[]; label: string }
  /** Grouping by a time bucket ("per month", "yearly"). */
  /** `fiscal`: buckets of the model's fiscal year ("by fiscal quarter"). */
  | { kind: "grain"; grain: TimeGrain; fiscal?: boolean };

export interface TimeMatch {
  start: number;
  /** Exclusive. */
  end: number;
  expr: TimeExpr;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_ABBR = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const UNITS: Record<string, TimeUnit> = {
  day: "day", days: "day", week: "week", weeks: "week", month: "month", months: "month",
  quarter: "quarter", quarters: "quarter", year: "year", years: "year",
};
const GRAIN_ADJECTIVES: Record<string, TimeGrain> = {
  yearly: "year", annual: "year", annually: "year", quarterly: "quarter", monthly: "month", weekly: "week", daily: "day",
};
const GRAIN_NOUNS: Record<string, TimeGrain> = {
  year: "year", years: "year", quarter: "quarter", quarters: "quarter", month: "month", months: "month",
  week: "week", weeks: "week", day: "day", days: "day", date: "day", dates: "day",
};
const GROUP_WORDS = new Set(["per", "by", "each", "every", "over"]);
const ORDINALS: Record<string, number> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4, last: 4 };

const pad = (n: number) => String(n).padStart(2, "0");
export const isoDate = (y: number, m: number, d = 1) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
};

export function monthOf(word: string): number | undefined {
  const full = MONTHS.indexOf(word);
  if (full >= 0) return full + 1;
  const abbr = MONTH_ABBR.indexOf(word.replace(/\.$/, ""));
  return abbr >= 0 && word !== "may" && word !== "mar" ? abbr + 1 : word === "sept" ? 9 : undefined;
}

function yearOf(t: Token | undefined): number | undefined {
  if (!t) return undefined;
  if (t.kind === "number" && /^\d{4}$/.test(t.raw) && t.value! >= 1900 && t.value! <= 2100) return t.value;
  const m = /^(?:fy|cy)(\d{4})$/.exec(t.norm);
  return m ? Number(m[1]) : undefined;
}

export interface Period {
  /** ISO start; empty for a month without a year (resolved against the anchor later). */
  from: string;
  to: string;
  label: string;
  end: number;
  /** Set for "March" without a year. */
  monthOnly?: number;
  /** Set for "FY2024" / "fiscal year 2024". */
  fiscalYear?: number;
}

/** An absolute period starting at token i: "2024", "March 2024", "Q1 2023", "2024-03-05", "first half of 2022". */
function periodAt(tokens: Token[], i: number, fallbackYear?: number): Period | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  const year = yearOf(t);
  if (year !== undefined) {
    const fiscal = /^fy/.test(t.norm) || tokens[i - 1]?.norm === "fy" || (tokens[i - 1]?.norm === "year" && tokens[i - 2]?.norm === "fiscal") || tokens[i - 1]?.norm === "fiscal";
    return { from: isoDate(year, 1), to: isoDate(year + 1, 1), label: fiscal ? `fiscal year ${year}` : String(year), end: i + 1, ...(fiscal ? { fiscalYear: year } : {}) };
  }
  if (t.kind === "date") {
    const [y, m, d] = dateParts(t.raw) ?? [0, 0, 0];
    if (!y) return undefined;
    return { from: isoDate(y, m, d), to: isoDate(y, m, d + 1), label: t.raw, end: i + 1 };
  }
  const quarter = /^q([1-4])$/.exec(t.norm);
  if (quarter) {
    const q = Number(quarter[1]);
    let j = i + 1;
    if (tokens[j]?.norm === "of" || tokens[j]?.norm === "in") j++;
    const y = yearOf(tokens[j]) ?? fallbackYear;
    if (y === undefined) return undefined;
    return { from: isoDate(y, 3 * q - 2), to: isoDate(y, 3 * q + 1), label: `Q${q} ${y}`, end: yearOf(tokens[j]) ? j + 1 : i + 1 };
  }
  const ordinal = ORDINALS[t.norm];
  if (ordinal !== undefined && (tokens[i + 1]?.norm === "quarter" || tokens[i + 1]?.norm === "half")) {
    const half = tokens[i + 1]!.norm === "half";
    let j = i + 2;
    if (tokens[j]?.norm === "of" || tokens[j]?.norm === "in") j++;
    const y = yearOf(tokens[j]);
    if (y === undefined || (half && ordinal > 2)) return undefined;
    const n = half ? Math.min(ordinal, 2) : ordinal;
    const span = half ? 6 : 3;
    return { from: isoDate(y, span * (n - 1) + 1), to: isoDate(y, span * n + 1), label: `${t.norm} ${half ? "half" : "quarter"} of ${y}`, end: j + 1 };
  }
  // "may"/"mar" are words too: a month only before a year, or before a day and a year ("Mar 31, 2023").
  const dayThenYear = tokens[i + 1]?.kind === "number" && tokens[i + 1]!.value! >= 1 && tokens[i + 1]!.value! <= 31 && yearOf(tokens[i + 2]) !== undefined;
  const month = monthOf(t.norm) ?? (t.norm === "may" || t.norm === "mar" ? (yearOf(tokens[i + 1]) || dayThenYear ? monthOfAmbiguous(t.norm) : undefined) : undefined);
  if (month !== undefined) {
    let j = i + 1;
    let day: number | undefined;
    if (tokens[j]?.kind === "number" && tokens[j]!.value! >= 1 && tokens[j]!.value! <= 31 && !yearOf(tokens[j])) {
      day = tokens[j]!.value;
      j++;
      if (/^(st|nd|rd|th)$/.test(tokens[j]?.norm ?? "")) j++;
    }
    if (tokens[j]?.norm === "of") j++;
    const y = yearOf(tokens[j]) ?? fallbackYear;
    const end = yearOf(tokens[j]) !== undefined ? j + 1 : j;
    // "between March 1 and May 31, 2024": the day is read now, the year comes from the other end.
    if (y === undefined) return { from: "", to: "", label: MONTHS[month - 1]!, end: day !== undefined ? j : i + 1, monthOnly: month };
    if (day !== undefined) return { from: isoDate(y, month, day), to: isoDate(y, month, day + 1), label: `${MONTHS[month - 1]} ${day}, ${y}`, end };
    return { from: isoDate(y, month), to: isoDate(y, month + 1), label: `${MONTHS[month - 1]} ${y}`, end };
  }
  return undefined;
}

/** Year, month and day of a date token: ISO (2024-03-05) or US (3/5/2024). */
export function dateParts(raw: string): [y: number, m: number, d: number] | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  if (iso) return [+iso[1]!, +iso[2]!, +iso[3]!];
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  return us ? [+us[3]!, +us[1]!, +us[2]!] : undefined;
}

function monthOfAmbiguous(word: string): number {
  return word === "may" ? 5 : 3;
}

export { periodAt, GRAIN_ADJECTIVES, GRAIN_NOUNS, GROUP_WORDS, UNITS, yearOf };
