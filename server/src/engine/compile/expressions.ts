import { sql, type RawBuilder } from "kysely";
import { qualifyExpression } from "../../semantic/expression.ts";
import type { ValueType } from "../../sql/snapshot.ts";
import { joinTree } from "../graph.ts";
import type { Dimension, FieldRef, Filter, Measure, Scalar, TimeGrain } from "../spec.ts";
import { compile } from "./compile.ts";
import { CompileError, type CompileContext } from "./context.ts";

export interface OutputColumn {
  name: string;
  role: "dimension" | "measure" | "column";
  type: ValueType;
}

const NUMERIC: ValueType[] = ["integer", "bigint", "decimal", "float"];

/**
 * The SQL expression of a measure and the type of its result. With `only`,
 * the aggregate counts only rows meeting that condition (`FILTER (WHERE …)`).
 */
export function measureSql(ctx: CompileContext, m: Measure, only?: RawBuilder<unknown>): { expr: RawBuilder<unknown>; type: ValueType } {
  const f = (call: RawBuilder<unknown>) => (only ? sql`${call} filter (where ${only})` : call);
  if (m.kind === "count") {
    const e = ctx.entity(m.entity);
    const alias = ctx.alias(m.entity);
    // Joins towards a "many" side repeat rows: count each row of the entity once.
    if ((ctx.fansOut || m.entity !== ctx.spec.entity) && e.primaryKey.length === 1) {
      return { expr: f(sql`count(distinct ${sql.id(alias, e.primaryKey[0]!)})`), type: "bigint" };
    }
    return { expr: f(sql`count(*)`), type: "bigint" };
  }
  if (m.kind === "metric") {
    const metric = ctx.model.metrics.find((x) => x.name === m.metric);
    if (!metric) throw new CompileError(`Unknown metric “${m.metric}”.`);
    const e = ctx.entity(metric.entity);
    const text = qualifyExpression(metric.expression, ctx.alias(metric.entity), e.fields.map((x) => x.name));
    if (only && !/^\s*(sum|count|avg|min|max)\s*\(.*\)\s*$/is.test(text)) throw new CompileError(`Cannot take a share of “${metric.label}”.`);
    return { expr: f(sql.raw(text)), type: "decimal" };
  }
  const col = fieldValueSql(ctx, m);
  const field = m.since && m.agg !== "count" && m.agg !== "count_distinct" ? { ...ctx.field(m.field), type: "integer" as const } : m.times ? { ...ctx.field(m.field), type: "decimal" as const } : ctx.field(m.field);
  if (m.scale && m.scale !== 1 && m.agg !== "count" && m.agg !== "count_distinct") {
    const inner = measureSql(ctx, { ...m, scale: 1 }, only);
    return { expr: sql`${inner.expr} / ${sql.lit(m.scale)}.0`, type: "decimal" };
  }
  switch (m.agg) {
    case "count":
      return { expr: f(sql`count(${col})`), type: "bigint" };
    case "count_distinct":
      return { expr: f(sql`count(distinct ${col})`), type: "bigint" };
    case "sum":
      if (!NUMERIC.includes(field.type)) throw new CompileError(`Cannot add up “${field.label}”.`);
      return { expr: f(sql`sum(${col})`), type: field.type === "integer" ? "bigint" : field.type };
    case "avg":
      if (!NUMERIC.includes(field.type)) throw new CompileError(`Cannot average “${field.label}”.`);
      return { expr: f(sql`avg(${col})`), type: "decimal" };
    case "min":
      return { expr: f(sql`min(${col})`), type: field.type };
    case "max":
      return { expr: f(sql`max(${col})`), type: field.type };
  }
}

/** What a column measure aggregates per row: the column, or the days from its `since` date to it. */
export function fieldValueSql(ctx: CompileContext, m: Extract<Measure, { kind: "field" }>): RawBuilder<unknown> {
  const col = ctx.column(m.field);
  if (m.times && m.agg !== "count" && m.agg !== "count_distinct") return sql`(${col} * ${ctx.column(m.times)})`;
  if (!m.since || m.agg === "count" || m.agg === "count_distinct") return col;
  return sql`(${col}::date - ${ctx.column(m.since)}::date)`;
}

