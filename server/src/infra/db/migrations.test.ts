import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, migrationsUpToDate, pendingSchemaChanges } from "./migrations.ts";

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

  it("are known up to date, without the schema engine, only when every migration is recorded finished and unchanged", async () => {
    const fresh = new PGlite("memory://");
    try {
      const adapter = new PrismaPGlite(fresh);
      expect(await migrationsUpToDate(adapter)).toBe(false);
      await applyMigrations(adapter);
      expect(await migrationsUpToDate(adapter)).toBe(true);
      const { rows } = await fresh.query<{ name: string; checksum: string }>(`SELECT migration_name AS name, checksum FROM _prisma_migrations ORDER BY 1 DESC LIMIT 1`);
      const last = rows[0]!;
      await fresh.query(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = $1`, [last.name]);
      expect(await migrationsUpToDate(adapter)).toBe(false);
      await fresh.query(`UPDATE _prisma_migrations SET checksum = $2, rolled_back_at = now() WHERE migration_name = $1`, [last.name, last.checksum]);
      expect(await migrationsUpToDate(adapter)).toBe(false);
      await fresh.query(`UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE migration_name = $1`, [last.name]);
      expect(await migrationsUpToDate(adapter)).toBe(true);
      await fresh.query(`INSERT INTO _prisma_migrations (id, migration_name, checksum, finished_at, applied_steps_count) VALUES ('x', 'from_elsewhere', 'x', now(), 1)`);
      expect(await migrationsUpToDate(adapter)).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
