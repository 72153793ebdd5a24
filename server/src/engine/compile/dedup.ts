import { sql, type RawBuilder } from "kysely";
import { qualifyExpression } from "../../semantic/expression.ts";
import type { ValueType } from "../../sql/snapshot.ts";
import { rowsRepeat } from "../graph.ts";
import type { Measure } from "../spec.ts";
import type { CompileContext } from "./context.ts";
import { fieldValueSql, filterSql, measureSql } from "./expressions.ts";

/**
 * Grain and fan-out, in SQL: a measure on a table whose rows repeat in the join (freight of
 * orders grouped by product category: each order once per line) is computed over the joined
 * rows in a subquery that marks the first occurrence of each of its rows per group, and the
 * outer aggregate only takes those.
 */

/** `fn(inner)` when the whole metric expression is one aggregate call. */
export function singleAggregate(text: string): { fn: string; inner: string } | undefined {
  const m = /^\s*(sum|avg|min|max|count)\s*\(([\s\S]*)\)\s*$/i.exec(text);
  if (!m) return undefined;
  let depth = 0;
  for (const c of m[2]!) {
    if (c === "(") depth++;
    if (c === ")" && --depth < 0) return undefined;
  }
  return depth === 0 ? { fn: m[1]!.toLowerCase(), inner: m[2]! } : undefined;
}

/** The table a measure reads and whether its aggregate changes when that table's rows repeat. */
function repeatSensitive(ctx: CompileContext, m: Measure): string | undefined {
  if (m.kind === "count") return undefined;
  if (m.kind === "field") return m.agg === "sum" || m.agg === "avg" || m.agg === "count" ? m.field.entity : undefined;
  const metric = ctx.model.metrics.find((x) => x.name === m.metric);
  const call = metric ? singleAggregate(metric.expression) : undefined;
  return metric && call && call.fn !== "min" && call.fn !== "max" ? metric.entity : undefined;
}

/** Whether some measure would be inflated by repeated rows, and every measure can be rewritten over them. */
export function needsRowSubquery(ctx: CompileContext): boolean {
  const inflated = ctx.spec.measures.some((m) => {
    const entity = repeatSensitive(ctx, m);
    return entity !== undefined && rowsRepeat(ctx.tree, entity);
  });
  return inflated && ctx.spec.measures.every((m) => rowInput(ctx, m) !== undefined);
}

/** One measure over the rows subquery: the value it reads per row, and its aggregate over the kept rows. */
export interface RowMeasure {
  /** Value per joined row (null: counts every row). */
  input: RawBuilder<unknown>;
  /** Columns identifying a row of the measured table, when its repeats must be skipped. */
  identity?: RawBuilder<unknown>[];
  aggregate: (value: RawBuilder<unknown>, only: RawBuilder<unknown> | undefined) => RawBuilder<unknown>;
  type: ValueType;
}

const call = (fn: string, value: RawBuilder<unknown>, only: RawBuilder<unknown> | undefined, distinct = false) => {
  const body = distinct ? sql`${sql.raw(fn)}(distinct ${value})` : sql`${sql.raw(fn)}(${value})`;
  return only ? sql`${body} filter (where ${only})` : body;
};

export function rowInput(ctx: CompileContext, m: Measure): RowMeasure | undefined {
  const type = measureSql(ctx, m).type;
  if (m.kind === "count") {
    const e = ctx.entity(m.entity);
    if (e.primaryKey.length !== 1) return undefined;
    return { input: ctx.column({ entity: m.entity, field: e.primaryKey[0]! }), aggregate: (v, only) => call("count", v, only, true), type };
  }
  const entity = m.kind === "field" ? m.field.entity : ctx.model.metrics.find((x) => x.name === m.metric)?.entity;
  if (!entity) return undefined;
  const key = ctx.entity(entity).primaryKey;
  const identity = rowsRepeat(ctx.tree, entity) && key.length > 0 ? key.map((k) => ctx.column({ entity, field: k })) : undefined;
  if (m.kind === "field") {
    const fn = m.agg === "count_distinct" ? "count" : m.agg;
    const sensitive = m.agg === "sum" || m.agg === "avg" || m.agg === "count";
    if (sensitive && rowsRepeat(ctx.tree, entity) && !identity) return undefined;
    const scale = m.scale && m.scale !== 1 && m.agg !== "count" && m.agg !== "count_distinct" ? m.scale : undefined;
    return {
      input: fieldValueSql(ctx, m),
      ...(sensitive && identity ? { identity } : {}),
      aggregate: (v, only) => (scale ? sql`${call(fn, v, only, m.agg === "count_distinct")} / ${sql.lit(scale)}.0` : call(fn, v, only, m.agg === "count_distinct")),
      type,
    };
  }
  const metric = ctx.model.metrics.find((x) => x.name === m.metric)!;
  const parsed = singleAggregate(qualifyExpression(metric.expression, ctx.alias(metric.entity), ctx.entity(metric.entity).fields.map((f) => f.name)));
  if (!parsed) return undefined;
  const sensitive = parsed.fn !== "min" && parsed.fn !== "max";
  if (sensitive && rowsRepeat(ctx.tree, entity) && !identity) return undefined;
  return { input: sql.raw(parsed.inner), ...(sensitive && identity ? { identity } : {}), aggregate: (v, only) => call(parsed.fn, v, only), type };
}

/** The WHERE of the rows subquery. */
export function rowFilters(ctx: CompileContext): RawBuilder<unknown>[] {
  return ctx.spec.filters.map((f) => filterSql(ctx, f));
}
