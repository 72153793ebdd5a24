import { describe, expect, it } from "vitest";
import { compile } from "./compile/compile.ts";
import { specParts } from "./spec-parts.ts";
import { shopModel } from "./testing/shop.ts";
import { addColumns, addDimension, addFilter, buildSpec, changeLimit, changeSort, referencesExist, removeFilter, replaceMeasures, simplify, sortByMeasure } from "./transforms.ts";

const model = shopModel();
const base = buildSpec({
  entity: "sales_orders",
  measures: [{ kind: "count", entity: "sales_orders" }],
  dimensions: [{ kind: "field", field: { entity: "sales_orders", field: "status" } }],
});

describe("spec transforms", () => {
  it("add and replace filters without touching the input", () => {
    const a = addFilter(base, { kind: "compare", field: { entity: "clients", field: "country" }, op: "=", values: ["Brazil"] });
    const b = addFilter(a, { kind: "compare", field: { entity: "clients", field: "country" }, op: "=", values: ["France"] });
    expect(base.filters).toEqual([]);
    expect(b.filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "country" }, op: "=", values: ["France"] }]);
    expect(removeFilter(b, 0).filters).toEqual([]);
    expect(compile(b, model).sql).toContain(`where "c"."country" = 'France'`);
  });

  it("change the limit (sorting by the measure), the sort, the groupings and the measures", () => {
    expect(changeLimit(base, 5)).toMatchObject({ limit: 5, order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }] });
    expect(changeSort(base, [{ by: { kind: "dimension", index: 0 }, dir: "asc" }]).order).toEqual([{ by: { kind: "dimension", index: 0 }, dir: "asc" }]);
    expect(addColumns(base, [{ entity: "clients", field: "country" }]).dimensions).toHaveLength(2);
    expect(addDimension(buildSpec({ entity: "clients" }), { kind: "entity", entity: "regions" }).measures).toEqual([{ kind: "count", entity: "clients" }]);
    const fee = { kind: "field" as const, agg: "sum" as const, field: { entity: "sales_orders", field: "shipping_fee" } };
    expect(sortByMeasure(base, fee).order).toEqual([{ by: { kind: "measure", index: 1 }, dir: "desc" }]);
    expect(replaceMeasures(base, [fee]).measures).toEqual([fee]);
  });

  it("simplify keeps the first measure under the same filters", () => {
    const s = simplify({ ...changeLimit(base, 3), filters: [{ kind: "compare", field: { entity: "sales_orders", field: "status" }, op: "=", values: ["open"] }] });
    expect(s).toMatchObject({ dimensions: [], order: [], limit: null, measures: [{ kind: "count", entity: "sales_orders" }] });
    expect(s.filters).toHaveLength(1);
  });

  it("lists a spec's parts and checks them against the model", () => {
    const spec = addFilter(base, { kind: "compare", field: { entity: "clients", field: "country" }, op: "=", values: ["Brazil"] });
    expect(specParts(spec)).toMatchObject({
      entities: ["sales_orders", "clients"],
      fields: [{ entity: "sales_orders", field: "status" }, { entity: "clients", field: "country" }],
    });
    expect(referencesExist(spec, model)).toBe(true);
    expect(referencesExist(addFilter(spec, { kind: "compare", field: { entity: "clients", field: "shoe_size" }, op: "=", values: [1] }), model)).toBe(false);
  });
});
