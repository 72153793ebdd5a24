import { describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import { col as snapCol, fk, snapshot, table } from "../semantic/testing/snapshots.ts";
import { resolveColumns } from "./columns.ts";
import { col, COUNT_ORDERS, ORDERED_AT, REVENUE, shopModel, spec } from "./testing.ts";

const model = shopModel();
const roles = (r: ReturnType<typeof resolveColumns>) => r.map((c) => [c.name, c.role, c.index ?? null, c.grain ?? null]);

describe("resolveColumns", () => {
  it("maps the spec's dimensions then measures by position, naming an entity by its label", () => {
    const s = spec("order_lines", { measures: [REVENUE, COUNT_ORDERS], dimensions: [{ kind: "entity", entity: "clients" }, { kind: "field", field: ORDERED_AT, grain: "year" }] });
    const columns = [col("client_id", "integer"), col("full_name", "text"), col("year", "integer"), col("revenue", "decimal"), col("sales_orders_count", "bigint")];
    expect(roles(resolveColumns({ spec: s, model, columns, rows: [] }))).toEqual([
      ["client_id", "key", 0, null],
      ["full_name", "dimension", 0, null],
      ["year", "time", 1, "year"],
      ["revenue", "measure", 0, null],
      ["sales_orders_count", "measure", 1, null],
    ]);
  });

  it("names an entity with a first and last name by the composed column", () => {
    const staff = bootstrapSemanticModel(
      snapshot([
        table("staff", [snapCol("staff_id", "integer", { nullable: false }), snapCol("first_name", "text"), snapCol("last_name", "text")], { primaryKey: ["staff_id"] }),
        table("tickets", [snapCol("ticket_id", "integer", { nullable: false }), snapCol("staff_id", "integer")], { primaryKey: ["ticket_id"], foreignKeys: [fk(["staff_id"], "staff", ["staff_id"])] }),
      ]),
    );
    expect(staff.entities.find((e) => e.name === "staff")!.labelFields).toEqual(["first_name", "last_name"]);
    const s = spec("tickets", { measures: [{ kind: "count", entity: "tickets" }], dimensions: [{ kind: "entity", entity: "staff" }] });
    const columns = [col("staff_id", "integer"), col("first_name", "text"), col("last_name", "text"), col("staff_name", "text"), col("count", "bigint")];
    expect(roles(resolveColumns({ spec: s, model: staff, columns, rows: [] })).map(([n, r]) => `${n}:${r}`)).toEqual([
      "staff_id:key",
      "first_name:key",
      "last_name:key",
      "staff_name:dimension",
      "count:measure",
    ]);
  });

  it("reads listed columns from the model's field roles", () => {
    const s = spec("sales_orders");
    const columns = [col("order_id", "integer"), col("client_id", "integer"), col("ordered_at", "timestamp"), col("status", "text"), col("shipping_fee", "decimal")];
    expect(resolveColumns({ spec: s, model, columns, rows: [] }).map((c) => c.role)).toEqual(["key", "key", "time", "dimension", "measure"]);
  });

  it("infers roles from types, names and values when the columns do not match the spec", () => {
    const s = spec("sales_orders", { measures: [COUNT_ORDERS] });
    const columns = [col("customer_id", "integer"), col("order_year", "integer"), col("day", "text"), col("note", "text"), col("total", "decimal"), col("at", "json")];
    const long = "x".repeat(60);
    const rows = [[1, 2023, "2024-01-05", long, "1.5", {}], [2, 2024, "2024-01-06", long, "2", {}]];
    expect(roles(resolveColumns({ spec: s, model, columns, rows }))).toEqual([
      ["customer_id", "key", null, null],
      ["order_year", "time", null, "year"],
      ["day", "time", null, "day"],
      ["note", "attribute", null, null],
      ["total", "measure", null, null],
      ["at", "attribute", null, null],
    ]);
  });

  it("reads the grain of dates: first of January → year, first of a month → month", () => {
    const columns = [col("period", "date"), col("n", "bigint")];
    const years = resolveColumns({ spec: null, model: null, columns, rows: [["2022-01-01", 1], ["2023-01-01", 2]] });
    expect(years[0]!.grain).toBe("year");
    const months = resolveColumns({ spec: null, model: null, columns, rows: [["2022-01-01", 1], ["2022-02-01", 2]] });
    expect(months[0]!.grain).toBe("month");
    const stamps = resolveColumns({ spec: null, model: null, columns: [col("at", "timestamp"), col("n", "bigint")], rows: [["2022-01-01T10:30:00", 1]] });
    expect(stamps[0]!.grain).toBeUndefined();
  });

  it("uses caller roles only when they cover every column", () => {
    const columns = [col("a", "text"), col("b", "bigint")];
    const partial = resolveColumns({ spec: null, model: null, columns, rows: [], roles: [{ column: "b", role: "dimension" }] });
    expect(partial.map((c) => c.role)).toEqual(["dimension", "measure"]);
    const full = resolveColumns({ spec: null, model: null, columns, rows: [], roles: [{ column: "a", role: "attribute" }, { column: "b", role: "measure", index: 0 }] });
    expect(full.map((c) => [c.role, c.index])).toEqual([["attribute", undefined], ["measure", 0]]);
  });
});
