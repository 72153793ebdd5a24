import { fileURLToPath } from "node:url";
import path from "node:path";

/** Repository root, found from this file so scripts work from any cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const prismaDir = path.join(repoRoot, "prisma");
export const schemaPath = path.join(prismaDir, "schema.prisma");
export const migrationsDir = path.join(prismaDir, "migrations");
export const clientDistDir = path.join(repoRoot, "client", "dist");
