import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { migrationsDir, schemaPath } from "../../paths.ts";
import { withSchemaEngine } from "./schema-engine.ts";

const noFilters = { externalTables: [], externalEnums: [] };
const lockfileName = "migration_lock.toml";

async function readMigrationList(dir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: await readFile(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  );
  const lock = await readFile(path.join(dir, lockfileName), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: lockfileName, content: lock },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

async function schemaFiles() {
  return [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }];
}

function datamodels(files: { path: string; content: string }[]): [string, string][] {
  return files.map((f) => [f.path, f.content]);
}

/**
 * Whether `_prisma_migrations` records every migration of the folder, finished, with the
 * same checksum, and nothing else: then there is nothing to apply, and a restart need not
 * start the schema engine (most of the time an up-to-date database takes to open).
 * Any doubt (no table yet, a failed or edited migration) answers false, and the engine decides.
 */
export async function migrationsUpToDate(adapterFactory: SqlMigrationAwareDriverAdapterFactory, list?: MigrationList): Promise<boolean> {
  list ??= await readMigrationList();
  const adapter = await adapterFactory.connect();
  try {
    const applied = await adapter.queryRaw({
      sql: "SELECT migration_name, checksum, finished_at IS NOT NULL AND rolled_back_at IS NULL AS ok FROM _prisma_migrations",
      args: [],
      argTypes: [],
    });
    const recorded = new Map(applied.rows.map(([name, checksum, ok]) => [String(name), ok === true ? String(checksum) : null]));
    if (recorded.size !== list.migrationDirectories.length) return false;
    return list.migrationDirectories.every((dir) => {
      const content = dir.migrationFile.content;
      return content.tag === "ok" && recorded.get(dir.path) === createHash("sha256").update(content.value).digest("hex");
    });
  } catch {
    return false;
  } finally {
    await adapter.dispose();
  }
}

/** Applies every pending migration; idempotent, records them in `_prisma_migrations`. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const migrationsList = await readMigrationList();
  if (await migrationsUpToDate(adapterFactory, migrationsList)) return [];
  const files = await schemaFiles();
  return withSchemaEngine(adapterFactory, datamodels(files), async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that takes the database described by the migrations folder to the one in
 * schema.prisma (empty when they agree). Needs a shadow database, which the
 * adapter factory provides.
 */
export async function pendingSchemaChanges(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string> {
  const files = await schemaFiles();
  const migrations = await readMigrationList();
  return withSchemaEngine(adapterFactory, datamodels(files), async (engine) => {
    const from = migrations.migrationDirectories.length ? { tag: "migrations" as const, ...migrations } : { tag: "empty" as const };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = result.stdout ?? "";
    return /^\s*(--[^\n]*\n?\s*)*$/.test(sql) || sql.includes("-- This is an empty migration.") ? "" : sql;
  });
}

/** Writes a new migration folder from the pending changes; returns its name, or null when none. */
export async function createMigration(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  name: string,
  now = new Date(),
): Promise<string | null> {
  const sql = await pendingSchemaChanges(adapterFactory);
  if (!sql) return null;
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = `${stamp}_${name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}`;
  await mkdir(path.join(migrationsDir, folder), { recursive: true });
  await writeFile(path.join(migrationsDir, folder, "migration.sql"), sql);
  await writeFile(
    path.join(migrationsDir, lockfileName),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return folder;
}
