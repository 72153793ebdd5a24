import { describe, expect, it } from "vitest";
import { buildSpec } from "../transforms.ts";
import { shopModel } from "../testing/shop.ts";
import { compile } from "./compile.ts";
import { CompileError } from "./context.ts";

const model = shopModel();

describe("compile", () => {
  it("produces one SELECT with values inlined as escaped literals", () => {
    const { sql } = compile(
      buildSpec({ entity: "clients", filters: [{ kind: "compare", field: { entity: "clients", field: "full_name" }, op: "=", values: ["O'Brien; DROP TABLE x --"] }] }),
      model,
    );
    expect(sql).toContain(`where "c"."full_name" = 'O''Brien; DROP TABLE x --'`);
    expect(sql).not.toContain("$1");
    expect(sql.startsWith("select ")).toBe(true);
  });

  it("escapes LIKE wildcards in contains filters", () => {
    const { sql } = compile(buildSpec({ entity: "items", filters: [{ kind: "compare", field: { entity: "items", field: "item_name" }, op: "contains", values: ["50%_off"] }] }), model);
    expect(sql).toContain(`ilike '%50\\%\\_off%'`);
  });

  it("joins along references and groups an entity by its key and label", () => {
    const { sql, columns } = compile(buildSpec({ entity: "sales_orders", measures: [{ kind: "count", entity: "sales_orders" }], dimensions: [{ kind: "entity", entity: "regions" }] }), model);
    expect(sql).toBe(
      'select "r"."region_id" as "region_id", "r"."region_name" as "region_name", count(*) as "count" from "sales_orders" as "so" inner join "clients" as "c" on "so"."client_id" = "c"."client_id" inner join "regions" as "r" on "c"."region_id" = "r"."region_id" group by "r"."region_id", "r"."region_name"',
    );
    expect(columns).toEqual([
      { name: "region_id", role: "dimension", type: "integer" },
      { name: "region_name", role: "dimension", type: "text" },
      { name: "count", role: "measure", type: "bigint" },
    ]);
  });

  it("counts each row once when a join goes to the many side", () => {
    const { sql } = compile(buildSpec({ entity: "clients", measures: [{ kind: "count", entity: "clients" }], dimensions: [{ kind: "entity", entity: "item_groups" }] }), model);
    expect(sql).toContain('count(distinct "c"."client_id")');
    expect(sql).toContain('inner join "sales_orders"');
  });

  it("buckets time, filters half-open ranges and orders, limits, HAVING", () => {
    const { sql } = compile(
      {
        ...buildSpec({
          entity: "sales_orders",
          measures: [{ kind: "field", agg: "sum", field: { entity: "sales_orders", field: "shipping_fee" } }],
          dimensions: [{ kind: "field", field: { entity: "sales_orders", field: "ordered_at" }, grain: "year" }],
          filters: [{ kind: "range", field: { entity: "sales_orders", field: "ordered_at" }, from: "2023-01-01", to: null, label: "since 2023" }],
          order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }],
          limit: 3,
        }),
        having: [{ measure: 0, op: ">", value: 100 }],
      },
      model,
    );
    expect(sql).toBe(
      'select cast(extract(year from "so"."ordered_at") as integer) as "year", sum("so"."shipping_fee") as "sum_shipping_fee" from "sales_orders" as "so" where "so"."ordered_at" >= \'2023-01-01\' group by cast(extract(year from "so"."ordered_at") as integer) having sum("so"."shipping_fee") > 100 order by "sum_shipping_fee" desc limit 3',
    );
  });

  it("wraps a rollup and writes related-row filters as correlated EXISTS", () => {
    const rollup = compile({ ...buildSpec({ entity: "order_lines", measures: [{ kind: "count", entity: "order_lines" }], dimensions: [{ kind: "entity", entity: "sales_orders" }] }), rollup: "avg" }, model);
    expect(rollup.sql).toMatch(/^select avg\("per_group"\."count"\) as "avg_count" from \(select .* group by "so"."order_id"\) as "per_group"$/);
    const related = compile(buildSpec({ entity: "clients", filters: [{ kind: "related", field: { entity: "clients", field: "client_id" }, entity: "sales_orders", exists: false }] }), model);
    expect(related.sql).toContain('where not exists (select 1 from "sales_orders" as "x_sales_orders" where "x_sales_orders"."client_id" = "c"."client_id")');
  });

  it("lists requested columns first, then the rest, and distinct values on request", () => {
    const list = compile(buildSpec({ entity: "clients", columns: [{ entity: "regions", field: "region_name" }] }), model);
    expect(list.columns.map((c) => c.name)).toEqual(["region_name", "client_id", "full_name", "country", "city", "email", "region_id", "signup_date", "is_active"]);
    const distinct = compile(buildSpec({ entity: "clients", columns: [{ entity: "clients", field: "country" }], distinct: true }), model);
    expect(distinct.sql).toBe('select distinct "c"."country" as "country" from "clients" as "c"');
  });

  it("refuses unknown tables, columns and metrics with a typed error", () => {
    expect(() => compile(buildSpec({ entity: "nowhere" }), model)).toThrow(CompileError);
    expect(() => compile(buildSpec({ entity: "clients", columns: [{ entity: "clients", field: "password" }] }), model)).toThrow(/Unknown column/);
    expect(() => compile(buildSpec({ entity: "clients", measures: [{ kind: "metric", metric: "ghost" }] }), model)).toThrow(/Unknown metric/);
    expect(() => compile(buildSpec({ entity: "clients", measures: [{ kind: "field", agg: "sum", field: { entity: "clients", field: "country" } }] }), model)).toThrow(/Cannot add up/);
  });
});
