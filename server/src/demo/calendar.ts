/**
 * Dates as whole days (and timestamps as whole minutes) since 1970-01-01 UTC.
 * Integers keep the generators free of time-zone and DST surprises.
 */

const MS_PER_DAY = 86_400_000;

export type Day = number;
export type Minute = number;

export function day(year: number, month: number, dayOfMonth: number): Day {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

function parts(d: Day): Date {
  return new Date(d * MS_PER_DAY);
}

export function yearOf(d: Day): number {
  return parts(d).getUTCFullYear();
}

/** 1 = January. */
export function monthOf(d: Day): number {
  return parts(d).getUTCMonth() + 1;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(d: Day): number {
  return parts(d).getUTCDay();
}

export function isWeekend(d: Day): boolean {
  const w = weekdayOf(d);
  return w === 0 || w === 6;
}

const isoDates = new Map<Day, string>();

/** `YYYY-MM-DD` (memoised: the generators format the same few thousand days many times). */
export function isoDate(d: Day): string {
  let text = isoDates.get(d);
  if (text === undefined) {
    text = parts(d).toISOString().slice(0, 10);
    isoDates.set(d, text);
  }
  return text;
}

export function minuteOf(d: Day, hour = 0, minute = 0): Minute {
  return d * 1440 + hour * 60 + minute;
}

export function dayOfMinute(m: Minute): Day {
  return Math.floor(m / 1440);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `YYYY-MM-DD HH:MM:SS`. */
export function isoTimestamp(m: Minute): string {
  const d = Math.floor(m / 1440);
  const inDay = m - d * 1440;
  return `${isoDate(d)} ${pad2(Math.floor(inDay / 60))}:${pad2(inDay % 60)}:00`;
}

/** Monday–Friday days in [from, to], both included. */
export function workingDaysBetween(from: Day, to: Day): number {
  let count = 0;
  for (let d = from; d <= to; d++) if (!isWeekend(d)) count++;
  return count;
}

/** Parses `YYYY-MM-DD`. */
export function parseIsoDate(iso: string): Day {
  const [y, m, d] = iso.split("-").map(Number);
  return day(y as number, m as number, d as number);
}

/** Days in the month that contains `d`. */
export function daysInMonth(d: Day): number {
  const y = yearOf(d);
  const m = monthOf(d);
  return day(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - day(y, m, 1);
}
