import { describe, expect, it } from "vitest";
import { explain } from "./explain.ts";
import { plan } from "./plan.ts";
import { NOW, shopModel, specOf } from "./testing/shop.ts";

const model = shopModel();
const explained = (question: string) => explain(specOf(plan({ question, model, now: NOW })), model);

describe("explain", () => {
  it("says what is measured, how it is grouped, filtered, sorted and limited", () => {
    const text = explained("top 3 clients by number of orders in 2023");
    expect(text).toContain("Shows the number of sales orders per client");
    expect(text).toContain("ordered at in 2023");
    expect(text).toContain("highest first");
    expect(text).toContain("Limited to 3 rows");
    expect(text).toContain("Joins sales order → client");
  });

  it("states derived measures as assumptions", () => {
    expect(explained("revenue per item group")).toMatch(/Assumption: Revenue = sum\("unit_price" \* "qty" \* \(1 - "discount"\)\)\. Derived: Unit price × Quantity × \(1 − Discount\)/);
  });

  it("describes listings, null checks and related-row conditions", () => {
    expect(explained("list clients in Brazil")).toBe("Lists clients. Only rows where client country is “Brazil”.");
    expect(explained("clients who never placed an order")).toContain("the client has no sales orders");
  });

  it("does not repeat the table's name where the column's name starts with it", () => {
    const byName = { entity: "regions", measures: [{ kind: "count" as const, entity: "regions" }], dimensions: [{ kind: "field" as const, field: { entity: "regions", field: "region_name" } }], filters: [], having: [], order: [], limit: null, columns: [], distinct: false };
    const text = explain(byName, model);
    expect(text).toContain("per region name");
    expect(text).not.toMatch(/\b(\w+) \1\b/);
  });
});

