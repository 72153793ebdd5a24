import { describe, expect, it } from "vitest";
import { converse, shopModel, specOf } from "./testing/shop.ts";

const model = shopModel();
const specs = (questions: string[]) => converse(model, questions).map((t) => specOf(t.outcome));
const followUps = (questions: string[]) => converse(model, questions).map((t) => t.outcome.kind === "query" && t.outcome.followUp);

describe("follow-ups are deltas on the previous spec", () => {
  it("adds a grouping, then keeps the top N", () => {
    const [, byCountry, top] = specs(["How many clients are there?", "break it down by country", "only the top 2"]);
    expect(byCountry!.dimensions).toEqual([{ kind: "field", field: { entity: "clients", field: "country" } }]);
    expect(top).toMatchObject({ limit: 2, order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }] });
    expect(followUps(["How many clients are there?", "break it down by country", "only the top 2"])).toEqual([false, true, true]);
  });

  it("replaces a time filter and changes the grain", () => {
    const [, , y2023, monthly] = specs(["orders per year", "by quarter instead", "just for 2023", "by month instead"]);
    expect(y2023!.filters).toEqual([{ kind: "range", field: { entity: "sales_orders", field: "ordered_at" }, from: "2023-01-01", to: "2024-01-01", label: "in 2023" }]);
    expect(monthly!.dimensions).toEqual([{ kind: "field", field: { entity: "sales_orders", field: "ordered_at" }, grain: "month" }]);
    expect(monthly!.filters).toHaveLength(1);
  });

  it("switches the aggregate (“what about the average instead”)", () => {
    const [, avg, max] = specs(["total shipping fee per status", "what about the average instead", "and the maximum?"]);
    expect(avg!.measures).toEqual([{ kind: "field", agg: "avg", field: { entity: "sales_orders", field: "shipping_fee" } }]);
    expect(avg!.dimensions).toHaveLength(1);
    expect(max!.measures[0]).toMatchObject({ agg: "max" });
  });

  it("replaces a value filter (“what about France?”) and adds with “also”", () => {
    const [, france, both] = specs(["How many clients are from Brazil?", "what about France?", "also Canada"]);
    expect(france!.filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "country" }, op: "=", values: ["France"] }]);
    expect(both!.filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "country" }, op: "in", values: ["France", "Canada"] }]);
  });

  it("sorts, excludes and re-counts (“how many orders is that”)", () => {
    const [, sorted, excluded, orders] = specs(["clients per country", "sort from largest to smallest", "exclude Brazil", "how many orders is that"]);
    expect(sorted!.order).toEqual([{ by: { kind: "measure", index: 0 }, dir: "desc" }]);
    expect(excluded!.filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "country" }, op: "!=", values: ["Brazil"] }]);
    expect(orders).toMatchObject({ entity: "sales_orders", measures: [{ kind: "count", entity: "sales_orders" }] });
    expect(orders!.filters).toEqual(excluded!.filters);
  });

  it("ranks the previous groups (“which one has the fewest?”) and lists the rows (“list them”)", () => {
    const [, fewest] = specs(["number of items per item group", "which one has the fewest?"]);
    expect(fewest).toMatchObject({ order: [{ by: { kind: "measure", index: 0 }, dir: "asc" }], limit: 1 });
    const [, listed] = specs(["How many clients are from Canada?", "list them"]);
    expect(listed).toMatchObject({ entity: "clients", measures: [], filters: [{ values: ["Canada"] }] });
  });

  it("applies a bare comparison to the grouped measure (“only those with at least 3”)", () => {
    const [, having] = specs(["orders per client", "only those with at least 3"]);
    expect(having!.having).toEqual([{ measure: 0, op: ">=", value: 3 }]);
  });

  it("collapses the breakdown for “how many is that in total?”", () => {
    const [, total] = specs(["number of items per item group", "how many is that in total?"]);
    expect(total).toMatchObject({ entity: "items", measures: [{ kind: "count", entity: "items" }], dimensions: [] });
  });

  it("starts fresh for a complete new question", () => {
    const [, fresh] = specs(["clients per country", "How many items are there?"]);
    expect(fresh).toMatchObject({ entity: "items", dimensions: [], filters: [] });
    expect(followUps(["clients per country", "How many items are there?"])).toEqual([false, false]);
  });
});
