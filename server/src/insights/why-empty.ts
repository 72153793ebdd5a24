import { describeFilter, describeRows } from "../engine/explain.ts";
import { cloneSpec, type FieldRef, type Filter, type QuerySpec } from "../engine/spec.ts";
import type { SemanticModel } from "../semantic/types.ts";
import { fieldLabel } from "./labels.ts";
import type { Suggestion } from "./types.ts";

/** Queries the explanation may run on the data source (each one small: a count or a min/max). */
export interface EmptyProbe {
  count(spec: QuerySpec): Promise<number>;
  bounds(spec: QuerySpec, field: FieldRef): Promise<{ min: string; max: string } | null>;
}

export interface EmptyReason {
  /** What the answer says instead of "no rows": the filter that emptied it and what the data holds. */
  message: string;
  /** A question that returns rows (checked), when one was found. */
  suggestion: Suggestion | null;
}

/** Filters tried one by one; past it the reason names them together. */
const MAX_FILTERS_TRIED = 6;

const countOf = (spec: QuerySpec, filters: Filter[]): QuerySpec => ({
  ...cloneSpec(spec),
  measures: [{ kind: "count", entity: spec.entity }],
  dimensions: [],
  having: [],
  order: [],
  limit: null,
  columns: [],
  distinct: false,
  rollup: undefined,
  shareOf: undefined,
  filters,
});

const without = (filters: Filter[], index: number) => filters.filter((_, i) => i !== index);
const day = (value: string) => value.slice(0, 10);
const numberFormat = new Intl.NumberFormat("en-US");

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const parse = (iso: string): Ymd => ({ y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) });
const iso = ({ y, m, d }: Ymd) => `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const monthIndex = ({ y, m }: Ymd) => y * 12 + (m - 1);
const fromMonthIndex = (i: number): Ymd => ({ y: Math.floor(i / 12), m: (i % 12) + 1, d: 1 });
const dayNumber = (v: Ymd) => Date.UTC(v.y, v.m - 1, v.d) / 86_400_000;
const fromDayNumber = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

/**
 * The period as long as `[from, to)` that holds `latest`, on the same grid
 * (a year stays a calendar year, a quarter a quarter), with its label.
 */
function periodHolding(from: string, to: string, latest: string): { from: string; to: string; label: string } | null {
  const a = parse(from);
  const b = parse(to);
  const last = parse(latest);
  if (a.d === 1 && b.d === 1) {
    const months = monthIndex(b) - monthIndex(a);
    if (months <= 0) return null;
    const start = monthIndex(a) + Math.floor((monthIndex(last) - monthIndex(a)) / months) * months;
    const begin = fromMonthIndex(start);
    const end = fromMonthIndex(start + months);
    const label =
      months === 12 && begin.m === 1
        ? String(begin.y)
        : months === 3 && (begin.m - 1) % 3 === 0
          ? `Q${(begin.m - 1) / 3 + 1} ${begin.y}`
          : months === 1
            ? `${MONTHS[begin.m - 1]} ${begin.y}`
            : `${iso(begin)} to ${fromDayNumber(dayNumber(end) - 1)}`;
    return { from: iso(begin), to: iso(end), label };
  }
  const days = dayNumber(b) - dayNumber(a);
  if (days <= 0) return null;
  const start = dayNumber(a) + Math.floor((dayNumber(last) - dayNumber(a)) / days) * days;
  return { from: fromDayNumber(start), to: fromDayNumber(start + days), label: `${fromDayNumber(start)} to ${fromDayNumber(start + days - 1)}` };
}

/**
 * Why a question over filtered rows came back empty: each filter is dropped
 * in turn to find the one that emptied it; a time range is told the range the
 * data covers and offered the latest period of the same length, any other
 * filter is offered its removal. Every suggestion is counted before it is
 * offered, so it returns rows. Null when the spec has no filters to blame.
 */
export async function whyEmpty(spec: QuerySpec, model: SemanticModel, probe: EmptyProbe): Promise<EmptyReason | null> {
  const filters = spec.filters;
  if (filters.length === 0) return null;
  const rows = describeRows(spec.entity, model);

  for (let i = 0; i < Math.min(filters.length, MAX_FILTERS_TRIED); i++) {
    const culprit = filters[i]!;
    const rest = without(filters, i);
    const remaining = await probe.count(countOf(spec, rest));
    if (remaining === 0) continue;
    const what = describeFilter(culprit, model);

    if (culprit.kind === "range") {
      const bounds = await probe.bounds(countOf(spec, rest), culprit.field);
      if (bounds) {
        const covers = `No ${rows} ${culprit.label}: the data holds ${rows} from ${day(bounds.min)} to ${day(bounds.max)} (${fieldLabel(model, culprit.field.entity, culprit.field.field).toLowerCase()}).`;
        const period = culprit.from && culprit.to ? periodHolding(culprit.from, culprit.to, day(bounds.max)) : null;
        if (period) {
          const shifted: Filter = { ...culprit, from: period.from, to: period.to, label: `in ${period.label}` };
          const next = { ...cloneSpec(spec), filters: filters.map((f, j) => (j === i ? shifted : f)) };
          if ((await probe.count(countOf(next, next.filters))) > 0) {
            return { message: covers, suggestion: { kind: "widen", label: `Show ${period.label} instead`, spec: next } };
          }
        }
        return { message: covers, suggestion: { kind: "widen", label: `Without “${what}”`, spec: { ...cloneSpec(spec), filters: rest } } };
      }
    }
    return {
      message: `No ${rows} where ${what}; without that condition there are ${numberFormat.format(remaining)}.`,
      suggestion: { kind: "widen", label: `Without “${what}”`, spec: { ...cloneSpec(spec), filters: rest } },
    };
  }

  const all = filters.map((f) => describeFilter(f, model)).join(" and ");
  const total = await probe.count(countOf(spec, []));
  if (total === 0) return { message: `There are no ${rows} at all.`, suggestion: null };
  return {
    message: `No ${rows} where ${all}: no one of these conditions empties it alone; without them there are ${numberFormat.format(total)}.`,
    suggestion: { kind: "widen", label: "Without these conditions", spec: { ...cloneSpec(spec), filters: [] } },
  };
}
