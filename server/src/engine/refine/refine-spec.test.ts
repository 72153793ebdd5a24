import { describe, expect, it } from "vitest";
import { compile } from "../compile/compile.ts";
import { shopModel } from "../testing/shop.ts";
import { buildSpec } from "../transforms.ts";
import type { QuerySpec } from "../spec.ts";
import { specRefinableFields } from "./fields.ts";
import { refineSpec } from "./refine-spec.ts";
import type { Refinement } from "./refinement.ts";

const model = shopModel();
const ordersByStatus = buildSpec({
  entity: "sales_orders",
  measures: [{ kind: "count", entity: "sales_orders" }],
  dimensions: [{ kind: "field", field: { entity: "sales_orders", field: "status" } }],
});
const clientList = buildSpec({ entity: "clients" });

function codeOf(spec: QuerySpec, r: Refinement): string {
  try {
    refineSpec(spec, model, r);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return "OK";
}

describe("refineSpec", () => {
  it("adds a typed filter on a related entity and compiles it", () => {
    const out = refineSpec(ordersByStatus, model, { kind: "addFilter", field: "clients.country", operator: "in", values: ["Brazil", "O'Hara"] });
    expect(out.spec.filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "country" }, op: "in", values: ["Brazil", "O'Hara"] }]);
    expect(out.label).toBe("Country is one of Brazil, O'Hara");
    expect(compile(out.spec, model).sql).toContain(`"c"."country" in ('Brazil', 'O''Hara')`);
    expect(ordersByStatus.filters).toEqual([]);
  });

  it("coerces numbers, dates and booleans by the field's type", () => {
    expect(refineSpec(ordersByStatus, model, { kind: "addFilter", field: "sales_orders.shipping_fee", operator: ">=", values: ["12.5"] }).spec.filters[0]).toMatchObject({ values: [12.5] });
    expect(refineSpec(clientList, model, { kind: "addFilter", field: "clients.is_active", operator: "=", values: ["yes"] }).spec.filters[0]).toMatchObject({ values: [true] });
    expect(refineSpec(clientList, model, { kind: "addFilter", field: "clients.signup_date", operator: "<", values: ["2024-02-29"] }).spec.filters[0]).toMatchObject({ values: ["2024-02-29"] });
    expect(refineSpec(clientList, model, { kind: "addFilter", field: "clients.email", operator: "not_null", values: [] }).label).toBe("Email is not empty");
  });

  it("filters a total with HAVING", () => {
    const out = refineSpec(ordersByStatus, model, { kind: "addFilter", field: "count", operator: ">", values: ["3"] });
    expect(out.spec.having).toEqual([{ measure: 0, op: ">", value: 3 }]);
    expect(compile(out.spec, model).sql).toMatch(/having count\(\*\) > 3/);
  });

  it("refuses unknown fields, wrong operators and mistyped values", () => {
    expect(codeOf(ordersByStatus, { kind: "addFilter", field: "clients.shoe_size", operator: "=", values: ["1"] })).toBe("REFINE_UNKNOWN_FIELD");
    expect(codeOf(ordersByStatus, { kind: "addFilter", field: "country", operator: "=", values: ["x"] })).toBe("REFINE_UNKNOWN_FIELD");
    expect(codeOf(ordersByStatus, { kind: "addFilter", field: "clients.country", operator: ">", values: ["x"] })).toBe("REFINE_BAD_OPERATOR");
    expect(codeOf(ordersByStatus, { kind: "addFilter", field: "sales_orders.shipping_fee", operator: "contains", values: ["1"] })).toBe("REFINE_BAD_OPERATOR");
    expect(codeOf(ordersByStatus, { kind: "addFilter", field: "count", operator: "in", values: ["1"] })).toBe("REFINE_BAD_OPERATOR");
    expect(codeOf(ordersByStatus, { kind: "addFilter", field: "sales_orders.shipping_fee", operator: ">", values: ["ten"] })).toBe("REFINE_BAD_VALUE");
    expect(codeOf(ordersByStatus, { kind: "addFilter", field: "sales_orders.shipping_fee", operator: ">", values: ["1", "2"] })).toBe("REFINE_BAD_VALUE");
    expect(codeOf(clientList, { kind: "addFilter", field: "clients.signup_date", operator: "=", values: ["2024-02-30"] })).toBe("REFINE_BAD_VALUE");
    expect(codeOf(clientList, { kind: "addFilter", field: "clients.is_active", operator: "=", values: ["maybe"] })).toBe("REFINE_BAD_VALUE");
    expect(codeOf(clientList, { kind: "addFilter", field: "clients.email", operator: "is_null", values: ["x"] })).toBe("REFINE_BAD_VALUE");
  });

  it("changes the limit within 1..10 000, ordering an aggregate by its measure", () => {
    expect(refineSpec(ordersByStatus, model, { kind: "changeLimit", limit: 3 }).spec).toMatchObject({ limit: 3, order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }] });
    for (const limit of [0, -5, 10_001, 2.5]) expect(codeOf(ordersByStatus, { kind: "changeLimit", limit })).toBe("REFINE_BAD_LIMIT");
  });

  it("adds groupings and measures to an aggregate, columns to a listing", () => {
    const grouped = refineSpec(ordersByStatus, model, { kind: "addColumns", fields: ["clients.country", "sales_orders.shipping_fee", "sales_orders.ordered_at"] });
    expect(grouped.spec.dimensions).toEqual([
      { kind: "field", field: { entity: "sales_orders", field: "status" } },
      { kind: "field", field: { entity: "clients", field: "country" } },
      { kind: "field", field: { entity: "sales_orders", field: "ordered_at" }, grain: "month" },
    ]);
    expect(grouped.spec.measures).toContainEqual({ kind: "field", agg: "sum", field: { entity: "sales_orders", field: "shipping_fee" } });
    expect(compile(grouped.spec, model).sql).toMatch(/group by/);
    const listed = refineSpec(clientList, model, { kind: "addColumns", fields: ["regions.region_name"] });
    expect(listed.spec.columns).toEqual([{ entity: "regions", field: "region_name" }]);
    expect(compile(listed.spec, model).sql).toContain(`"region_name"`);
    expect(codeOf(ordersByStatus, { kind: "addColumns", fields: ["sales_orders.status"] })).toBe("REFINE_NOT_SUPPORTED");
    expect(codeOf(ordersByStatus, { kind: "addColumns", fields: [] })).toBe("REFINE_NOT_SUPPORTED");
  });

  it("sorts by a measure, a grouping or a listed field, and refuses fields the aggregate does not group by", () => {
    expect(refineSpec(ordersByStatus, model, { kind: "changeSort", field: "count", direction: "asc" }).spec.order).toEqual([{ by: { kind: "measure", index: 0 }, dir: "asc" }]);
    expect(refineSpec(ordersByStatus, model, { kind: "changeSort", field: "sales_orders.status", direction: "desc" }).spec.order).toEqual([{ by: { kind: "dimension", index: 0 }, dir: "desc" }]);
    expect(refineSpec(clientList, model, { kind: "changeSort", field: "clients.signup_date", direction: "desc" }).spec.order).toEqual([
      { by: { kind: "field", field: { entity: "clients", field: "signup_date" } }, dir: "desc" },
    ]);
    expect(codeOf(ordersByStatus, { kind: "changeSort", field: "clients.country", direction: "asc" })).toBe("REFINE_NOT_SUPPORTED");
  });

  it("simplifies one complication at a time, most recent first", () => {
    let spec = refineSpec(ordersByStatus, model, { kind: "addColumns", fields: ["clients.country"] }).spec;
    spec = refineSpec(spec, model, { kind: "addFilter", field: "clients.country", operator: "=", values: ["Brazil"] }).spec;
    spec = refineSpec(spec, model, { kind: "changeLimit", limit: 5 }).spec;
    const one = refineSpec(spec, model, { kind: "simplify", steps: 1 });
    expect(one.label).toBe("without the grouping by Country");
    expect(one.spec.dimensions).toHaveLength(1);
    expect(one.spec.filters).toHaveLength(1);
    const all = refineSpec(spec, model, { kind: "simplify", steps: 5 });
    expect(all.spec).toMatchObject({ dimensions: [], filters: [], limit: null, order: [], measures: [{ kind: "count", entity: "sales_orders" }] });
    expect(codeOf(buildSpec({ entity: "sales_orders", measures: [{ kind: "count", entity: "sales_orders" }] }), { kind: "simplify", steps: 1 })).toBe("REFINE_NOTHING_TO_SIMPLIFY");
    expect(codeOf(spec, { kind: "simplify", steps: 0 })).toBe("REFINE_NOT_SUPPORTED");
  });

  it("lists refinable fields: nearby entities' columns and the measures", () => {
    const fields = specRefinableFields(ordersByStatus, model);
    const byName = new Map(fields.map((f) => [f.name, f]));
    expect(byName.get("clients.country")).toMatchObject({ kind: "field", type: "text", sortable: false, operators: expect.arrayContaining(["=", "contains"]) });
    expect(byName.get("sales_orders.status")).toMatchObject({ sortable: true });
    expect(byName.get("count")).toMatchObject({ kind: "measure", sortable: true, operators: ["=", "!=", ">", ">=", "<", "<="] });
    expect(byName.get("order_lines.qty")?.operators).toContain(">");
    expect(byName.has("item_groups.group_name")).toBe(false);
  });
});
