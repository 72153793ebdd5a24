import { createHash } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { demoDatasets, generateDemoSql, isDemoDatasetKey } from "./catalogue.ts";
import { DemoDataError } from "./errors.ts";

/**
 * Pinned so that any change to the generated data is noticed. When you change
 * a generator on purpose, check the data still passes its dataset tests, then
 * update the hash here in the same commit.
 */
const pinnedSha256: Record<string, string> = {
  sales: "f33b9ee9a674337da488c58be36df92b0e6a06f42aa51e7e66f447d8754f5062",
  hr: "452e29e95acc811dd306b6f7cb5937a6f25003f5147b95d30751595dee35eba0",
  support: "ec0376b13af0b07dfdbec74baa856ca0cc311aafaff9bcf8677f21989a400232",
};

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("demo dataset catalogue", () => {
  it("lists sales, HR and support with human descriptions and example questions", () => {
    expect(demoDatasets.map((d) => d.key)).toEqual(["sales", "hr", "support"]);
    expect(demoDatasets.map((d) => d.name)).toEqual(["Sales", "People / HR", "Customer support"]);
    for (const d of demoDatasets) {
      expect(d.description).toMatch(/^[A-Z].{60,}\.$/);
      expect(d.exampleQuestions.length).toBeGreaterThanOrEqual(4);
    }
    expect(isDemoDatasetKey("hr")).toBe(true);
    expect(isDemoDatasetKey("chinook")).toBe(false);
  });

  it.each(demoDatasets.map((d) => d.key))("generates %s byte-identically every time, matching the pinned hash", (key) => {
    const first = generateDemoSql(key);
    const second = generateDemoSql(key);
    expect(second).toBe(first);
    expect(sha256(first)).toBe(pinnedSha256[key]);
  });

  it("rejects an unknown dataset with a typed error", () => {
    expect(() => generateDemoSql("inventory")).toThrowError(DemoDataError);
    try {
      generateDemoSql("inventory");
    } catch (error) {
      expect((error as DemoDataError).code).toBe("DEMO_DATASET_UNKNOWN");
    }
  });

  it("writes schema-independent scripts: all three load side by side into schemas of one database", async () => {
    for (const d of demoDatasets) {
      const sql = d.generate();
      expect(sql).not.toMatch(/\b(public|pg_catalog)\./);
      expect(sql).not.toMatch(/^\s*(BEGIN|COMMIT|SET|CREATE SCHEMA)\b/im);
    }
    const db = new PGlite();
    try {
      for (const d of demoDatasets) {
        await db.exec(`CREATE SCHEMA demo_${d.key}; SET search_path TO demo_${d.key};`);
        await db.exec(d.generate());
      }
      const perSchema = await db.query<{ schema: string; tables: number }>(`
        SELECT table_schema AS schema, count(*)::int AS tables FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') GROUP BY 1 ORDER BY 1`);
      expect(perSchema.rows).toEqual([
        { schema: "demo_hr", tables: 8 },
        { schema: "demo_sales", tables: 7 },
        { schema: "demo_support", tables: 6 },
      ]);
    } finally {
      await db.close();
    }
  });
});
