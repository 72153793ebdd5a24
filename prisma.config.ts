import { defineConfig } from "prisma/config";

// Prisma 7's CLI fetches a native schema engine on every command, which cannot
// work offline. `prisma generate` never runs it, so any existing file will do;
// migrations go through the wasm engine instead (server/src/infra/db/migrations.ts).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
