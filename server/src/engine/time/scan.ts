import type { Token } from "../text/tokenize.ts";
import { GRAIN_ADJECTIVES, GRAIN_NOUNS, GROUP_WORDS, periodAt, UNITS, yearOf, type Period, type TimeExpr, type TimeMatch } from "./extract.ts";

const RELATIVE_WORDS = new Set(["last", "past", "previous", "prior", "trailing", "recent", "preceding"]);
const CURRENT_WORDS = new Set(["this", "current"]);

function skip(tokens: Token[], i: number, words: string[]): number {
  while (tokens[i] && words.includes(tokens[i]!.norm)) i++;
  return i;
}

function asRange(p: Period, bound: "in" | "since" | "after" | "before" | "until"): TimeExpr {
  if (p.monthOnly !== undefined) {
    const b = bound === "after" ? "since" : bound;
    return { kind: "month", month: p.monthOnly, bound: b, label: `${bound === "in" ? "in" : bound} ${p.label}` };
  }
  switch (bound) {
    case "in":
      return { kind: "range", from: p.from, to: p.to, label: `in ${p.label}`, ...(p.fiscalYear ? { fiscalYear: p.fiscalYear } : {}) };
    case "since":
      return { kind: "range", from: p.from, to: null, label: `since ${p.label}` };
    case "after":
      return { kind: "range", from: p.to, to: null, label: `after ${p.label}` };
    case "before":
      return { kind: "range", from: null, to: p.from, label: `before ${p.label}` };
    case "until":
      return { kind: "range", from: null, to: p.to, label: `until ${p.label}` };
  }
}

const BOUNDS: Record<string, "in" | "since" | "after" | "before" | "until"> = {
  in: "in", fy: "in", fiscal: "in", during: "in", for: "in", of: "in", on: "in", within: "in",
  since: "since", from: "since", starting: "since", after: "after",
  before: "before", prior: "before", until: "until", till: "until", through: "until", thru: "until",
};

const INCLUSIVE_BOUNDS: Record<string, "since" | "until"> = { after: "since", before: "until" };

/** Relative periods at i: "last 3 months", "the past year", "this quarter", "year to date". */
function relativeAt(tokens: Token[], i: number): TimeMatch | undefined {
  const t = tokens[i]!;
  if (t.norm === "ytd" || (t.norm === "year" && tokens[i + 1]?.norm === "to" && tokens[i + 2]?.norm === "date")) {
    return { start: i, end: t.norm === "ytd" ? i + 1 : i + 3, expr: { kind: "relative", unit: "year", n: 1, mode: "current", label: "year to date" } };
  }
  if (t.norm === "today" || t.norm === "yesterday") {
    const mode = t.norm === "today" ? "current" : "previous";
    return { start: i, end: i + 1, expr: { kind: "relative", unit: "day", n: 1, mode, label: t.norm } };
  }
  if (!RELATIVE_WORDS.has(t.norm) && !CURRENT_WORDS.has(t.norm)) return undefined;
  let j = skip(tokens, i + 1, QUALIFIERS);
  let n: number | undefined;
  if (tokens[j]?.kind === "number" && yearOf(tokens[j]) === undefined) {
    n = tokens[j]!.value;
    j = skip(tokens, j + 1, QUALIFIERS);
  }
  const unit = UNITS[tokens[j]?.norm ?? ""];
  if (!unit) return undefined;
  const current = CURRENT_WORDS.has(t.norm);
  const rolling = n !== undefined || ["past", "trailing", "recent"].includes(t.norm);
  const mode = current ? "current" : rolling ? "rolling" : "previous";
  const label = `${t.norm} ${n !== undefined ? `${n} ` : ""}${tokens[j]!.norm}`;
  return { start: i, end: trailerEnd(tokens, j + 1, mode), expr: { kind: "relative", unit, n: n ?? 1, mode, label } };
}

const DAY_NAMES = ["mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays"];

