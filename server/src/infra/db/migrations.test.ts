import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, pendingSchemaChanges } from "./migrations.ts";

describe("migrations", () => {
  const db = new PGlite("memory://");
  afterAll(() => db.close());

  it("match schema.prisma (run `npm run db:migration -- <name>` after editing it)", async () => {
    expect(await pendingSchemaChanges(new PrismaPGlite(db))).toBe("");
  });

  it("apply to an empty database once, then are a no-op", async () => {
    const adapter = new PrismaPGlite(db);
    expect((await applyMigrations(adapter)).length).toBeGreaterThan(0);
    expect(await applyMigrations(adapter)).toEqual([]);
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "User"`);
    expect(rows[0]?.n).toBe(0);
  });
});
