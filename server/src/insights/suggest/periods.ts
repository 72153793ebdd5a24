import type { TimeGrain } from "../../engine/spec.ts";

/** Calendar arithmetic on the ISO dates (`YYYY-MM-DD`) of range filters, in UTC. */

const DAY = 86_400_000;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function parse(text: string | null): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const d = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, d.getUTCDate()));

export interface PreviousPeriod {
  from: string;
  to: string;
  /** "2023", "Q2 2024", "May 2024", "the previous 30 days". */
  label: string;
  /** The calendar unit the range is exactly one of, if any: comparing by it puts both periods side by side. */
  grain: TimeGrain | null;
}

/** The period of the same length just before `[from, to)`, or null for open or unreadable ranges. */
export function previousPeriod(fromText: string | null, toText: string | null): PreviousPeriod | null {
  const from = parse(fromText);
  const to = parse(toText);
  if (!from || !to || to <= from) return null;
  if (from.getUTCDate() === 1) {
    const y = from.getUTCFullYear();
    const m = from.getUTCMonth();
    if (m === 0 && iso(plusMonths(from, 12)) === iso(to)) {
      return { from: iso(plusMonths(from, -12)), to: iso(from), label: String(y - 1), grain: "year" };
    }
    if (m % 3 === 0 && iso(plusMonths(from, 3)) === iso(to)) {
      const prev = plusMonths(from, -3);
      return { from: iso(prev), to: iso(from), label: `Q${prev.getUTCMonth() / 3 + 1} ${prev.getUTCFullYear()}`, grain: "quarter" };
    }
    if (iso(plusMonths(from, 1)) === iso(to)) {
      const prev = plusMonths(from, -1);
      return { from: iso(prev), to: iso(from), label: `${MONTHS[prev.getUTCMonth()]} ${prev.getUTCFullYear()}`, grain: "month" };
    }
  }
  const days = Math.round((to.getTime() - from.getTime()) / DAY);
  const prev = new Date(from.getTime() - days * DAY);
  return { from: iso(prev), to: iso(from), label: days === 1 ? "the day before" : `the previous ${days} days`, grain: null };
}

/** Days covered by a range, or null when an end is open or unreadable. */
export function rangeDays(fromText: string | null, toText: string | null): number | null {
  const from = parse(fromText);
  const to = parse(toText);
  return from && to ? Math.round((to.getTime() - from.getTime()) / DAY) : null;
}

/** Days between two ISO dates or timestamps (a time field's min and max), or null. */
export function spanDays(min: string | null | undefined, max: string | null | undefined): number | null {
  return rangeDays(min?.slice(0, 10) ?? null, max?.slice(0, 10) ?? null);
}

/** A grain that gives a readable number of points over a span: days for two months, months up to six years, then years. */
export function grainForSpan(days: number | null): TimeGrain {
  if (days === null) return "month";
  if (days <= 62) return "day";
  if (days <= 6 * 366) return "month";
  return "year";
}

export const GRAIN_DAYS: Record<TimeGrain, number> = { day: 1, week: 7, month: 31, quarter: 92, year: 366 };

/** The next grain to look at: finer for coarse grains (year → month), coarser for fine ones (month → quarter). */
export const OTHER_GRAIN: Record<TimeGrain, TimeGrain> = { year: "month", quarter: "month", month: "quarter", week: "month", day: "week" };