/** "on weekends", "during weekdays", "on Mondays": days of the week, whatever the date. */
function weekdayAt(tokens: Token[], i: number): TimeMatch | undefined {
  const led = ["on", "during", "over", "at"].includes(tokens[i]!.norm);
  const j = skip(tokens, led ? i + 1 : i, ["the", "a"]);
  const w = tokens[j]?.norm ?? "";
  const days = /^weekends?$/.test(w) ? [6, 7] : /^weekdays?$/.test(w) ? [1, 2, 3, 4, 5] : DAY_NAMES.includes(w) ? [DAY_NAMES.indexOf(w) + 1] : undefined;
  // ("weekend payments" alone; a bare day name only after "on": "on Mondays").
  if (!days || (!led && DAY_NAMES.includes(w))) return undefined;
  return { start: i, end: j + 1, expr: { kind: "weekday", days, label: `on ${w}` } };
}

/** Words that only stress a period's span: "the previous ISO week", "the last 3 full months". */
const QUALIFIERS = ["iso", "calendar", "full", "whole", "complete", "entire"];
const EXCLUDING = [["not", "including"], ["not", "counting"], ["excluding"], ["except"], ["but", "not"], ["without"]];
const INCLUSIVE_WORDS = new Set(["of", "today", "s", "date", "dates", "the", "current", "day", "days", "ago", "start", "end", "and", "both", "it", "now", "todays"]);

/** Past "inclusive of the start and end dates" at `k`, which only repeats a period's own ends; `k` when not there. */
function inclusiveEnd(tokens: Token[], k: number): number {
  const at = (x: number) => tokens[x]?.norm;
  if (at(k) !== "inclusive" && at(k) !== "including") return k;
  let j = k + 1;
  while (j < tokens.length && j < k + 8 && (INCLUSIVE_WORDS.has(at(j)!) || tokens[j]!.kind === "number" || UNITS[at(j)!])) j++;
  return j;
}

/**
 * What a period already implies, said again after it: "the previous week, not including the
 * current week", "the past 30 days, inclusive of 30 days ago", "the last 7 days from today".
 * Read as part of the period (a rolling period starts that many days back and runs to today).
 */
function trailerEnd(tokens: Token[], end: number, mode: "rolling" | "previous" | "current"): number {
  const at = (k: number) => tokens[k]?.norm;
  const skipComma = (k: number) => (tokens[k]?.kind === "symbol" ? k + 1 : k);
  let k = skipComma(end);
  const excl = EXCLUDING.find((w) => w.every((x, d) => at(k + d) === x));
  if (excl && mode === "previous") {
    const c = skip(tokens, k + excl.length, ["the"]);
    if ((at(c) === "current" || at(c) === "this") && UNITS[at(c + 1) ?? ""]) return c + 2;
  }
  const inclusive = inclusiveEnd(tokens, k);
  if (inclusive > k) return inclusive;
  if ((at(k) === "from" || at(k) === "until" || at(k) === "till") && at(k + 1) === "today") return k + 2;
  if (["as", "up"].includes(at(k) ?? "") && ["of", "to"].includes(at(k + 1) ?? "") && at(k + 2) === "today") return k + 3;
  return end;
}

/**
 * Finds time expressions in a question: periods with their connector
 * ("in 2024", "since March", "between Q1 2023 and Q2 2023", "before 2022"),
 * relative periods ("last 3 months") and grains ("per month", "quarterly").
 */
