import { describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "./bootstrap.ts";
import { rebootstrapSemanticModel } from "./rebootstrap.ts";
import { shopSnapshot } from "./testing/snapshots.ts";
import type { SemanticModel } from "./types.ts";
import { findReferenceProblems, SemanticModelInvalidError, SemanticModelReferenceError, validateSemanticModel } from "./validate.ts";
import { SemanticModelYamlError, semanticModelFromYaml, semanticModelToYaml } from "./yaml.ts";

function edited(): SemanticModel {
  const model = bootstrapSemanticModel(shopSnapshot());
  model.metrics.push({
    name: "avg_basket",
    label: "Average basket",
    synonyms: ["basket size"],
    entity: "order_lines",
    expression: "avg(unit_price * qty)",
    description: "Average line value: it's 'net'.\nSecond line",
    origin: "user",
  });
  model.glossary.push({
    term: "big spender",
    synonyms: [],
    definition: "A client in Canada",
    maps: { kind: "filter", entity: "clients", condition: { field: "country", op: "=", value: "Canada" } },
  });
  model.glossary.push({ term: "basket", synonyms: ["cart"], definition: "", maps: { kind: "metric", metric: "avg_basket" } });
  model.rules.defaultFilters.push({ entity: "sales_orders", condition: { field: "status", op: "!=", value: "cancelled" }, description: null });
  model.rules.fiscalYearStartMonth = 4;
  model.verifiedQueries.push({ question: "How many open orders?", sql: "SELECT count(*) FROM sales_orders WHERE status = 'open'", note: null });
  model.entities.find((e) => e.name === "clients")!.extraSynonyms.push("accounts");
  model.entities.find((e) => e.name === "items")!.fields.find((f) => f.name === "in_stock")!.extraSynonyms.push("on hand");
  return model;
}

describe("semantic model YAML and validation", () => {
  it("round-trips through YAML exactly", () => {
    const model = edited();
    const text = semanticModelToYaml(model);
    expect(text).toContain("avg_basket");
    expect(semanticModelFromYaml(text)).toEqual(model);
    expect(semanticModelToYaml(semanticModelFromYaml(text))).toBe(text);
  });

  it("rejects malformed YAML and wrong shapes with typed errors", () => {
    expect(() => semanticModelFromYaml("entities: [")).toThrow(SemanticModelYamlError);
    try {
      semanticModelFromYaml("format: 1\nversion: 0\n");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SemanticModelInvalidError);
      expect((error as SemanticModelInvalidError).code).toBe("SEMANTIC_MODEL_INVALID");
    }
  });

  it("lists every reference to unknown entities, fields and metrics", () => {
    const model = edited();
    model.metrics.push({ name: "ghost", label: "", synonyms: [], entity: "nowhere", expression: "sum(x)", description: null, origin: "user" });
    model.metrics.push({ name: "bad_col", label: "", synonyms: [], entity: "items", expression: "sum(weight)", description: null, origin: "user" });
    model.glossary.push({ term: "x", synonyms: [], definition: "", maps: { kind: "metric", metric: "missing" } });
    model.rules.defaultFilters.push({ entity: "items", condition: { field: "colour", op: "=", value: "red" }, description: null });
    expect(findReferenceProblems(model).map((p) => `${p.path} ${p.target}`)).toEqual([
      "metrics[4].entity nowhere",
      "metrics[5].expression items.weight",
      "glossary[2].maps.metric missing",
      "rules.defaultFilters[1].condition.field items.colour",
    ]);
    expect(() => validateSemanticModel(model)).toThrow(SemanticModelReferenceError);
  });

  it("keeps user edits whose targets survive a refresh and reports the rest", () => {
    const model = edited();
    const next = shopSnapshot();
    next.tables = next.tables.filter((t) => t.name !== "regions");
    const items = next.tables.find((t) => t.name === "items")!;
    items.columns = items.columns.filter((c) => c.name !== "in_stock");
    const orders = next.tables.find((t) => t.name === "sales_orders")!;
    orders.columns = orders.columns.filter((c) => c.name !== "status");
    const { model: refreshed, dropped } = rebootstrapSemanticModel(model, next);
    expect(refreshed.version).toBe(model.version + 1);
    expect(refreshed.metrics.map((m) => m.name)).toEqual(["revenue", "discount_amount", "avg_basket"]);
    // stock_value is generated only while its stock column exists.
    expect(refreshed.glossary.map((g) => g.term)).toEqual(["big spender", "basket"]);
    expect(refreshed.rules).toEqual({ fiscalYearStartMonth: 4, defaultFilters: [] });
    expect(refreshed.verifiedQueries).toHaveLength(1);
    expect(refreshed.entities.find((e) => e.name === "clients")!.extraSynonyms).toEqual(["accounts"]);
    expect(dropped).toEqual(["synonyms of items.in_stock (column gone)", "default filter on sales_orders.status"]);
    expect(findReferenceProblems(refreshed)).toEqual([]);
  });
});
