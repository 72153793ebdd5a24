import { describe, expect, it } from "vitest";
import { compile } from "../engine/compile/compile.ts";
import { converse, shopModel, specOf } from "../engine/testing/shop.ts";
import { hiddenColumns, markHidden } from "./hidden-columns.ts";

describe("hiddenColumns", () => {
  const model = shopModel();
  const columnsOf = (question: string) => {
    const spec = specOf(converse(model, [question])[0]!.outcome);
    return { spec, columns: compile(spec, model).columns };
  };

  it("hides the key of a table grouped by its rows when its naming columns are there", () => {
    const { spec, columns } = columnsOf("revenue by region");
    const entity = spec.dimensions.find((d) => d.kind === "entity");
    expect(entity).toBeDefined();
    const key = model.entities.find((e) => entity?.kind === "entity" && e.name === entity.entity)!.primaryKey;
    expect([...hiddenColumns(spec, model, columns)]).toEqual(key);
    expect(markHidden(columns, hiddenColumns(spec, model, columns)).filter((c) => c.hidden).map((c) => c.name)).toEqual(key);
  });

  it("hides nothing for a grouping by a column, a listing, or SQL without a spec", () => {
    const byCountry = columnsOf("number of sales orders by status");
    expect(hiddenColumns(byCountry.spec, model, byCountry.columns).size).toBe(0);
    expect(hiddenColumns(null, model, [{ name: "id" }]).size).toBe(0);
  });
});