export function scanTime(tokens: Token[], namesColumn: (i: number) => boolean = () => false): TimeMatch[] {
  const out: TimeMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const grain = GRAIN_ADJECTIVES[t.norm];
    // "annual quota", "monthly fee": the adjective is part of a column's name there.
    if (grain && !namesColumn(i)) {
      out.push({ start: i, end: i + 1, expr: { kind: "grain", grain } });
      continue;
    }
    if (GROUP_WORDS.has(t.norm) || (t.norm === "for" && tokens[i + 1]?.norm === "each")) {
      const k = skip(tokens, i + 1, ["each", "every", "the", "a", "calendar"]);
      const fiscal = (tokens[k]?.norm === "fiscal" || tokens[k]?.norm === "fy") && ["year", "years", "quarter", "quarters"].includes(tokens[k + 1]?.norm ?? "");
      const j = fiscal ? k + 1 : k;
      const noun = GRAIN_NOUNS[tokens[j]?.norm ?? ""];
      // "by date" is often a column; only bare grain words count here, and never "per year of birth".
      const ofSomething = tokens[j + 1]?.norm === "of" && yearOf(tokens[j + 2]) === undefined;
      if (noun && tokens[j]!.norm !== "date" && tokens[j]!.norm !== "dates" && !ofSomething) {
        out.push({ start: i, end: j + 1, expr: { kind: "grain", grain: noun, ...(fiscal ? { fiscal } : {}) } });
        i = j;
        continue;
      }
    }
    if (GRAIN_NOUNS[t.norm] && ["by", "over"].includes(tokens[i + 1]?.norm ?? "") && tokens[i + 2]?.norm === t.norm) {
      out.push({ start: i, end: i + 3, expr: { kind: "grain", grain: GRAIN_NOUNS[t.norm]! } });
      i += 2;
      continue;
    }
    const k = skip(tokens, i, ["in", "during", "over", "within", "for"]);
    const kk = skip(tokens, k, ["the", "whole", "entire", "of"]);
    const relative = tokens[kk] ? relativeAt(tokens, kk) : undefined;
    if (relative) {
      out.push({ ...relative, start: i });
      i = relative.end - 1;
      continue;
    }
    const weekday = weekdayAt(tokens, i);
    if (weekday) {
      out.push(weekday);
      i = weekday.end - 1;
      continue;
    }
    const between = t.norm === "between" || t.norm === "from";
    if (between) {
      const start = skip(tokens, i + 1, ["the", "year"]);
      let p1 = periodAt(tokens, start);
      const link = tokens[p1?.end ?? -1]?.norm;
      if (p1 && (link === "and" || link === "to" || link === "until" || link === "through" || link === "till")) {
        const fallbackYear = p1.monthOnly === undefined ? Number(p1.from.slice(0, 4)) : undefined;
        const p2 = periodAt(tokens, skip(tokens, p1.end + 1, ["the", "year"]), fallbackYear);
        // "between January and March 1998": the first month takes the year of the second.
        if (p1.monthOnly !== undefined && p2 && p2.monthOnly === undefined) {
          const again = periodAt(tokens, start, Number(p2.from.slice(0, 4)));
          if (again && again.monthOnly === undefined) p1 = { ...again, end: p1.end };
        }
        if (p2 && p1.monthOnly === undefined && p2.monthOnly === undefined) {
          // "between Jan 1 and Mar 31 (inclusive of start and end dates)": both days are already in.
          const after = tokens[p2.end]?.kind === "symbol" ? p2.end + 1 : p2.end;
          const end = inclusiveEnd(tokens, after) > after ? inclusiveEnd(tokens, after) : p2.end;
          out.push({ start: i, end, expr: { kind: "range", from: p1.from, to: p2.to, label: `between ${p1.label} and ${p2.label}` } });
          i = end - 1;
          continue;
        }
      }
    }
    // "on or after April 1": that day included.
    const inclusive = t.norm === "on" && tokens[i + 1]?.norm === "or" ? INCLUSIVE_BOUNDS[tokens[i + 2]?.norm ?? ""] : undefined;
    const bound = inclusive ?? BOUNDS[t.norm];
    if (bound) {
      const j = skip(tokens, inclusive ? i + 3 : i + 1, ["the", "year", "to", "of", "month", "fiscal", "fy"]);
      const p = periodAt(tokens, j);
      if (p) {
        // "invoices from 2022" is within 2022; "from 2022 on(wards)" starts there.
        const onwards = ["on", "onwards", "onward", "forward", "forwards"].includes(tokens[p.end]?.norm ?? "");
        const b = t.norm === "from" && !onwards ? "in" : bound;
        out.push({ start: i, end: onwards ? p.end + 1 : p.end, expr: asRange(p, b) });
        i = (onwards ? p.end + 1 : p.end) - 1;
        continue;
      }
    }
    const p = periodAt(tokens, i);
    if (p && p.monthOnly === undefined) {
      out.push({ start: i, end: p.end, expr: asRange(p, "in") });
      i = p.end - 1;
    }
  }
  return out;
}
