import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres.ts";
import type { Queryable, SchemaSnapshot } from "../snapshot.ts";
import { introspectPostgres } from "./postgres.ts";

const FIXTURE = `
CREATE TABLE "Customer" ("CustomerId" serial PRIMARY KEY, "FirstName" text NOT NULL, country varchar(40), created date);
COMMENT ON TABLE "Customer" IS 'People who buy';
COMMENT ON COLUMN "Customer".country IS 'Where they live';
CREATE TABLE "order" ("id" serial PRIMARY KEY, "Customer_Id" int REFERENCES "Customer", "select" numeric(10,2), placed_at timestamp);
CREATE TABLE order_line (order_id int, product_id int, qty int);
CREATE TABLE products (product_id int PRIMARY KEY, name text, status text);
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE moods (m mood);
CREATE VIEW big_orders AS SELECT * FROM "order" WHERE "select" > 100;
INSERT INTO "Customer" ("FirstName", country, created) VALUES ('Ann', 'Brazil', '2024-01-05'), ('Bob', 'Canada', '2024-03-01'), ('Cy', 'Brazil', '2023-12-31');
INSERT INTO "order" ("Customer_Id", "select", placed_at) VALUES (1, 150, '2024-02-01 10:00'), (2, 20, '2024-04-02 11:00');
INSERT INTO products VALUES (1, 'Tea', 'active'), (2, 'Coffee', 'retired');
INSERT INTO order_line VALUES (1, 1, 2), (1, 2, 1), (2, 2, 5);
`;

function checkFixture(snap: SchemaSnapshot) {
  const table = (name: string) => {
    const t = snap.tables.find((x) => x.name === name);
    if (!t) throw new Error(`missing ${name}`);
    return t;
  };
  const customer = table("Customer");
  expect(customer.comment).toBe("People who buy");
  expect(customer.primaryKey).toEqual(["CustomerId"]);
  expect(customer.rowEstimate).toBe(3);
  const country = customer.columns.find((c) => c.name === "country")!;
  expect(country.comment).toBe("Where they live");
  expect(country.samples).toEqual(["Brazil", "Canada"]);
  expect(customer.columns.find((c) => c.name === "created")).toMatchObject({ type: "date", min: "2023-12-31", max: "2024-03-01" });

  const order = table("order");
  expect(order.columns.map((c) => c.type)).toEqual(["integer", "integer", "decimal", "timestamp"]);
  expect(order.foreignKeys).toEqual([
    expect.objectContaining({ columns: ["Customer_Id"], refTable: "Customer", refColumns: ["CustomerId"], inferred: false }),
  ]);

  const line = table("order_line");
  expect(line.primaryKey).toEqual([]);
  expect(line.foreignKeys.map((fk) => [fk.columns[0], fk.refTable, fk.refColumns[0], fk.inferred])).toEqual([
    ["order_id", "order", "id", true],
    ["product_id", "products", "product_id", true],
  ]);
  expect(table("moods").columns[0]).toMatchObject({ type: "text", samples: ["happy", "sad"] });
  expect(table("big_orders").kind).toBe("view");
  expect(table("products").columns.find((c) => c.name === "status")?.samples).toEqual(["active", "retired"]);
}

describe("introspectPostgres on PostgreSQL", () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  beforeAll(async () => {
    database = await createTestDatabase("introspect");
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
    await pool.query(FIXTURE);
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it("reads tables, views, keys, comments, samples and date ranges", async () => {
    const phases = new Set<string>();
    const snap = await introspectPostgres(pool, { onProgress: (p) => phases.add(p.phase) });
    expect(snap.schemas).toEqual(["public"]);
    checkFixture(snap);
    expect(phases.has("catalog")).toBe(true);
  });

  it("limits itself to the requested schemas", async () => {
    await pool.query(`CREATE SCHEMA other; CREATE TABLE other.thing (id int PRIMARY KEY)`);
    const only = await introspectPostgres(pool, { schemas: ["other"] });
    expect(only.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(["other.thing"]);
    const all = await introspectPostgres(pool);
    expect(all.tables.some((t) => t.schema === "other")).toBe(true);
  });

  it("introspects ~300 tables with a bounded number of statements", async () => {
    const db = await createTestDatabase("introspectwide");
    const wide = new pg.Pool({ connectionString: db.url, max: 2 });
    try {
      const ddl: string[] = [];
      for (let i = 0; i < 300; i++) {
        ddl.push(`CREATE TABLE t${i} (id int PRIMARY KEY, t${Math.max(0, i - 1)}_id int, label text, at date);`);
        ddl.push(`INSERT INTO t${i} VALUES (1, 1, 'a${i % 7}', '2024-01-01');`);
      }
      await wide.query(ddl.join("\n"));
      let statements = 0;
      const counting: Queryable = {
        query: (sql, params) => {
          statements++;
          return wide.query(sql, params as unknown[]) as never;
        },
      };
      const started = performance.now();
      const snap = await introspectPostgres(counting);
      console.log(`introspected ${snap.tables.length} tables in ${Math.round(performance.now() - started)} ms, ${statements} statements`);
      expect(snap.tables).toHaveLength(300);
      expect(statements).toBeLessThan(20);
      expect(snap.tables.find((t) => t.name === "t5")?.foreignKeys[0]).toMatchObject({ refTable: "t4", inferred: true });
    } finally {
      await wide.end();
      await db.drop();
    }
  });

  it("returns an empty snapshot for an empty database", async () => {
    const db = await createTestDatabase("introspectempty");
    const empty = new pg.Client({ connectionString: db.url });
    await empty.connect();
    try {
      const snap = await introspectPostgres(empty);
      expect(snap.tables).toEqual([]);
    } finally {
      await empty.end();
      await db.drop();
    }
  });
});

describe("introspectPostgres on PGlite", () => {
  const db = new PGlite();
  afterAll(() => db.close());

  it("reads the same facts from an embedded database", async () => {
    await db.exec(FIXTURE);
    checkFixture(await introspectPostgres(db));
  });
});
