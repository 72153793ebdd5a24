import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { DemoDataError } from "./errors.ts";
import { decimal, literal, money, SqlScript } from "./sql-script.ts";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof DemoDataError ? error.code : "other";
  }
  return undefined;
}

describe("SQL script writer", () => {
  it("writes literals PostgreSQL reads back exactly", () => {
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal(null)).toBe("NULL");
    expect(literal(true)).toBe("TRUE");
    expect(literal(42)).toBe("42");
    expect(literal(money(5))).toBe("0.05");
    expect(literal(money(123456))).toBe("1234.56");
    expect(literal(money(-250))).toBe("-2.50");
    expect(literal(decimal(0.1, 2))).toBe("0.10");
    expect(codeOf(() => literal(0.1))).toBe("DEMO_SQL_BAD_VALUE");
    expect(codeOf(() => money(1.5))).toBe("DEMO_SQL_BAD_VALUE");
  });

  it("rejects rows that do not match the table's columns", () => {
    const script = new SqlScript("t");
    script.createTable({ name: "t", comment: "T.", columns: [{ name: "id", type: "integer PRIMARY KEY", comment: "Id." }, { name: "label", type: "text", comment: "Label." }] });
    expect(codeOf(() => script.insert("t", [{ id: 1 }]))).toBe("DEMO_SQL_BAD_ROW");
    expect(codeOf(() => script.insert("t", [{ id: 1, label: "a", extra: 2 }]))).toBe("DEMO_SQL_BAD_ROW");
    expect(codeOf(() => script.insert("missing", []))).toBe("DEMO_SQL_BAD_ROW");
  });

  it("produces a script that loads with comments, batched inserts and statistics", async () => {
    const script = new SqlScript("test data");
    script.createTable({
      name: "items",
      comment: "Things.",
      columns: [
        { name: "item_id", type: "integer PRIMARY KEY", comment: "Item id." },
        { name: "name", type: "text NOT NULL", comment: "Item's name." },
        { name: "price", type: "numeric(8,2) NOT NULL", comment: "Price." },
      ],
      constraints: ["CHECK (price >= 0)"],
    });
    const rows = Array.from({ length: 1201 }, (_, i) => ({ item_id: i + 1, name: `it's #${i + 1}`, price: money(i * 5) }));
    script.insert("items", rows);
    const sql = script.toString();
    expect(sql.match(/^INSERT INTO items/gm)).toHaveLength(3);

    const db = new PGlite();
    try {
      await db.exec(sql);
      const result = await db.query<{ n: number; total: string; last: string; comment: string; column_comment: string; estimated: number }>(`
        SELECT count(*)::int AS n, sum(price)::text AS total, max(name) FILTER (WHERE item_id = 1201) AS last,
          obj_description('items'::regclass, 'pg_class') AS comment, col_description('items'::regclass, 2) AS column_comment,
          (SELECT reltuples::int FROM pg_class WHERE oid = 'items'::regclass) AS estimated
        FROM items`);
      expect(result.rows[0]).toEqual({ n: 1201, total: "36030.00", last: "it's #1201", comment: "Things.", column_comment: "Item's name.", estimated: 1201 });
    } finally {
      await db.close();
    }
  });
});
