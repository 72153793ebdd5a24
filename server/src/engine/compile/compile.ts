import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type RawBuilder, type SelectQueryBuilder } from "kysely";
import type { SemanticModel } from "../../semantic/types.ts";
import type { QuerySpec } from "../spec.ts";
import { CompileContext, CompileError } from "./context.ts";
import { dimensionSql, filterSql, measureName, measureSql, shareSql, type OutputColumn } from "./expressions.ts";

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

/**
 * Compiles a spec to one runnable PostgreSQL SELECT with every value inlined
 * as an escaped literal, plus the result columns (name, role, type).
 */
export function compile(spec: QuerySpec, model: SemanticModel, dialect: Dialect = "postgres"): CompiledQuery {
  if (dialect !== "postgres") throw new CompileError(`Dialect ${dialect} is not supported yet.`);
  if (spec.verifiedSql) return { sql: spec.verifiedSql, columns: [] };
  const ctx = new CompileContext(model, spec);
  let q = fromWithJoins(ctx);
  const aggregate = spec.measures.length > 0 || spec.dimensions.length > 0;
  let selected: Selected[];
  const dimensionOutputs: string[] = [];
  /** Output names of each dimension's columns, for the rollup's outer grouping. */
  const dimensionColumns: string[][] = [];
  if (aggregate) {
    const dims = spec.dimensions.map((d) => dimensionSql(ctx, d));
    const dimCols = dims.flatMap((d) => d.select.map((s) => ({ ...s, role: "dimension" as const })));
    const measures = spec.measures.flatMap((m) =>
      spec.shareOf
        ? // The percentage, and the amount it is a share of next to it.
          [{ ...shareSql(ctx, m, spec.shareOf), name: `percent_${measureName(ctx, m)}`, role: "measure" as const }, { ...measureSql(ctx, m), name: measureName(ctx, m), role: "column" as const }]
        : [{ ...measureSql(ctx, m), name: measureName(ctx, m), role: "measure" as const }],
    );
    selected = uniqueNames([...dimCols, ...measures]);
    let offset = 0;
    for (const d of dims) {
      dimensionOutputs.push(selected[offset + d.sortIndex]!.name);
      dimensionColumns.push(selected.slice(offset, offset + d.select.length).map((c) => c.name));
      offset += d.select.length;
    }
    const groups = dims.flatMap((d) => d.group);
    if (groups.length > 0) q = q.groupBy(groups as never);
  } else {
    selected = uniqueNames(listColumns(ctx));
    if (spec.distinct || ctx.fansOut) q = q.distinct();
  }
  q = q.select(selected.map((c) => c.expr.as(c.name)) as never);
  for (const f of spec.filters) q = q.where(filterSql(ctx, f) as never);
  const measureCols = selected.filter((c) => c.role === "measure");
  for (const h of spec.having) {
    const m = spec.measures[h.measure];
    if (!m) throw new CompileError("A condition refers to a measure that is not in the query.");
    q = q.having(sql`${measureSql(ctx, m).expr} ${sql.raw(h.op === "!=" ? "<>" : h.op)} ${sql.lit(h.value)}` as never);
  }
  for (const o of spec.order) {
    const dir = o.dir === "asc" ? sql`asc` : sql`desc`;
    if (o.by.kind === "measure") {
      const col = measureCols[o.by.index];
      if (col) q = q.orderBy(sql`${sql.id(col.name)} ${dir}` as never);
    } else if (o.by.kind === "dimension") {
      const name = dimensionOutputs[o.by.index];
      if (name) q = q.orderBy(sql`${sql.id(name)} ${dir}` as never);
    } else if (!aggregate) {
      const field = o.by.field;
      const name = selected.find((c) => (c as { entity?: string }).entity === field.entity && c.name === field.field)?.name;
      // With DISTINCT, PostgreSQL only sorts by selected columns, so use the output name.
      q = q.orderBy(sql`${name && (spec.distinct || ctx.fansOut) ? sql.id(name) : ctx.column(field)} ${dir}` as never);
    }
  }
  if (spec.limit !== null) q = q.limit(sql.lit(Math.max(0, Math.floor(spec.limit))) as never);
  let text = q.compile().sql;
  let columns: OutputColumn[] = selected.map(({ name, role, type }) => ({ name, role, type }));
  if (spec.rollup && aggregate) {
    const m = measureCols[0];
    if (m) {
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
      text = outer.compile().sql;
      columns = [
        ...columns.filter((c) => kept.includes(c.name)),
        { name: `${spec.rollup}_${m.name}`, role: "measure", type: "decimal" },
      ];
    }
  }
  return { sql: text, columns };
}
