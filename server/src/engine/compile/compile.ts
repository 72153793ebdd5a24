import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type RawBuilder, type SelectQueryBuilder } from "kysely";
import type { SemanticModel } from "../../semantic/types.ts";
import type { Measure, QuerySpec } from "../spec.ts";
import { CompileContext, CompileError } from "./context.ts";
import { ratioQuery } from "./ratio.ts";
import { needsRowSubquery, rowInput } from "./dedup.ts";
import { dimensionSql, filterSql, measureName, measureSql, shareSql, type DimensionParts, type OutputColumn } from "./expressions.ts";

// A Kysely instance that only compiles: no connection, PostgreSQL syntax.
const db = new Kysely<Record<string, Record<string, unknown>>>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

export type Dialect = "postgres";

export interface CompiledQuery {
  sql: string;
  columns: OutputColumn[];
}

type Query = SelectQueryBuilder<Record<string, Record<string, unknown>>, string, Record<string, unknown>>;
type Selected = { expr: RawBuilder<unknown>; name: string; type: OutputColumn["type"]; role: OutputColumn["role"] };

function uniqueNames(cols: Selected[]): Selected[] {
  const seen = new Map<string, number>();
  return cols.map((c) => {
    const n = seen.get(c.name) ?? 0;
    seen.set(c.name, n + 1);
    return n === 0 ? c : { ...c, name: `${c.name}_${n + 1}` };
  });
}

function fromWithJoins(ctx: CompileContext): Query {
  let q = db.selectFrom(sql`${ctx.table(ctx.spec.entity)}`.as(ctx.alias(ctx.spec.entity))) as unknown as Query;
  for (const step of ctx.tree.steps) {
    const fromAlias = ctx.alias(step.from);
    const toAlias = ctx.alias(step.to);
    const [childAlias, parentAlias] = step.up ? [fromAlias, toAlias] : [toAlias, fromAlias];
    const on = step.join.fromColumns.map((c, i) => sql`${sql.id(childAlias, c)} = ${sql.id(parentAlias, step.join.toColumns[i]!)}`);
    q = q.innerJoin(sql`${ctx.table(step.to)}`.as(toAlias) as never, (join) => join.on(sql.join(on, sql` and `) as never)) as unknown as Query;
  }
  return q;
}

/** Columns of a listing: the ones asked for, then the rest of the subject's columns (binary data left out). */
function listColumns(ctx: CompileContext): Selected[] {
  const spec = ctx.spec;
  const out: Selected[] = [];
  const add = (entity: string, field: string) => {
    if (out.some((c) => c.name === field && (c as { entity?: string }).entity === entity)) return;
    const f = ctx.field({ entity, field });
    out.push(Object.assign({ expr: ctx.column({ entity, field }), name: field, type: f.type, role: "column" as const }, { entity }));
  };
  for (const c of spec.columns) add(c.entity, c.field);
  if (spec.distinct) return out;
  for (const o of spec.order) if (o.by.kind === "field") add(o.by.field.entity, o.by.field.field);
  for (const f of ctx.entity(spec.entity).fields) if (f.type !== "binary") add(spec.entity, f.name);
  return out;
}

/** The aggregate query before any rollup: its SQL text, selected columns and dimension outputs. */
interface AggregateQuery {
  text: string;
  selected: Selected[];
  /** Output name that orders each dimension. */
  dimensionOutputs: string[];
  /** Output names of each dimension's columns, for the rollup's outer grouping. */
  dimensionColumns: string[][];
}

function dimensionNames(dims: DimensionParts[], selected: Selected[]): Pick<AggregateQuery, "dimensionOutputs" | "dimensionColumns"> {
  const dimensionOutputs: string[] = [];
  const dimensionColumns: string[][] = [];
  let offset = 0;
  for (const d of dims) {
    dimensionOutputs.push(selected[offset + d.sortIndex]!.name);
    dimensionColumns.push(selected.slice(offset, offset + d.select.length).map((c) => c.name));
    offset += d.select.length;
  }
  return { dimensionOutputs, dimensionColumns };
}

