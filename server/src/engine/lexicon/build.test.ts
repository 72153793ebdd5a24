import { describe, expect, it } from "vitest";
import { plan } from "../plan.ts";
import { embeddedModel } from "../testing/embedded.ts";

const SCHEMA = `
CREATE TABLE stores (store_id int PRIMARY KEY, store_name text, region text, country text);
CREATE TABLE deliveries (delivery_id int PRIMARY KEY, store_id int REFERENCES stores, ship_region text, sales_region text);
INSERT INTO stores VALUES (1, 'Uptown', 'WA', 'USA'), (2, 'Harbor', 'OR', 'USA'), (3, 'Lakeside', 'ID', 'USA'), (4, 'Maple', 'BC', 'Canada'), (5, 'Centro', NULL, 'Mexico');
INSERT INTO deliveries SELECT g, 1 + g % 5, (ARRAY['WA','OR','ID','CA'])[1 + g % 4], (ARRAY['North','South'])[1 + g % 2] FROM generate_series(1, 40) g;
`;

describe("lexicon: words people use for columns the schema names otherwise", () => {
  const embedded = embeddedModel(SCHEMA);

  const dimensions = (question: string) => {
    const outcome = plan({ question, model: embedded.model });
    if (outcome.kind !== "query") throw new Error(`${question}: ${outcome.kind}`);
    return outcome.spec.dimensions;
  };

  it("calls a region column holding states or provinces the state, on the table asked about", () => {
    expect(dimensions("stores per state")).toEqual([{ kind: "field", field: { entity: "stores", field: "region" } }]);
    expect(dimensions("number of deliveries by ship state")).toEqual([{ kind: "field", field: { entity: "deliveries", field: "ship_region" } }]);
    expect(dimensions("deliveries by province")).toEqual([{ kind: "field", field: { entity: "deliveries", field: "ship_region" } }]);
  });

  it("does not call a region of other values a state", () => {
    expect(dimensions("deliveries per sales region")).toEqual([{ kind: "field", field: { entity: "deliveries", field: "sales_region" } }]);
    const outcome = plan({ question: "deliveries by sales state", model: embedded.model });
    expect(outcome.kind === "query" && outcome.spec.dimensions.some((d) => d.kind === "field" && d.field.field === "sales_region")).toBe(false);
  });
});
