import { describe, expect, it } from "vitest";
import { plan } from "./plan.ts";
import { NOW, shopModel, specOf, sqlOf } from "./testing/shop.ts";

const model = shopModel();
const ask = (question: string) => specOf(plan({ question, model, now: NOW }));

describe("plan: aggregates", () => {
  it("counts the entity named after “how many”", () => {
    expect(ask("How many clients are there?")).toMatchObject({ entity: "clients", measures: [{ kind: "count", entity: "clients" }], dimensions: [] });
    expect(ask("number of sales orders")).toMatchObject({ measures: [{ kind: "count", entity: "sales_orders" }] });
  });

  it("reads sum, average, min, max and distinct counts over columns", () => {
    expect(ask("total shipping fee").measures).toEqual([{ kind: "field", agg: "sum", field: { entity: "sales_orders", field: "shipping_fee" } }]);
    expect(ask("average list price of items").measures).toEqual([{ kind: "field", agg: "avg", field: { entity: "items", field: "list_price" } }]);
    expect(ask("What is the highest shipping fee?").measures).toEqual([{ kind: "field", agg: "max", field: { entity: "sales_orders", field: "shipping_fee" } }]);
    expect(ask("minimum quantity").measures).toEqual([{ kind: "field", agg: "min", field: { entity: "order_lines", field: "qty" } }]);
    expect(ask("How many different countries do clients come from?").measures).toEqual([
      { kind: "field", agg: "count_distinct", field: { entity: "clients", field: "country" } },
    ]);
  });

  it("groups by columns, entities and time grains", () => {
    expect(ask("clients per country").dimensions).toEqual([{ kind: "field", field: { entity: "clients", field: "country" } }]);
    expect(ask("number of orders per client").dimensions).toEqual([{ kind: "entity", entity: "clients" }]);
    expect(ask("orders by month").dimensions).toEqual([{ kind: "field", field: { entity: "sales_orders", field: "ordered_at" }, grain: "month" }]);
    expect(ask("yearly shipping fee").dimensions).toEqual([{ kind: "field", field: { entity: "sales_orders", field: "ordered_at" }, grain: "year" }]);
    expect(ask("clients by country and city").dimensions).toHaveLength(2);
  });

  it("derives revenue from price × quantity × (1 − discount) on the line table", () => {
    const spec = ask("revenue by item group");
    expect(spec).toMatchObject({ entity: "order_lines", measures: [{ kind: "metric", metric: "revenue" }], dimensions: [{ kind: "entity", entity: "item_groups" }] });
    expect(sqlOf(model, "total sales by item group")).toContain('sum("ol"."unit_price" * "ol"."qty" * (1 - "ol"."discount"))');
  });
});

