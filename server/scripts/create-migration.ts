/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<stamp>_<name> with
 * the SQL that brings the migrations up to schema.prisma. Offline replacement for
 * `prisma migrate dev --create-only` (the CLI needs a native engine download).
 */
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createMigration } from "../src/infra/db/migrations.ts";

const name = process.argv[2];
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const db = new PGlite("memory://");
const folder = await createMigration(new PrismaPGlite(db), name);
console.log(folder ? `created prisma/migrations/${folder}` : "schema.prisma matches the migrations; nothing to create");
await db.close();
process.exit(0);