/** HAVING, ORDER BY and LIMIT of an aggregate, with measure SQL from `measureExpr`. */
function finish(q: Query, ctx: CompileContext, selected: Selected[], dimensionOutputs: string[], measureExpr: (m: Measure) => RawBuilder<unknown>): Query {
  const spec = ctx.spec;
  const measureCols = selected.filter((c) => c.role === "measure");
  for (const h of spec.having) {
    const m = spec.measures[h.measure];
    if (!m) throw new CompileError("A condition refers to a measure that is not in the query.");
    q = q.having(sql`${measureExpr(m)} ${sql.raw(h.op === "!=" ? "<>" : h.op)} ${sql.lit(h.value)}` as never);
  }
  for (const o of spec.order) {
    const dir = o.dir === "asc" ? sql`asc` : sql`desc`;
    const name = o.by.kind === "measure" ? measureCols[o.by.index]?.name : o.by.kind === "dimension" ? dimensionOutputs[o.by.index] : undefined;
    if (name) q = q.orderBy(sql`${sql.id(name)} ${dir}` as never);
  }
  if (spec.limit !== null) q = q.limit(sql.lit(Math.max(0, Math.floor(spec.limit))) as never);
  return q;
}

/** Measures, grouping and filters straight over the joined tables. */
function aggregateOverTables(ctx: CompileContext): AggregateQuery {
  const spec = ctx.spec;
  let q = fromWithJoins(ctx);
  const dims = spec.dimensions.map((d) => dimensionSql(ctx, d));
  const dimCols = dims.flatMap((d) => d.select.map((s) => ({ ...s, role: "dimension" as const })));
  const measures = spec.measures.flatMap((m) =>
    spec.shareOf
      ? // The percentage, and the amount it is a share of next to it.
        [{ ...shareSql(ctx, m, spec.shareOf), name: `percent_${measureName(ctx, m)}`, role: "measure" as const }, { ...measureSql(ctx, m), name: measureName(ctx, m), role: "column" as const }]
      : [{ ...measureSql(ctx, m), name: measureName(ctx, m), role: "measure" as const }],
  );
  const selected = uniqueNames([...dimCols, ...measures]);
  const names = dimensionNames(dims, selected);
  const groups = dims.flatMap((d) => d.group);
  if (groups.length > 0) q = q.groupBy(groups as never);
  q = q.select(selected.map((c) => c.expr.as(c.name)) as never);
  for (const f of spec.filters) q = q.where(filterSql(ctx, f) as never);
  q = finish(q, ctx, selected, names.dimensionOutputs, (m) => measureSql(ctx, m).expr);
  return { text: q.compile().sql, selected, ...names };
}

/**
 * Measures over a subquery of the joined rows, where a measured table's rows repeat in the
 * join: each such measure only takes the first occurrence of each of its rows per group.
 */
function aggregateOverRows(ctx: CompileContext): AggregateQuery {
  const spec = ctx.spec;
  const rows = "per_row";
  const dims = spec.dimensions.map((d) => dimensionSql(ctx, d));
  const dimCols = uniqueNames(dims.flatMap((d) => d.select.map((s) => ({ ...s, role: "dimension" as const }))));
  const groups = dims.flatMap((d) => d.group);
  const inner: RawBuilder<unknown>[] = dimCols.map((c) => sql`${c.expr} as ${sql.id(c.name)}`);
  const outer = new Map<Measure, (only?: RawBuilder<unknown>) => RawBuilder<unknown>>();
  spec.measures.forEach((m, i) => {
    const input = rowInput(ctx, m)!;
    inner.push(sql`${input.input} as ${sql.id(`m${i}`)}`);
    if (input.identity) inner.push(sql`row_number() over (partition by ${sql.join([...groups, ...input.identity])}) as ${sql.id(`first${i}`)}`);
    const first = input.identity ? sql`${sql.id(rows, `first${i}`)} = 1` : undefined;
    outer.set(m, (only) => input.aggregate(sql.id(rows, `m${i}`), first && only ? sql`${first} and ${only}` : (first ?? only)));
  });
  const part = spec.shareOf && spec.shareOf.length > 0 ? spec.shareOf : undefined;
  if (part) inner.push(sql`coalesce(${sql.join(part.map((f) => filterSql(ctx, f)), sql` and `)}, false) as ${sql.id("in_part")}`);
  const measureExpr = (m: Measure) => outer.get(m)!();
  const share = (m: Measure) => {
    const whole = measureExpr(m);
    return part ? sql`100.0 * ${outer.get(m)!(sql.id(rows, "in_part"))} / nullif(${whole}, 0)` : sql`100.0 * ${whole} / nullif(sum(${whole}) over (), 0)`;
  };
  const measures = spec.measures.flatMap((m): Selected[] => {
    const type = rowInput(ctx, m)!.type;
    return spec.shareOf
      ? [{ expr: share(m), type: "decimal" as const, name: `percent_${measureName(ctx, m)}`, role: "measure" as const }, { expr: measureExpr(m), type, name: measureName(ctx, m), role: "column" as const }]
      : [{ expr: measureExpr(m), type, name: measureName(ctx, m), role: "measure" as const }];
  });
  const outerDims: Selected[] = dimCols.map((c) => ({ ...c, expr: sql.id(rows, c.name) as RawBuilder<unknown> }));
  const selected = uniqueNames([...outerDims, ...measures]);
  const names = dimensionNames(dims, selected);
  const where = spec.filters.map((f) => filterSql(ctx, f));
  const source = fromWithJoins(ctx).select(inner.map((x) => x) as never);
  const innerText = (where.length > 0 ? source.where(sql.join(where, sql` and `) as never) : source).compile().sql;
  let q = db.selectFrom(sql`(${sql.raw(innerText)})`.as(rows) as never) as unknown as Query;
  if (outerDims.length > 0) q = q.groupBy(outerDims.map((c) => c.expr) as never);
  q = q.select(selected.map((c) => c.expr.as(c.name)) as never);
  q = finish(q, ctx, selected, names.dimensionOutputs, measureExpr);
  return { text: q.compile().sql, selected, ...names };
}

