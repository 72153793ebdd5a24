import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { repoRoot } from "../paths.ts";
import { createTestDatabase, type TestDatabase } from "./postgres.ts";

/**
 * The public sample databases and dev question set (someone else's data),
 * copied under testing/fixtures so tests run from a clean clone anywhere;
 * AGENTMEDHA_SHARED points at another copy.
 */
export const sharedDir = process.env.AGENTMEDHA_SHARED ?? path.join(repoRoot, "server", "src", "testing", "fixtures");
export const sharedDatasetsDir = path.join(sharedDir, "datasets");

export type SharedDataset = "chinook" | "northwind";

export function datasetDumpPath(name: SharedDataset): string {
  return path.join(sharedDatasetsDir, name, `${name}.sql`);
}

/** Runs a whole SQL script on a database URL (simple protocol: many statements at once). */
export async function runScript(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database with a sample dump loaded. */
export async function loadSharedDataset(name: SharedDataset): Promise<TestDatabase> {
  const database = await createTestDatabase(name);
  await runScript(database.url, await readFile(datasetDumpPath(name), "utf8"));
  return database;
}
