import { describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import { col, fk, shopSnapshot, snapshot, table } from "../semantic/testing/snapshots.ts";
import type { SemanticModel } from "../semantic/types.ts";
import { entitiesInSql, linkSchema } from "./schema-linking.ts";
import { estimateTokens } from "./tokens.ts";

const shop = () => bootstrapSemanticModel(shopSnapshot());
const linked = (question: string, model: SemanticModel, options = {}) => linkSchema(question, model, options);
const names = (l: ReturnType<typeof linkSchema>) => l.tables.map((t) => t.entity);

describe("linkSchema", () => {
  it("links a metric and a grouping table through the join path between them", () => {
    const l = linked("revenue by item group", shop());
    const byName = new Map(l.tables.map((t) => [t.entity, t]));
    expect(byName.get("item_groups")?.why).toBe("matched");
    expect(byName.get("order_lines")?.why).toBe("matched");
    expect(byName.get("order_lines")?.reasons).toContain("metric revenue");
    expect(byName.get("items")?.why).toBe("connector");
    expect(l.text).toContain("Join path for this question:");
    expect(l.text).toContain("order_lines.item_id = items.item_id");
    expect(l.text).toContain("items.group_id = item_groups.group_id");
    // Unrelated tables are named, not described.
    expect(names(l)).not.toContain("regions");
    expect(l.text).toMatch(/Other tables \(columns not shown\): .*regions/);
    expect(l.text).not.toContain("region_name");
  });

  it("links values to their column and shows the matched value first", () => {
    const l = linked("How many clients live in Toronto?", shop());
    expect(l.tables[0]).toMatchObject({ entity: "clients", why: "matched" });
    expect(l.tables[0]!.reasons).toContain("value 'Toronto' in city");
    expect(l.text).toContain("city text, values 'Toronto', 'Lyon', 'Paris', 'Rio'");
    expect(names(l)).not.toContain("order_lines");
  });

  it("renders types, keys, references, date ranges, flags and labels", () => {
    const text = linked("items per group, retired ones too", shop()).text;
    expect(text).toContain("table items (~3 rows; rows named by item_name)");
    expect(text).toContain("item_id integer, primary key");
    expect(text).toContain("group_id integer, references item_groups.group_id");
    expect(text).toContain("retired integer, yes/no flag");
    const orders = linked("orders per month", shop()).text;
    expect(orders).toContain("ordered_at timestamp, range 2022-01-05 10:00:00 .. 2024-06-28 16:00:00");
  });

  it("tolerates typos and uses user synonyms and glossary terms", () => {
    expect(linked("clinets per region", shop()).tables.slice(0, 2).map((t) => t.entity).sort()).toEqual(["clients", "regions"]);
    const model = shop();
    model.entities.find((e) => e.name === "items")!.extraSynonyms.push("teaware");
    expect(linked("how much teaware is in stock", model).tables[0]!.entity).toBe("items");
    model.glossary.push({
      term: "whale",
      synonyms: ["big spender"],
      definition: "Clients in Canada",
      maps: { kind: "filter", entity: "clients", condition: { field: "country", op: "=", value: "Canada" } },
    });
    const whales = linked("list the big spenders", model);
    expect(whales.tables[0]).toMatchObject({ entity: "clients" });
    expect(whales.tables[0]!.reasons).toContain('glossary "whale"');
  });

  it("keeps required tables within a tight budget by showing fewer columns, and drops the rest", () => {
    const full = linked("revenue by item group and client country", shop());
    const tight = linked("revenue by item group and client country", shop(), { tokenBudget: 120 });
    expect(names(tight).sort()).toEqual(["clients", "item_groups", "items", "order_lines", "sales_orders"]);
    expect(tight.tokens).toBeLessThan(full.tokens);
    expect(tight.tables.some((t) => t.detail !== "full")).toBe(true);
    const generous = linked("revenue by item group", shop(), { tokenBudget: 4000 });
    expect(generous.tables.every((t) => t.why === "neighbour" || t.detail === "full")).toBe(true);
  });

  it("stays within a small budget when nothing is required", () => {
    const l = linked("hello there", shop(), { tokenBudget: 150 });
    expect(l.tables.length).toBeGreaterThan(0);
    expect(l.tables.every((t) => t.why === "other")).toBe(true);
    expect(l.tokens).toBeLessThanOrEqual(150);
    expect(estimateTokens(l.text)).toBe(l.tokens);
  });

  it("carries the previous turn's tables into a follow-up that names none", () => {
    const l = linked("only the top 3", shop(), { carry: ["sales_orders", "clients"] });
    expect(l.tables.filter((t) => t.why === "previous").map((t) => t.entity).sort()).toEqual(["clients", "sales_orders"]);
  });

  it("quotes identifiers that need it and qualifies tables outside public", () => {
    const model = bootstrapSemanticModel(
      snapshot([
        table("Account", [col("AccountId", "integer", { nullable: false }), col("order", "text", { samples: ["a", "b"], distinct: 2 })], {
          schema: "crm",
          primaryKey: ["AccountId"],
        }),
        table("visits", [col("visit_id", "integer"), col("AccountId", "integer")], {
          primaryKey: ["visit_id"],
          foreignKeys: [{ ...fk(["AccountId"], "Account", ["AccountId"]), refSchema: "crm" }],
        }),
      ]),
    );
    const text = linked("visits per account", model).text;
    expect(text).toContain('table crm."Account"');
    expect(text).toContain('"AccountId" integer, primary key');
    expect(text).toContain('"order" text');
    expect(text).toContain('"AccountId" integer, references crm."Account"."AccountId"');
  });
});

describe("entitiesInSql", () => {
  it("finds the tables a query names, quoted or not", () => {
    const sql = `SELECT c.full_name, count(*) FROM "sales_orders" o JOIN Clients c USING (client_id) GROUP BY 1`;
    expect(entitiesInSql(sql, shop()).sort()).toEqual(["clients", "sales_orders"]);
  });
});
