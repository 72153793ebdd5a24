import { sql, type RawBuilder } from "kysely";
import type { QuerySpec } from "../spec.ts";
import type { CompiledQuery } from "./compile.ts";
import { CompileError } from "./context.ts";
import type { OutputColumn } from "./expressions.ts";

type Part = CompiledQuery & { spec: QuerySpec };

/**
 * A ratio of two answers, each compiled on its own (they may count different tables that no
 * join relates, or the same rows under other conditions): side by side on their groups (a full
 * join, so a group missing on one side still shows), the first measure of one divided by the
 * other's. Both amounts stay in the result next to the ratio.
 */
export function ratioQuery(numerator: Part, denominator: Part): { query: RawBuilder<unknown>; columns: OutputColumn[] } {
  const dims = (p: Part) => p.columns.filter((c) => c.role === "dimension");
  const measure = (p: Part) => p.columns.find((c) => c.role === "measure");
  const top = measure(numerator);
  const bottom = measure(denominator);
  if (!top || !bottom) throw new CompileError("A ratio needs an amount on each side.");
  const topDims = dims(numerator);
  const bottomDims = dims(denominator);
  if (topDims.length !== bottomDims.length) throw new CompileError("The two sides of the ratio are grouped differently.");
  const n = sql.id("numerator");
  const d = sql.id("denominator");
  const col = (side: "numerator" | "denominator", name: string) => sql.id(side, name);
  const select: RawBuilder<unknown>[] = [];
  const columns: OutputColumn[] = [];
  topDims.forEach((c, i) => {
    select.push(sql`coalesce(${col("numerator", c.name)}, ${col("denominator", bottomDims[i]!.name)}) as ${sql.id(c.name)}`);
    columns.push(c);
  });
  const topName = top.name;
  const bottomName = bottom.name === topName ? `${bottom.name}_2` : bottom.name;
  const topValue = sql`coalesce(${col("numerator", top.name)}, 0)`;
  const bottomValue = sql`coalesce(${col("denominator", bottom.name)}, 0)`;
  select.push(sql`cast(${topValue} as numeric) / nullif(${bottomValue}, 0) as ${sql.id("ratio")}`);
  columns.push({ name: "ratio", role: "measure", type: "decimal" });
  select.push(sql`${topValue} as ${sql.id(topName)}`, sql`${bottomValue} as ${sql.id(bottomName)}`);
  columns.push({ ...top, name: topName, role: "column" }, { ...bottom, name: bottomName, role: "column" });
  const on = topDims.map((c, i) => sql`${col("numerator", c.name)} = ${col("denominator", bottomDims[i]!.name)}`);
  const join = on.length > 0 ? sql`full join (${sql.raw(denominator.sql)}) as ${d} on ${sql.join(on, sql` and `)}` : sql`cross join (${sql.raw(denominator.sql)}) as ${d}`;
  const order = topDims.length > 0 ? sql` order by ${sql.raw("1")}` : sql``;
  const query = sql`select ${sql.join(select)} from (${sql.raw(numerator.sql)}) as ${n} ${join}${order}`;
  return { query, columns };
}
