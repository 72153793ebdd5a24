/**
 * Execution match between a gold result and a predicted one: the same number
 * of rows, and every gold column matched by some predicted column with the
 * same values row for row (names, order and extra columns are free); numbers
 * compare to 2 decimals; a date bucket may be a date, 'YYYY-MM', or a year or
 * month number; ordered turns also compare row order.
 */

export interface ResultSet {
  columns: string[];
  /** Rows as arrays, so duplicate column names survive. */
  rows: unknown[][];
}

type View = "exact" | "month" | "year" | "monthNumber";
const VIEWS: View[] = ["exact", "month", "year", "monthNumber"];

const DATE_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[ T].*)?$/;

function dateParts(v: unknown): { y: number; m: number; text: string } | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    const y = v.getUTCFullYear();
    const m = v.getUTCMonth() + 1;
    const d = v.getUTCDate();
    const time = v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() ? `T${v.toISOString().slice(11, 19)}` : "";
    return { y, m, text: `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}${time}` };
  }
  if (typeof v === "string") {
    const match = DATE_RE.exec(v.trim());
    if (match) {
      const text = v.trim().replace(" ", "T").replace(/T00:00:00(\.0+)?$/, "");
      return { y: Number(match[1]), m: Number(match[2]), text };
    }
  }
  return undefined;
}

function scalar(v: unknown): string {
  if (v === null || v === undefined) return "∅";
  if (typeof v === "number" || typeof v === "bigint") return formatNumber(Number(v));
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "string" && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v.trim())) return formatNumber(Number(v));
  const d = dateParts(v);
  if (d) return d.text;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

function formatNumber(n: number): string {
  const r = Math.round(n * 100 + (n >= 0 ? 1e-7 : -1e-7)) / 100;
  return Object.is(r, -0) ? "0.00" : r.toFixed(2);
}

/** A value seen through a bucket view: a date as its month, year or month number. */
export function view(v: unknown, kind: View): string {
  if (kind === "exact") return scalar(v);
  const d = dateParts(v);
  if (!d) return scalar(v);
  if (kind === "month") return `${d.y}-${String(d.m).padStart(2, "0")}`;
  if (kind === "year") return formatNumber(d.y);
  return formatNumber(d.m);
}

function sortedKey(values: string[]): string {
  return [...values].sort().join("\u0001");
}

interface Candidate {
  column: number;
  view: View;
}

/** Whether the predicted result matches the gold one under the rules above. */
export function resultsMatch(gold: ResultSet, predicted: ResultSet, ordered: boolean): boolean {
  if (gold.rows.length !== predicted.rows.length) return false;
  if (gold.rows.length === 0) return true;
  const goldCols = gold.columns.map((_, i) => i);
  const predCols = predicted.columns.map((_, i) => i);
  const goldValues = (i: number) => gold.rows.map((r) => r[i]);
  const predValues = (i: number) => predicted.rows.map((r) => r[i]);
  // For each gold column, the predicted columns (under some view) holding the same multiset of values.
  const candidates: Candidate[][] = goldCols.map((gi) => {
    const out: Candidate[] = [];
    for (const kind of VIEWS) {
      const g = goldValues(gi).map((v) => view(v, kind));
      const gKey = ordered ? g.join("\u0001") : sortedKey(g);
      for (const pc of predCols) {
        const p = predValues(pc).map((v) => view(v, kind));
        if ((ordered ? p.join("\u0001") : sortedKey(p)) === gKey) out.push({ column: pc, view: kind });
      }
    }
    return out;
  });
  if (candidates.some((c) => c.length === 0)) return false;
  const goldRowKey = (assign: Candidate[]) =>
    gold.rows.map((r) => assign.map((a, i) => view(r[i], a.view)).join("\u0002"));
  const predRowKey = (assign: Candidate[]) => predicted.rows.map((r) => assign.map((a) => view(r[a.column], a.view)).join("\u0002"));
  let tries = 0;
  const search = (i: number, assign: Candidate[]): boolean => {
    if (++tries > 5000) return false;
    if (i === goldCols.length) {
      const g = goldRowKey(assign);
      const p = predRowKey(assign);
      return ordered ? g.join("\u0003") === p.join("\u0003") : sortedKey(g) === sortedKey(p);
    }
    for (const c of candidates[i]!) if (search(i + 1, [...assign, c])) return true;
    return false;
  };
  return search(0, []);
}
