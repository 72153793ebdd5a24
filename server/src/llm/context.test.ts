import { describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import { shopSnapshot } from "../semantic/testing/snapshots.ts";
import { renderExamples, renderHistory, renderSemanticContext } from "./context.ts";
import { linkSchema } from "./schema-linking.ts";
import { estimateTokens } from "./tokens.ts";

function shopWithContext() {
  const model = bootstrapSemanticModel(shopSnapshot());
  model.glossary.push(
    {
      term: "active client",
      synonyms: ["live account"],
      definition: "A client who has not left",
      maps: { kind: "filter", entity: "clients", condition: { field: "is_active", op: "=", value: true } },
    },
    { term: "catalogue", synonyms: [], definition: "", maps: { kind: "entity", entity: "items" } },
  );
  model.rules.defaultFilters.push({
    entity: "sales_orders",
    condition: { field: "status", op: "not_in", value: ["cancelled", "it's void"] },
    description: "cancelled orders never count",
  });
  model.rules.fiscalYearStartMonth = 7;
  return model;
}

describe("renderSemanticContext", () => {
  it("states the rules, metrics and glossary terms of the linked tables", () => {
    const model = shopWithContext();
    const text = renderSemanticContext(model, linkSchema("revenue of active clients per order", model), 400);
    expect(text).toContain('the fiscal year starts on 1 July');
    expect(text).toContain(
      "whenever sales_orders is queried, keep only rows where sales_orders.status NOT IN ('cancelled', 'it''s void') (cancelled orders never count)",
    );
    expect(text).toContain('metric revenue (also: revenue, sales, total sales, sales amount) = sum("unit_price" * "qty" * (1 - "discount")) over order_lines');
    expect(text).toContain('"active client" (also: live account) means rows of clients where clients.is_active = true -- A client who has not left');
    // The catalogue term points at a table the question did not link.
    expect(text).not.toContain("catalogue");
  });

  it("keeps to its budget, rules first", () => {
    const model = shopWithContext();
    const text = renderSemanticContext(model, linkSchema("revenue of active clients per order", model), 40);
    expect(estimateTokens(text)).toBeLessThanOrEqual(40);
    expect(text).toContain("fiscal year");
    expect(text).not.toContain("metric revenue");
  });

  it("is empty when the model has nothing to add", () => {
    const model = bootstrapSemanticModel(shopSnapshot());
    expect(renderSemanticContext(model, linkSchema("regions", model), 400)).toBe("");
  });
});

describe("renderExamples", () => {
  const examples = [
    { question: "How many regions are there?", sql: "SELECT count(*) FROM regions" },
    { question: "Top clients by number of orders", sql: "SELECT client_id, count(*) FROM sales_orders GROUP BY 1 ORDER BY 2 DESC LIMIT 5" },
    { question: "Orders per client country", sql: "SELECT c.country, count(*) FROM sales_orders o JOIN clients c USING (client_id) GROUP BY 1" },
  ];

  it("puts the most similar verified query first and drops duplicates", () => {
    const text = renderExamples("number of orders per client", [...examples, examples[1]!], 500);
    const positions = examples.map((e) => text.indexOf(e.question));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions[1]).toBeLessThan(positions[0]!);
    expect(positions[2]).toBeLessThan(positions[0]!);
    expect(text.split("Top clients by number of orders")).toHaveLength(2);
  });

  it("leaves out what does not fit", () => {
    const text = renderExamples("how many regions", examples, 40);
    expect(text).toContain("How many regions are there?");
    expect(text).not.toContain("Orders per client country");
    expect(renderExamples("anything", [], 500)).toBe("");
  });
});

describe("renderHistory", () => {
  const history = [
    { question: "Orders per month", sql: "SELECT date_trunc('month', ordered_at), count(*) FROM sales_orders GROUP BY 1" },
    { question: "What can you do?", sql: null },
    { question: "Only shipped ones", sql: "SELECT date_trunc('month', ordered_at), count(*) FROM sales_orders WHERE status = 'shipped' GROUP BY 1" },
  ];

  it("lists turns most recent first with their SQL", () => {
    const text = renderHistory(history, 500);
    expect(text.indexOf("Previous question: Only shipped ones")).toBeGreaterThan(0);
    expect(text.indexOf("Previous question")).toBeLessThan(text.indexOf("2 questions ago: What can you do?"));
    expect(text.indexOf("2 questions ago")).toBeLessThan(text.indexOf("3 questions ago: Orders per month"));
    expect(text).toContain("WHERE status = 'shipped'");
    expect(text).toContain("(no SQL: that question was not answered with a query)");
  });

  it("drops the oldest turns first when over budget", () => {
    const text = renderHistory(history, 75);
    expect(text).toContain("Only shipped ones");
    expect(text).not.toContain("Orders per month");
    expect(renderHistory([], 500)).toBe("");
  });
});