describe("plan: filters", () => {
  it("links sampled values to their column, preferring the subject's own", () => {
    expect(ask("How many clients are from Brazil?").filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "country" }, op: "=", values: ["Brazil"] }]);
    expect(ask("clients in Brazil or Canada").filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "country" }, op: "in", values: ["Brazil", "Canada"] }]);
    expect(ask("orders from clients in Paris").filters[0]).toMatchObject({ field: { entity: "clients", field: "city" }, values: ["Paris"] });
  });

  it("negates values and flags", () => {
    expect(ask("clients not in Canada").filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "country" }, op: "!=", values: ["Canada"] }]);
    expect(ask("items excluding retired ones").filters).toEqual([{ kind: "compare", field: { entity: "items", field: "retired" }, op: "=", values: [0] }]);
    expect(ask("retired items").filters).toEqual([{ kind: "compare", field: { entity: "items", field: "retired" }, op: "=", values: [1] }]);
    expect(ask("inactive clients").filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "is_active" }, op: "=", values: [false] }]);
  });

  it("reads comparisons on columns and converts units", () => {
    expect(ask("orders with a shipping fee over 20").filters).toEqual([{ kind: "compare", field: { entity: "sales_orders", field: "shipping_fee" }, op: ">", values: [20] }]);
    expect(ask("lines with discount of at least 10%").filters).toEqual([{ kind: "compare", field: { entity: "order_lines", field: "discount" }, op: ">=", values: [0.1] }]);
    expect(ask("items with a list price between 5 and 10").filters).toEqual([
      { kind: "compare", field: { entity: "items", field: "list_price" }, op: ">=", values: [5] },
      { kind: "compare", field: { entity: "items", field: "list_price" }, op: "<=", values: [10] },
    ]);
  });

  it("turns comparisons on counts into HAVING", () => {
    const spec = ask("clients with more than 5 orders");
    expect(spec.dimensions).toEqual([{ kind: "entity", entity: "clients" }]);
    expect(spec.having).toEqual([{ measure: 0, op: ">", value: 5 }]);
    expect(spec.measures).toEqual([{ kind: "count", entity: "sales_orders" }]);
  });

  it("reads years, months, quarters, ranges and relative periods against the data's latest date", () => {
    expect(ask("orders in 2023").filters).toEqual([{ kind: "range", field: { entity: "sales_orders", field: "ordered_at" }, from: "2023-01-01", to: "2024-01-01", label: "in 2023" }]);
    expect(ask("orders in March 2024").filters[0]).toMatchObject({ from: "2024-03-01", to: "2024-04-01" });
    expect(ask("orders in Q2 2023").filters[0]).toMatchObject({ from: "2023-04-01", to: "2023-07-01" });
    expect(ask("orders between January and March 2024").filters[0]).toMatchObject({ from: "2024-01-01", to: "2024-04-01" });
    expect(ask("orders before 2023").filters[0]).toMatchObject({ from: null, to: "2023-01-01" });
    // The data ends 2024-06-28, long before NOW: "last 3 months" counts back from there.
    expect(ask("orders in the last 3 months").filters[0]).toMatchObject({ from: "2024-03-28", to: null });
    expect(ask("orders last year").filters[0]).toMatchObject({ from: "2023-01-01", to: "2024-01-01" });
    expect(ask("clients who signed up in 2023").filters[0]).toMatchObject({ field: { entity: "clients", field: "signup_date" } });
  });

  it("filters rows that have no related rows", () => {
    expect(ask("clients who never placed an order").filters).toEqual([
      { kind: "related", field: { entity: "clients", field: "client_id" }, entity: "sales_orders", exists: false },
    ]);
  });
});

describe("plan: ranking and listing", () => {
  it("ranks groups for top N and “which X has the most Y”", () => {
    expect(ask("top 3 clients by number of orders")).toMatchObject({
      dimensions: [{ kind: "entity", entity: "clients" }],
      order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }],
      limit: 3,
    });
    expect(ask("which country has the most clients")).toMatchObject({
      dimensions: [{ kind: "field", field: { entity: "clients", field: "country" } }],
      measures: [{ kind: "count", entity: "clients" }],
      limit: 1,
    });
    expect(ask("the item group with the fewest items").order).toEqual([{ by: { kind: "measure", index: 0 }, dir: "asc" }]);
  });

  it("reads “most common” as rows pointing at it and “most popular” as how often it is bought", () => {
    expect(ask("What is the most common item group?")).toMatchObject({ measures: [{ kind: "count", entity: "items" }], dimensions: [{ kind: "entity", entity: "item_groups" }], limit: 1 });
    expect(ask("most popular item")).toMatchObject({ measures: [{ kind: "count", entity: "order_lines" }], dimensions: [{ kind: "entity", entity: "items" }], limit: 1 });
    expect(ask("best selling item")).toMatchObject({ measures: [{ kind: "field", agg: "sum", field: { entity: "order_lines", field: "qty" } }] });
  });

  it("ranks rows by a column for superlative adjectives", () => {
    expect(ask("the 2 most expensive items")).toMatchObject({
      entity: "items",
      measures: [],
      order: [{ by: { kind: "field", field: { entity: "items", field: "list_price" } }, dir: "desc" }],
      limit: 2,
    });
    expect(ask("cheapest item").order[0]).toMatchObject({ dir: "asc" });
  });

  it("lists rows with conditions, and distinct values of a column", () => {
    expect(ask("list clients in France")).toMatchObject({ entity: "clients", measures: [], filters: [{ values: ["France"] }] });
    expect(ask("Which countries do clients come from?")).toMatchObject({ columns: [{ entity: "clients", field: "country" }], distinct: true });
    expect(ask("show the email of clients in France").columns).toEqual([{ entity: "clients", field: "email" }]);
  });

  it("sorts by what is asked, alphabetically or by size", () => {
    expect(ask("clients per country sorted by count descending").order).toEqual([{ by: { kind: "measure", index: 0 }, dir: "desc" }]);
    expect(ask("list items alphabetically").order).toEqual([{ by: { kind: "field", field: { entity: "items", field: "item_name" } }, dir: "asc" }]);
  });

  it("reads percentages as a part of the whole, or each group's share of the total", () => {
    const part = ask("What percentage of clients are from Brazil?");
    expect(part).toMatchObject({ measures: [{ kind: "count", entity: "clients" }], filters: [], shareOf: [{ field: { entity: "clients", field: "country" }, values: ["Brazil"] }] });
    expect(sqlOf(model, "What percentage of clients are from Brazil?")).toContain(`100.0 * count(*) filter (where "c"."country" = 'Brazil') / nullif(count(*), 0)`);
    expect(ask("share of revenue per item group")).toMatchObject({ shareOf: [], dimensions: [{ kind: "entity", entity: "item_groups" }] });
  });

  it("averages per-group counts (“average number of lines per order”)", () => {
    expect(ask("average number of order lines per order")).toMatchObject({ rollup: "avg", dimensions: [{ kind: "entity", entity: "sales_orders" }] });
  });
});

