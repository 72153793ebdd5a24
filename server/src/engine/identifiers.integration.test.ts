import { describe, expect, it } from "vitest";
import { compile } from "./compile/compile.ts";
import { plan } from "./plan.ts";
import { embeddedModel, itAnswers, type Turn } from "./testing/embedded.ts";

/** A shop in its own schema (not `public`), every name quoted in mixed case, no references declared. */
const QUOTED = `
CREATE SCHEMA "Sales";
CREATE TABLE "Sales"."Customers" ("customerId" int PRIMARY KEY, "fullName" text, "homeCountry" text);
CREATE TABLE "Sales"."Orders" ("orderId" int PRIMARY KEY, "customerId" int, "orderedAt" date, "orderStatus" text);
CREATE TABLE "Sales"."OrderLines" ("lineId" int PRIMARY KEY, "orderId" int, "unitPrice" numeric(8,2), "qtyOrdered" int);
INSERT INTO "Sales"."Customers" VALUES (1, 'Ana Lima', 'Brazil'), (2, 'Ben Cole', 'Canada'), (3, 'Chloé Roy', 'France'), (4, 'Dev Rao', 'Canada');
INSERT INTO "Sales"."Orders" SELECT g, 1 + g % 4, DATE '2024-01-01' + g * 5, (ARRAY['open', 'shipped'])[1 + g % 2] FROM generate_series(1, 40) g;
INSERT INTO "Sales"."OrderLines" SELECT g, 1 + g % 40, (ARRAY[2.5, 10, 40])[1 + g % 3], 1 + g % 4 FROM generate_series(1, 120) g;
`;

const QUOTED_CONVERSATIONS: Turn[][] = [
  [["How many customers are there?", `SELECT count(*) FROM "Sales"."Customers"`]],
  [["average unit price", `SELECT avg("unitPrice") FROM "Sales"."OrderLines"`]],
  [["number of customers per home country", `SELECT "homeCountry", count(*) FROM "Sales"."Customers" GROUP BY 1`]],
  [["number of orders per order status", `SELECT "orderStatus", count(*) FROM "Sales"."Orders" GROUP BY 1`]],
  [["total quantity ordered per customer", `SELECT c."fullName", sum(l."qtyOrdered") FROM "Sales"."OrderLines" l JOIN "Sales"."Orders" o USING ("orderId") JOIN "Sales"."Customers" c USING ("customerId") GROUP BY c."customerId", c."fullName"`]],
  [["How many orders did Ben Cole place?", `SELECT count(*) FROM "Sales"."Orders" o JOIN "Sales"."Customers" c USING ("customerId") WHERE c."fullName" = 'Ben Cole'`]],
];

/**
 * camelCase names written without quotes, which PostgreSQL folds to lower
 * case, behind a prefix every name shares, each table's short form on its
 * columns and abbreviations (`ppTxCustId`, `ppTxAmt`).
 */
const FOLDED = `
CREATE TABLE ppCustomer (ppCustId int PRIMARY KEY, ppCustName text, ppCustCity text);
CREATE TABLE ppTransaction (ppTxId int PRIMARY KEY, ppTxCustId int, ppTxDate date, ppTxAmt numeric(10,2), ppTxQty int);
INSERT INTO ppCustomer VALUES (1, 'Ana', 'Porto'), (2, 'Ben', 'Leeds'), (3, 'Cy', 'Porto');
INSERT INTO ppTransaction SELECT g, 1 + g % 3, DATE '2024-01-01' + g, 10 * (1 + g % 5), 1 + g % 2 FROM generate_series(1, 30) g;
`;

const FOLDED_CONVERSATIONS: Turn[][] = [
  [["total transaction amount", "SELECT sum(pptxamt) FROM pptransaction"]],
  [["total tx amt", "SELECT sum(pptxamt) FROM pptransaction"]],
  [["total transaction quantity per customer city", "SELECT c.ppcustcity, sum(t.pptxqty) FROM pptransaction t JOIN ppcustomer c ON c.ppcustid = t.pptxcustid GROUP BY 1"]],
  [["How many transactions did Ben make?", "SELECT count(*) FROM pptransaction t JOIN ppcustomer c ON c.ppcustid = t.pptxcustid WHERE c.ppcustname = 'Ben'"]],
];

describe("questions over a non-public schema with quoted mixed-case names", () => {
  const embedded = embeddedModel(QUOTED);

  it("reads the names as words and infers the references", () => {
    const { model } = embedded;
    const lines = model.entities.find((e) => e.table === "OrderLines")!;
    expect(lines).toMatchObject({ schema: "Sales", label: "Order line" });
    expect(lines.fields.find((f) => f.name === "unitPrice")!.label).toBe("Unit price");
    expect(model.joins.map((j) => `${j.from}.${j.fromColumns[0]} → ${j.to}.${j.toColumns[0]}`).sort()).toEqual([
      "OrderLines.orderId → Orders.orderId",
      "Orders.customerId → Customers.customerId",
    ]);
  });

  it("quotes the schema, tables and columns in the SQL it writes", () => {
    const outcome = plan({ question: "average unit price per customer", model: embedded.model, state: null });
    expect(outcome.kind).toBe("query");
    if (outcome.kind !== "query") return;
    const { sql } = compile(outcome.spec, embedded.model);
    expect(sql).toContain(`"Sales"."OrderLines"`);
    expect(sql).toContain(`"unitPrice"`);
    expect(sql).toContain(`"customerId"`);
  });

  itAnswers(embedded, QUOTED_CONVERSATIONS, { goldHasRows: true });
});

describe("questions over folded, prefixed, abbreviated names", () => {
  const embedded = embeddedModel(FOLDED);

  it("labels the names without the prefix, abbreviations spelled out, and joins the transaction to its customer", () => {
    const { model } = embedded;
    const tx = model.entities.find((e) => e.table === "pptransaction")!;
    expect(tx.label).toBe("Transaction");
    expect(tx.fields.find((f) => f.name === "pptxamt")!.label).toBe("Transaction amount");
    expect(model.joins.map((j) => `${j.from}.${j.fromColumns[0]} → ${j.to}.${j.toColumns[0]}`)).toEqual(["pptransaction.pptxcustid → ppcustomer.ppcustid"]);
  });

  itAnswers(embedded, FOLDED_CONVERSATIONS, { goldHasRows: true });
});
