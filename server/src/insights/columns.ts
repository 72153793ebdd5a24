import type { Dimension, QuerySpec, TimeGrain } from "../engine/spec.ts";
import { nameWords } from "../semantic/names.ts";
import type { SemanticModel } from "../semantic/types.ts";
import type { ResultColumn } from "../sql/executor/executor.ts";
import type { ColumnRole } from "./types.ts";
import { columnStats, NUMERIC_TYPES, type ColumnStats } from "./values.ts";

/** A result column with what it means: its role, the spec part it comes from, and its values' shape. */
export interface ResolvedColumn {
  position: number;
  name: string;
  type: ResultColumn["type"];
  role: ColumnRole["role"];
  /** Index into the spec's dimensions (dimension, time, key) or measures (measure). */
  index?: number;
  grain?: TimeGrain;
  stats: ColumnStats;
}

type RoleGuess = Omit<ResolvedColumn, "stats" | "position" | "name" | "type">;

const TIME_TYPES = new Set(["date", "timestamp"]);

/** Output columns of one dimension, in the order the compiler selects them (see engine/compile). */
function dimensionLayout(model: SemanticModel, d: Dimension, i: number): RoleGuess[] | null {
  if (d.kind === "field") {
    const entity = model.entities.find((e) => e.name === d.field.entity);
    const field = entity?.fields.find((f) => f.name === d.field.field);
    if (!field) return null;
    const time = TIME_TYPES.has(field.type);
    if (time) return [{ role: "time", index: i, ...(d.grain ? { grain: d.grain } : {}) }];
    return [{ role: "dimension", index: i }];
  }
  const entity = model.entities.find((e) => e.name === d.entity);
  if (!entity) return null;
  const keys = entity.primaryKey.length > 0 ? entity.primaryKey : entity.labelFields;
  const names = [...new Set([...keys, ...entity.labelFields])];
  const composed = entity.labelFields.length === 2;
  // The column that names a group: the composed name, else the first label field, else the key.
  const naming = composed ? null : (entity.labelFields[0] ?? names[0]);
  const out: RoleGuess[] = names.map((n) => ({ role: n === naming ? "dimension" : "key", index: i }));
  if (composed) out.push({ role: "dimension", index: i });
  return out;
}

/** Roles from the spec, matched by position: the compiler selects dimensions' columns, then measures. */
function rolesFromSpec(spec: QuerySpec, model: SemanticModel, columns: readonly ResultColumn[]): RoleGuess[] | null {
  if (spec.measures.length === 0 && spec.dimensions.length === 0) return rolesOfListing(spec, model, columns);
  if (spec.rollup) return columns.length === 1 ? [{ role: "measure", index: 0 }] : null;
  const out: RoleGuess[] = [];
  for (const [i, d] of spec.dimensions.entries()) {
    const layout = dimensionLayout(model, d, i);
    if (!layout) return null;
    out.push(...layout);
  }
  spec.measures.forEach((_, i) => out.push({ role: "measure", index: i }));
  if (out.length !== columns.length) return null;
  // A time bucket by year comes back as an integer; anything else must agree with the column's type.
  const agrees = out.every((g, i) => g.role !== "time" || g.grain === "year" || TIME_TYPES.has(columns[i]!.type));
  return agrees ? out : null;
}

function rolesOfListing(spec: QuerySpec, model: SemanticModel, columns: readonly ResultColumn[]): RoleGuess[] {
  const entities = [spec.entity, ...spec.columns.map((c) => c.entity)];
  const fieldOf = (name: string) => {
    for (const e of entities) {
      const f = model.entities.find((x) => x.name === e)?.fields.find((x) => x.name === name);
      if (f) return f;
    }
    return undefined;
  };
  return columns.map((c) => {
    const f = fieldOf(c.name);
    if (!f) return inferRole(c, null);
    switch (f.role) {
      case "id":
      case "foreign_key":
        return { role: "key" };
      case "time":
        return { role: "time" };
      case "measure":
        return { role: "measure" };
      case "dimension":
        return { role: "dimension" };
      default:
        return { role: "attribute" };
    }
  });
}

