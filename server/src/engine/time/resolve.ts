import type { Field } from "../../semantic/types.ts";
import type { FieldRef, Filter } from "../spec.ts";
import { isoDate, type TimeExpr, type TimeUnit } from "./extract.ts";

const DAY = 86_400_000;

function parseDate(text: string | null | undefined): Date | undefined {
  if (!text) return undefined;
  const d = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/**
 * The date "now" means for a column: today when the data is current, the
 * column's latest value when the data stops earlier (a sample database from
 * years ago), so "last 3 months" finds rows.
 */
export function anchorFor(field: Field | undefined, now: Date): Date {
  const latest = parseDate(field?.max);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (!latest) return today;
  return latest.getTime() < today.getTime() - 31 * DAY ? latest : today;
}

function add(d: Date, unit: TimeUnit, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  switch (unit) {
    case "day":
      return new Date(Date.UTC(y, m, day + n));
    case "week":
      return new Date(Date.UTC(y, m, day + 7 * n));
    case "month":
      return new Date(Date.UTC(y, m + n, day));
    case "quarter":
      return new Date(Date.UTC(y, m + 3 * n, day));
    case "year":
      return new Date(Date.UTC(y + n, m, day));
  }
}

function startOf(d: Date, unit: TimeUnit): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case "day":
      return new Date(Date.UTC(y, m, d.getUTCDate()));
    case "week": {
      const dow = (d.getUTCDay() + 6) % 7;
      return new Date(Date.UTC(y, m, d.getUTCDate() - dow));
    }
    case "month":
      return new Date(Date.UTC(y, m, 1));
    case "quarter":
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case "year":
      return new Date(Date.UTC(y, 0, 1));
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** A time expression as a range filter on a column, anchored as `anchorFor` says. */
export function timeFilter(expr: Exclude<TimeExpr, { kind: "grain" }>, ref: FieldRef, field: Field | undefined, now: Date, fiscalStartMonth = 1): Filter {
  if (expr.kind === "range") {
    // FY2024 with a fiscal year starting in April runs from 2023-04-01 to 2024-04-01 (named by the year it ends in).
    if (expr.fiscalYear && fiscalStartMonth > 1) {
      return { kind: "range", field: ref, from: isoDate(expr.fiscalYear - 1, fiscalStartMonth), to: isoDate(expr.fiscalYear, fiscalStartMonth), label: expr.label };
    }
    return { kind: "range", field: ref, from: expr.from, to: expr.to, label: expr.label };
  }
  if (expr.kind === "weekday") return { kind: "weekday", field: ref, days: expr.days, label: expr.label };
  const anchor = anchorFor(field, now);
  if (expr.kind === "month") {
    const y = expr.month - 1 <= anchor.getUTCMonth() ? anchor.getUTCFullYear() : anchor.getUTCFullYear() - 1;
    const from = isoDate(y, expr.month);
    const to = isoDate(y, expr.month + 1);
    const range = {
      in: [from, to],
      since: [from, null],
      before: [null, from],
      until: [null, to],
    }[expr.bound] as [string | null, string | null];
    return { kind: "range", field: ref, from: range[0], to: range[1], label: `${expr.label} ${y}` };
  }
  if (expr.mode === "rolling") {
    return { kind: "range", field: ref, from: iso(add(anchor, expr.unit, -expr.n)), to: null, label: `${expr.label} (up to ${iso(anchor)})` };
  }
  const current = startOf(anchor, expr.unit);
  if (expr.mode === "current") return { kind: "range", field: ref, from: iso(current), to: null, label: `${expr.label} (as of ${iso(anchor)})` };
  const previous = add(current, expr.unit, -expr.n);
  return { kind: "range", field: ref, from: iso(previous), to: iso(current), label: `${expr.label} (before ${iso(current)})` };
}