/** A measure as a percentage: of its overall value (conditions given) or of the total over all groups. */
export function shareSql(ctx: CompileContext, m: Measure, part: Filter[]): { expr: RawBuilder<unknown>; type: ValueType } {
  const whole = measureSql(ctx, m).expr;
  if (part.length === 0) return { expr: sql`100.0 * ${whole} / nullif(sum(${whole}) over (), 0)`, type: "decimal" };
  const condition = sql.join(part.map((x) => filterSql(ctx, x)), sql` and `);
  return { expr: sql`100.0 * ${measureSql(ctx, m, condition).expr} / nullif(${whole}, 0)`, type: "decimal" };
}

export function measureName(ctx: CompileContext, m: Measure): string {
  if (m.kind === "count") return m.entity === ctx.spec.entity ? "count" : `${ctx.entity(m.entity).table}_count`;
  if (m.kind === "metric") return m.metric;
  if (m.agg === "count_distinct") return `distinct_${m.field.field}`;
  if (m.since) return `${m.agg}_days_${m.since.field}_to_${m.field.field}`;
  if (m.times) return `${m.agg}_value_of_${m.field.field}`;
  return `${m.agg}_${m.field.field}`;
}

/**
 * A fiscal bucket for a fiscal year starting in month `start`: the year a date's fiscal year
 * ends in (FY2024 runs from April 2023 with start 4), or the first day of its fiscal quarter.
 */
function fiscalGrainSql(col: RawBuilder<unknown>, grain: TimeGrain, start: number): { expr: RawBuilder<unknown>; type: ValueType } | undefined {
  const shift = sql.lit(`${start - 1} months`);
  if (grain === "year") return { expr: sql`cast(extract(year from ${col} + interval ${sql.lit(`${13 - start} months`)}) as integer)`, type: "integer" };
  if (grain === "quarter") return { expr: sql`cast(date_trunc('quarter', ${col} - interval ${shift}) + interval ${shift} as date)`, type: "date" };
  return undefined;
}

export function grainSql(col: RawBuilder<unknown>, grain: TimeGrain, fiscalStart = 1): { expr: RawBuilder<unknown>; type: ValueType } {
  const fiscal = fiscalStart > 1 ? fiscalGrainSql(col, grain, fiscalStart) : undefined;
  if (fiscal) return fiscal;
  switch (grain) {
    case "year":
      return { expr: sql`cast(extract(year from ${col}) as integer)`, type: "integer" };
    case "day":
      return { expr: sql`cast(${col} as date)`, type: "date" };
    default:
      return { expr: sql`cast(date_trunc(${sql.lit(grain)}, ${col}) as date)`, type: "date" };
  }
}

export interface DimensionParts {
  /** Expressions to select, with their output names and types. */
  select: { expr: RawBuilder<unknown>; name: string; type: ValueType }[];
  /** Expressions to group by (an entity groups by its key, which makes its labels valid too). */
  group: RawBuilder<unknown>[];
  /** Which selected column orders this dimension (an entity's label rather than its key). */
  sortIndex: number;
}

/** A grouping: a column, a time bucket, or an entity's key with its naming columns. */
export function dimensionSql(ctx: CompileContext, d: Dimension): DimensionParts {
  if (d.kind === "field") {
    const field = ctx.field(d.field);
    const col = ctx.column(d.field);
    if (d.grain && (field.type === "date" || field.type === "timestamp")) {
      const fiscalStart = d.fiscal ? ctx.model.rules.fiscalYearStartMonth : 1;
      const g = grainSql(col, d.grain, fiscalStart);
      const fiscal = fiscalStart > 1 && (d.grain === "year" || d.grain === "quarter");
      const select: DimensionParts["select"] = [{ ...g, name: fiscal ? `fiscal_${d.grain}` : d.grain }];
      // Quarters also as their number (1–4): people read "Q3" as often as a date.
      if (d.grain === "quarter") {
        const shifted = fiscal ? sql`${col} - interval ${sql.lit(`${fiscalStart - 1} months`)}` : col;
        select.push({ expr: sql`cast(extract(quarter from ${shifted}) as integer)`, name: fiscal ? "fiscal_quarter_number" : "quarter_number", type: "integer" });
      }
      return { select, group: [g.expr, ...select.slice(1).map((x) => x.expr)], sortIndex: 0 };
    }
    return { select: [{ expr: col, name: d.field.field, type: field.type }], group: [col], sortIndex: 0 };
  }
  const e = ctx.entity(d.entity);
  const alias = ctx.alias(d.entity);
  const keys = e.primaryKey.length > 0 ? e.primaryKey : e.labelFields;
  const names = [...new Set([...keys, ...e.labelFields])];
  const select = names.map((n) => ({ expr: sql.id(alias, n) as RawBuilder<unknown>, name: n, type: e.fields.find((f) => f.name === n)?.type ?? "text" }));
  if (e.labelFields.length === 2) {
    const [a, b] = e.labelFields.map((n) => sql.id(alias, n));
    select.push({ expr: sql`${a} || ' ' || ${b}`, name: `${e.table}_name`, type: "text" });
  }
  const label = e.labelFields[0];
  return { select, group: names.map((n) => sql.id(alias, n)), sortIndex: label ? names.indexOf(label) : 0 };
}