const isIdName = (name: string) => {
  const words = nameWords(name);
  return words[words.length - 1] === "id" || /[a-z]Id$|ID$/.test(name);
};

/** A role from the column alone (SQL without a spec): its type, name and values. */
function inferRole(column: ResultColumn, stats: ColumnStats | null): RoleGuess {
  const words = nameWords(column.name);
  if (NUMERIC_TYPES.has(column.type)) {
    if (isIdName(column.name)) return { role: "key" };
    const yearLike = words.includes("year") && column.type === "integer";
    if (yearLike) return { role: "time", grain: "year" };
    if (words.some((w) => ["month", "quarter", "week", "day"].includes(w)) && column.type === "integer") return { role: "dimension" };
    return { role: "measure" };
  }
  if (TIME_TYPES.has(column.type)) return { role: "time" };
  if (column.type === "boolean") return { role: "dimension" };
  if (column.type === "uuid") return { role: "key" };
  if (column.type === "text") {
    if (stats && stats.present > 0 && stats.dates === stats.present) return { role: "time" };
    if (stats && stats.meanLength > 40) return { role: "attribute" };
    return { role: "dimension" };
  }
  return { role: "attribute" };
}

/** The time grain that values such as "2024-04-01" show: all on the first of a month → month, of January → year. */
function grainOfValues(rows: readonly unknown[][], position: number): TimeGrain | undefined {
  let months = 0;
  let years = 0;
  let days = 0;
  let seen = 0;
  for (const row of rows) {
    const v = row[position];
    if (typeof v !== "string") continue;
    seen++;
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ](\d{2}):(\d{2}):(\d{2})(?:\.0+)?)?/.exec(v);
    if (!m) return undefined;
    const midnight = (m[4] ?? "00") === "00" && (m[5] ?? "00") === "00" && (m[6] ?? "00") === "00";
    if (!midnight) return undefined;
    days++;
    if ((m[3] ?? "01") === "01") months++;
    if ((m[3] ?? "01") === "01" && m[2] === "01") years++;
  }
  if (seen === 0) return undefined;
  if (years === seen && seen > 1) return "year";
  if (months === seen) return "month";
  return days === seen ? "day" : undefined;
}

export interface ResolveInput {
  spec: QuerySpec | null;
  model: SemanticModel | null;
  columns: readonly ResultColumn[];
  rows: readonly unknown[][];
  roles?: readonly ColumnRole[];
}

/**
 * What each result column is. Explicit roles win when they name every
 * column; otherwise the spec's dimensions and measures are matched by position
 * (the compiler's order); otherwise roles are inferred from types and values.
 */
export function resolveColumns(input: ResolveInput): ResolvedColumn[] {
  const { spec, model, columns, rows } = input;
  const stats = columns.map((_, i) => columnStats(rows, i));
  const given = input.roles && columns.every((c) => input.roles!.some((r) => r.column === c.name)) ? input.roles : null;
  const usable = spec && model && !spec.verifiedSql ? spec : null;
  const fromSpec = !given && usable ? rolesFromSpec(usable, model!, columns) : null;
  return columns.map((c, position) => {
    let guess: RoleGuess;
    if (given) {
      const r = given.find((x) => x.column === c.name)!;
      guess = { role: r.role, ...(r.index !== undefined ? { index: r.index } : {}) };
      const d = r.index !== undefined && r.role === "time" ? usable?.dimensions[r.index] : undefined;
      if (d?.kind === "field" && d.grain) guess.grain = d.grain;
    } else guess = fromSpec?.[position] ?? inferRole(c, stats[position]!);
    if (guess.role === "time" && !guess.grain) {
      const g = grainOfValues(rows, position);
      if (g) guess.grain = g;
    }
    return { position, name: c.name, type: c.type, ...guess, stats: stats[position]! };
  });
}
