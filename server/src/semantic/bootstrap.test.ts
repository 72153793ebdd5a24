import { describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "./bootstrap.ts";
import { col, fk, shopSnapshot, snapshot, table } from "./testing/snapshots.ts";

describe("bootstrapSemanticModel", () => {
  const model = bootstrapSemanticModel(shopSnapshot());
  const entity = (name: string) => model.entities.find((e) => e.name === name)!;
  const field = (e: string, f: string) => entity(e).fields.find((x) => x.name === f)!;

  it("names entities readably with singular/plural and thesaurus synonyms", () => {
    expect(entity("sales_orders").label).toBe("Sales order");
    expect(entity("sales_orders").synonyms).toEqual(expect.arrayContaining(["sales order", "sales orders"]));
    expect(entity("clients").synonyms).toEqual(expect.arrayContaining(["client", "clients", "customer", "customers"]));
    expect(entity("item_groups").label).toBe("Item group");
  });

  it("gives fields roles: ids and keys are not measures", () => {
    expect(field("order_lines", "line_id").role).toBe("id");
    expect(field("order_lines", "item_id").role).toBe("foreign_key");
    expect(field("order_lines", "qty")).toMatchObject({ role: "measure", aggregation: "sum" });
    expect(field("order_lines", "qty").synonyms).toContain("quantity");
    expect(field("order_lines", "unit_price")).toMatchObject({ role: "measure", aggregation: "avg", money: true });
    expect(field("sales_orders", "shipping_fee")).toMatchObject({ role: "measure", money: true });
    expect(field("sales_orders", "ordered_at").role).toBe("time");
    expect(field("clients", "email").role).toBe("attribute");
    expect(field("clients", "country")).toMatchObject({ role: "dimension", values: ["Brazil", "Canada", "France"] });
    expect(field("items", "retired")).toMatchObject({ role: "dimension", flag: true });
    expect(field("clients", "is_active")).toMatchObject({ role: "dimension", flag: true });
  });

  it("finds label fields and default time fields", () => {
    expect(entity("clients").labelFields).toEqual(["full_name"]);
    expect(entity("items").labelFields).toEqual(["item_name"]);
    expect(entity("sales_orders").labelFields).toEqual([]);
    expect(entity("sales_orders").defaultTimeField).toBe("ordered_at");
    expect(field("clients", "signup_date").synonyms).toContain("signup");
  });

  it("builds the join graph from foreign keys", () => {
    expect(model.joins.map((j) => `${j.from}.${j.fromColumns[0]}->${j.to}`)).toEqual([
      "clients.region_id->regions",
      "sales_orders.client_id->clients",
      "order_lines.order_id->sales_orders",
      "order_lines.item_id->items",
      "items.group_id->item_groups",
    ]);
  });

  it("derives revenue from price × quantity × (1 − discount), and stock value from price × stock", () => {
    expect(model.metrics).toEqual([
      expect.objectContaining({
        name: "revenue",
        entity: "order_lines",
        expression: 'sum("unit_price" * "qty" * (1 - "discount"))',
        origin: "generated",
      }),
      expect.objectContaining({ name: "discount_amount", entity: "order_lines", expression: 'sum("unit_price" * "qty" * "discount")', origin: "generated" }),
      expect.objectContaining({ name: "stock_value", entity: "items", expression: 'sum("list_price" * "in_stock")', origin: "generated" }),
    ]);
  });

  it("marks pure link tables as bridges and handles empty schemas", () => {
    const m = bootstrapSemanticModel(
      snapshot([
        table("a", [col("a_id", "integer")], { primaryKey: ["a_id"] }),
        table("b", [col("b_id", "integer")], { primaryKey: ["b_id"] }),
        table("a_b", [col("a_id", "integer"), col("b_id", "integer")], {
          primaryKey: ["a_id", "b_id"],
          foreignKeys: [fk(["a_id"], "a", ["a_id"]), fk(["b_id"], "b", ["b_id"])],
        }),
      ]),
    );
    expect(m.entities.find((e) => e.name === "a_b")?.bridge).toBe(true);
    expect(bootstrapSemanticModel(snapshot([])).entities).toEqual([]);
  });

  it("qualifies entity names when two schemas hold the same table", () => {
    const s = snapshot([table("t", [col("x", "text")]), { ...table("t", [col("x", "text")]), schema: "other" }]);
    expect(bootstrapSemanticModel(s).entities.map((e) => e.name)).toEqual(["public.t", "other.t"]);
  });
});
