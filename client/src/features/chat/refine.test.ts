import { describe, expect, it } from "vitest";
import { choiceLabels, groupFields, refinementInput, RefineDraftError, searchTerm, shortLabel, withChoice, type RefinableField, type RefineDraft } from "./refine";

const draft: RefineDraft = { field: "customers.region", operator: "EQ", value: "EMEA", limit: "10", columns: [], direction: "DESC" };

describe("refinementInput", () => {
  it("builds each of the five refinements", () => {
    expect(refinementInput("filter", draft)).toEqual({ addFilter: { field: "customers.region", operator: "EQ", values: ["EMEA"] } });
    expect(refinementInput("filter", { ...draft, operator: "IN", value: "EMEA, APAC ," })).toEqual({ addFilter: { field: "customers.region", operator: "IN", values: ["EMEA", "APAC"] } });
    expect(refinementInput("filter", { ...draft, operator: "IS_NULL", value: "" })).toEqual({ addFilter: { field: "customers.region", operator: "IS_NULL", values: [] } });
    expect(refinementInput("limit", draft)).toEqual({ changeLimit: { limit: 10 } });
    expect(refinementInput("columns", { ...draft, columns: ["orders.channel"] })).toEqual({ addColumns: { fields: ["orders.channel"] } });
    expect(refinementInput("sort", draft)).toEqual({ changeSort: { field: "customers.region", direction: "DESC" } });
    expect(refinementInput("simplify", draft)).toEqual({ simplify: { steps: 1 } });
  });

  it("refuses incomplete drafts with a reason", () => {
    expect(() => refinementInput("filter", { ...draft, value: " " })).toThrow(RefineDraftError);
    expect(() => refinementInput("limit", { ...draft, limit: "2.5" })).toThrow(/whole number/);
    expect(() => refinementInput("columns", draft)).toThrow(/at least one/);
  });
});

describe("groupFields", () => {
  it("puts totals first and fields under their table", () => {
    const f = (name: string, label: string, kind: RefinableField["kind"]): RefinableField => ({ name, label, kind, type: "text", operators: [], sortable: true });
    const groups = groupFields([f("revenue", "Revenue", "MEASURE"), f("orders.channel", "Order · Channel", "FIELD"), f("orders.status", "Order · Status", "FIELD")]);
    expect(groups.map((g) => [g.group, g.fields.map(shortLabel)])).toEqual([
      ["Totals of this answer", ["Revenue"]],
      ["Order", ["Channel", "Status"]],
    ]);
  });
});

describe("choiceLabels", () => {
  it("adds the table where a name repeats, and the field's name where even that repeats", () => {
    const f = (name: string, label: string): RefinableField => ({ name, label, kind: "FIELD", type: "text", operators: [], sortable: true });
    const labels = choiceLabels([f("regions.name", "Region · Name"), f("customers.name", "Customer · Name"), f("customers.city", "Customer · City"), f("a.code", "Area · Code"), f("b.code", "Area · Code")]);
    expect([...labels.values()]).toEqual(["Region · Name", "Customer · Name", "City", "Area · Code (a.code)", "Area · Code (b.code)"]);
  });
});

describe("value picking", () => {
  it("searches the item being typed and replaces it with the choice", () => {
    expect(searchTerm(" EM ", false)).toBe("EM");
    expect(searchTerm("APAC, em", true)).toBe("em");
    expect(withChoice("em", "EMEA", false)).toBe("EMEA");
    expect(withChoice("APAC, em", "EMEA", true)).toBe("APAC, EMEA, ");
    expect(withChoice("APAC, EMEA, ap", "APAC", true)).toBe("EMEA, APAC, ");
  });
});