/** Rows of the subject (no aggregate), with filters and order. */
function listing(ctx: CompileContext): { text: string; selected: Selected[] } {
  const spec = ctx.spec;
  let q = fromWithJoins(ctx);
  const selected = uniqueNames(listColumns(ctx));
  if (spec.distinct || ctx.fansOut) q = q.distinct();
  q = q.select(selected.map((c) => c.expr.as(c.name)) as never);
  for (const f of spec.filters) q = q.where(filterSql(ctx, f) as never);
  for (const o of spec.order) {
    if (o.by.kind !== "field") continue;
    const dir = o.dir === "asc" ? sql`asc` : sql`desc`;
    const field = o.by.field;
    const name = selected.find((c) => (c as { entity?: string }).entity === field.entity && c.name === field.field)?.name;
    // With DISTINCT, PostgreSQL only sorts by selected columns, so use the output name.
    q = q.orderBy(sql`${name && (spec.distinct || ctx.fansOut) ? sql.id(name) : ctx.column(field)} ${dir}` as never);
  }
  if (spec.limit !== null) q = q.limit(sql.lit(Math.max(0, Math.floor(spec.limit))) as never);
  return { text: q.compile().sql, selected };
}

/**
 * Compiles a spec to one runnable PostgreSQL SELECT with every value inlined
 * as an escaped literal, plus the result columns (name, role, type).
 */
export function compile(spec: QuerySpec, model: SemanticModel, dialect: Dialect = "postgres"): CompiledQuery {
  if (dialect !== "postgres") throw new CompileError(`Dialect ${dialect} is not supported yet.`);
  if (spec.verifiedSql) return { sql: spec.verifiedSql, columns: [] };
  if (spec.ratioTo) {
    const { ratioTo, ...numerator } = spec;
    const { query, columns } = ratioQuery({ ...compile(numerator, model, dialect), spec: numerator }, { ...compile(ratioTo, model, dialect), spec: ratioTo });
    return { sql: query.compile(db).sql, columns };
  }
  const ctx = new CompileContext(model, spec);
  const aggregate = spec.measures.length > 0 || spec.dimensions.length > 0;
  if (!aggregate) {
    const { text, selected } = listing(ctx);
    return { sql: text, columns: selected.map(({ name, role, type }) => ({ name, role, type })) };
  }
  const { text, selected, dimensionColumns } = needsRowSubquery(ctx) ? aggregateOverRows(ctx) : aggregateOverTables(ctx);
  const columns: OutputColumn[] = selected.map(({ name, role, type }) => ({ name, role, type }));
  const m = selected.find((c) => c.role === "measure");
  if (!spec.rollup || !m) return { sql: text, columns };
  // The first grouping is what the average runs over; any others stay as groups of the result.
  const kept = dimensionColumns.slice(1).flat();
  const keptCols = kept.map((name) => sql.id("per_group", name));
  let outer = db
    .selectFrom(sql`(${sql.raw(text)})`.as("per_group") as never)
    .select([
      ...keptCols.map((c, i) => sql`${c}`.as(kept[i]!)),
      // "count" counts the groups themselves ("how many customers spent over 45").
      (spec.rollup === "count" ? sql`count(*)` : sql`${sql.raw(spec.rollup)}(${sql.id("per_group", m.name)})`).as(`${spec.rollup}_${m.name}`),
    ] as never);
  if (keptCols.length > 0) outer = outer.groupBy(keptCols as never);
  return {
    sql: outer.compile().sql,
    columns: [...columns.filter((c) => kept.includes(c.name)), { name: `${spec.rollup}_${m.name}`, role: "measure", type: "decimal" }],
  };
}
