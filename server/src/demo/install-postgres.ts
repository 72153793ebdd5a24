/**
 * Creates one database per demo dataset on a PostgreSQL server and loads it.
 * Used by `scripts/load-demo-data.ts`; the product registers the databases as
 * data sources separately.
 */

import pg from "pg";
import { parsePostgresUrl } from "../sql/executor/connection-url.ts";
import { demoDataset, type DemoDatasetKey } from "./catalogue.ts";
import { DemoDataError } from "./errors.ts";

export const DEFAULT_DATABASE_PREFIX = "agentmedha_demo_";

export interface InstallOptions {
  /** Any database URL on the target server; its credentials create the demo databases. */
  serverUrl: string;
  keys: readonly DemoDatasetKey[];
  /** Drop and recreate demo databases that already exist; otherwise they are left alone. */
  replace?: boolean;
  databasePrefix?: string;
  onProgress?: (message: string) => void;
}

export interface InstallOutcome {
  key: DemoDatasetKey;
  database: string;
  url: string;
  status: "created" | "replaced" | "skipped";
  /** Set when the database was (re)loaded. */
  timings?: { generateMs: number; loadMs: number; bytes: number };
}

const CONNECT_TIMEOUT_MS = 5000;

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl.trim());
  url.pathname = `/${database}`;
  return url.toString();
}

/** For printing: the password replaced by `***`. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A server that goes away later emits 'error' on the idle client; the pending query reports it instead.
  client.on("error", () => {});
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => {});
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new DemoDataError("DEMO_SERVER_UNREACHABLE", `cannot connect to ${redactUrl(url)}: ${reason}`);
  }
}

export async function installDemoDatabases(options: InstallOptions): Promise<InstallOutcome[]> {
  const prefix = options.databasePrefix ?? DEFAULT_DATABASE_PREFIX;
  const progress = options.onProgress ?? (() => {});
  try {
    parsePostgresUrl(options.serverUrl);
  } catch (error) {
    throw new DemoDataError("DEMO_SERVER_BAD_URL", error instanceof Error ? error.message : String(error));
  }
  const datasets = options.keys.map((key) => demoDataset(key));
  const admin = await connect(options.serverUrl);
  const outcomes: InstallOutcome[] = [];
  try {
    for (const dataset of datasets) {
      const database = `${prefix}${dataset.key}`;
      const url = databaseUrl(options.serverUrl, database);
      const quoted = `"${database.replaceAll('"', '""')}"`;
      const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])).rowCount === 1;
      if (exists && !options.replace) {
        outcomes.push({ key: dataset.key, database, url, status: "skipped" });
        progress(`${dataset.key}: ${database} already exists, left as it is (pass --replace to recreate it)`);
        continue;
      }
      if (exists) {
        progress(`${dataset.key}: dropping ${database}`);
        await admin.query(`DROP DATABASE ${quoted} WITH (FORCE)`);
      }
      await admin.query(`CREATE DATABASE ${quoted}`);
      const started = performance.now();
      const sql = dataset.generate();
      const generated = performance.now();
      progress(`${dataset.key}: generated ${(sql.length / 1e6).toFixed(2)} MB of SQL in ${Math.round(generated - started)} ms, loading into ${database}`);
      try {
        const target = await connect(url);
        try {
          await target.query(sql);
        } finally {
          await target.end();
        }
      } catch (error) {
        // An empty or half-made demo database would be skipped next time: leave nothing behind.
        await admin.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`).catch(() => {});
        if (error instanceof DemoDataError) throw error;
        throw new DemoDataError("DEMO_LOAD_FAILED", `loading ${database} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      const timings = { generateMs: Math.round(generated - started), loadMs: Math.round(performance.now() - generated), bytes: sql.length };
      outcomes.push({ key: dataset.key, database, url, status: exists ? "replaced" : "created", timings });
      progress(`${dataset.key}: loaded in ${timings.loadMs} ms`);
    }
  } finally {
    await admin.end().catch(() => {});
  }
  return outcomes;
}