function literal(v: Scalar, type: ValueType): RawBuilder<unknown> {
  if (typeof v === "boolean") return sql.lit(v);
  if (NUMERIC.includes(type)) {
    const n = typeof v === "number" ? v : Number(v);
    if (!Number.isFinite(n)) throw new CompileError(`“${v}” is not a number.`);
    return sql.lit(n);
  }
  if (type === "boolean") return sql.lit(v === "true" || v === 1 || v === "1");
  return sql.lit(String(v));
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One WHERE condition, values inlined as escaped literals. */
export function filterSql(ctx: CompileContext, f: Filter): RawBuilder<unknown> {
  if (f.kind === "related") return relatedSql(ctx, f);
  if (f.kind === "via") return viaSql(ctx, f);
  if (f.kind === "ranked") {
    const ranked = compile(f.ranking, ctx.model);
    const key = ranked.columns[0];
    if (!key) throw new CompileError("The earlier answer has no rows to refer to.");
    return sql`${ctx.column(f.field)} in (select ${sql.id("ranked", key.name)} from (${sql.raw(ranked.sql)}) as ${sql.id("ranked")})`;
  }
  const col = ctx.column(f.field);
  if (f.kind === "columns") return sql`${col} ${sql.raw(f.op === "!=" ? "<>" : f.op)} ${ctx.column(f.other)}`;
  if (f.kind === "versus") {
    const same = (f.within ?? []).map((c) => sql`${sql.id("all_rows", c)} = ${ctx.column({ entity: f.field.entity, field: c })}`);
    const where = same.length > 0 ? sql` where ${sql.join(same, sql` and `)}` : sql``;
    const whole = sql`(select ${sql.raw(f.agg)}(${sql.id("all_rows", f.field.field)}) from ${ctx.table(f.field.entity)} as ${sql.id("all_rows")}${where})`;
    return sql`${col} ${sql.raw(f.op === "!=" ? "<>" : f.op)} ${whole}`;
  }
  if (f.kind === "weekday") return sql`extract(isodow from ${col}) in (${sql.join(f.days.map((d) => sql.lit(d)))})`;
  const type = ctx.field(f.field).type;
  if (f.kind === "range") {
    const parts: RawBuilder<unknown>[] = [];
    if (f.from) parts.push(sql`${col} >= ${sql.lit(f.from)}`);
    if (f.to) parts.push(sql`${col} < ${sql.lit(f.to)}`);
    if (parts.length === 0) return sql`true`;
    return sql.join(parts, sql` and `);
  }
  const values = f.values.map((v) => literal(v, type));
  switch (f.op) {
    case "is_null":
      return sql`${col} is null`;
    case "not_null":
      return sql`${col} is not null`;
    case "in":
      return sql`${col} in (${sql.join(values)})`;
    case "not_in":
      return sql`${col} not in (${sql.join(values)})`;
    case "contains":
      return sql`${col} ilike ${sql.lit(`%${likeEscape(String(f.values[0] ?? ""))}%`)}`;
    case "not_contains":
      return sql`${col} not ilike ${sql.lit(`%${likeEscape(String(f.values[0] ?? ""))}%`)}`;
    case "starts_with":
      return sql`${col} ilike ${sql.lit(`${likeEscape(String(f.values[0] ?? ""))}%`)}`;
    case "ends_with":
      return sql`${col} ilike ${sql.lit(`%${likeEscape(String(f.values[0] ?? ""))}`)}`;
    default: {
      const v = values[0];
      if (!v) throw new CompileError(`The filter on “${f.field.field}” has no value.`);
      return sql`${col} ${sql.raw(f.op === "!=" ? "<>" : f.op)} ${v}`;
    }
  }
}

/** `fk IN (SELECT key FROM the referenced table WHERE …)`, with the conditions on the referenced row. */
function viaSql(ctx: CompileContext, f: Extract<Filter, { kind: "via" }>): RawBuilder<unknown> {
  const join = ctx.model.joins.find((j) => j.from === f.field.entity && j.fromColumns.length === 1 && j.fromColumns[0] === f.field.field);
  if (!join) throw new CompileError(`“${f.field.field}” does not reference another row.`);
  const inner = "ref_rows";
  const conditions = f.where.map((w) => {
    if (w.kind !== "compare" || w.values.length === 0) throw new CompileError("Only value conditions apply to a referenced row.");
    const col = sql.id(inner, w.field.field);
    const values = w.values.map((v) => sql.lit(typeof v === "boolean" ? v : String(v)));
    return w.values.length > 1 ? sql`${col} in (${sql.join(values)})` : sql`${col} ${sql.raw(w.op === "!=" ? "<>" : "=")} ${values[0]!}`;
  });
  if (f.reverse) {
    const body = sql`select ${sql.id(inner, f.field.field)} from ${ctx.table(f.field.entity)} as ${sql.id(inner)} where ${sql.join(conditions, sql` and `)}`;
    return sql`${ctx.column({ entity: join.to, field: join.toColumns[0]! })} in (${body})`;
  }
  const body = sql`select ${sql.id(inner, join.toColumns[0]!)} from ${ctx.table(join.to)} as ${sql.id(inner)} where ${sql.join(conditions, sql` and `)}`;
  return sql`${ctx.column(f.field)} in (${body})`;
}

/**
 * `[NOT] EXISTS` over the chain of references from the related entity back to
 * the subject, correlated on the last step, so the outer rows never repeat.
 */
function relatedSql(ctx: CompileContext, f: Extract<Filter, { kind: "related" }>): RawBuilder<unknown> {
  // The tables its conditions name ("no Jazz tracks": genre) join inside, away from the subject.
  const tree = joinTree(ctx.model, f.entity, [f.field.entity, ...(f.where ?? []).map((w) => w.field.entity)]);
  const outer = ctx.alias(f.field.entity);
  const alias = (entity: string) => `x_${entity.replace(/[^A-Za-z0-9_]/g, "_")}`;
  const on = (step: (typeof tree.steps)[number], fromAlias: string, toAlias: string) => {
    const [child, parent] = step.up ? [fromAlias, toAlias] : [toAlias, fromAlias];
    return sql.join(step.join.fromColumns.map((c, i) => sql`${sql.id(child, c)} = ${sql.id(parent, step.join.toColumns[i]!)}`), sql` and `);
  };
  const last = tree.steps.find((s) => s.to === f.field.entity);
  if (!last) throw new CompileError(`“${f.entity}” is not related to “${f.field.entity}”.`);
  if (tree.steps.some((s) => s.from === f.field.entity)) throw new CompileError(`Conditions on “${f.entity}” cannot be reached without “${f.field.entity}”.`);
  let from = sql`${ctx.table(f.entity)} as ${sql.id(alias(f.entity))}`;
  for (const step of tree.steps.filter((s) => s !== last)) {
    from = sql`${from} inner join ${ctx.table(step.to)} as ${sql.id(alias(step.to))} on ${on(step, alias(step.from), alias(step.to))}`;
  }
  // Conditions on the related rows ("no orders in 1997") name the subquery's tables.
  const inner = Object.create(ctx, { column: { value: (ref: FieldRef) => sql.id(alias(ref.entity), ref.field) } }) as CompileContext;
  const where = [on(last, alias(last.from), outer), ...(f.where ?? []).map((w) => filterSql(inner, w))];
  const body = sql`select 1 from ${from} where ${sql.join(where, sql` and `)}`;
  return f.exists ? sql`exists (${body})` : sql`not exists (${body})`;
}