describe("plan: honesty", () => {
  it("records what it understood and ignored", () => {
    const outcome = plan({ question: "How many clients are happily from Brazil?", model, now: NOW });
    expect(outcome.kind).toBe("query");
    if (outcome.kind !== "query") return;
    expect(outcome.skipped).toContain("happily");
    expect(outcome.ignored).toEqual([]);
    expect(outcome.understood.some((u) => u.includes("Brazil"))).toBe(true);
    expect(outcome.confidence).toBeLessThan(1);
  });

  it("corrects small typos in names", () => {
    expect(ask("How many clints are there?").measures).toEqual([{ kind: "count", entity: "clients" }]);
  });

  it("uses glossary terms, user metrics and default-filter rules from the model", () => {
    const edited = shopModel();
    edited.metrics.push({ name: "basket_value", label: "Basket value", synonyms: ["basket"], entity: "order_lines", expression: "avg(unit_price * qty)", description: null, origin: "user" });
    edited.glossary.push({ term: "big markets", synonyms: [], definition: "", maps: { kind: "filter", entity: "clients", condition: { field: "country", op: "in", value: ["Brazil", "France"] } } });
    edited.rules.defaultFilters.push({ entity: "sales_orders", condition: { field: "status", op: "!=", value: "cancelled" }, description: "cancelled orders never count" });
    const q = (question: string) => specOf(plan({ question, model: edited, now: NOW }));
    expect(q("basket by item group").measures).toEqual([{ kind: "metric", metric: "basket_value" }]);
    expect(q("clients in big markets").filters).toEqual([{ kind: "compare", field: { entity: "clients", field: "country" }, op: "in", values: ["Brazil", "France"] }]);
    expect(q("how many orders").filters).toEqual([{ kind: "compare", field: { entity: "sales_orders", field: "status" }, op: "!=", values: ["cancelled"] }]);
    expect(q("how many cancelled orders").filters).toEqual([{ kind: "compare", field: { entity: "sales_orders", field: "status" }, op: "=", values: ["cancelled"] }]);
  });

  it("reads fiscal years with the model's fiscal start month", () => {
    const edited = shopModel();
    edited.rules.fiscalYearStartMonth = 4;
    const spec = specOf(plan({ question: "orders in fiscal year 2024", model: edited, now: NOW }));
    expect(spec.filters[0]).toMatchObject({ kind: "range", from: "2023-04-01", to: "2024-04-01" });
    expect(specOf(plan({ question: "shipping fee in FY2023", model: edited, now: NOW })).filters[0]).toMatchObject({ from: "2022-04-01", to: "2023-04-01" });
  });

  it("answers verified questions with their stored SQL", () => {
    const edited = shopModel();
    edited.verifiedQueries.push({ question: "How many open orders?", sql: "SELECT count(*) FROM sales_orders WHERE status = 'open'", note: null });
    const spec = specOf(plan({ question: "how many open orders", model: edited, now: NOW }));
    expect(spec.verifiedSql).toBe("SELECT count(*) FROM sales_orders WHERE status = 'open'");
  });
});
