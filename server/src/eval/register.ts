import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import type { SemanticModel } from "../semantic/types.ts";
import { introspectPostgres } from "../sql/introspect/postgres.ts";
import type { Queryable, SchemaSnapshot } from "../sql/snapshot.ts";
import type { ResultSet } from "./compare.ts";
import { engineConversation, type EvalDataset } from "./run.ts";

export interface RegisteredDataset extends EvalDataset {
  name: string;
  db: Queryable;
  snapshot: SchemaSnapshot;
  model: SemanticModel;
  /** Runs one query read-only and returns its rows as arrays (duplicate column names survive). */
  run(sql: string): Promise<ResultSet>;
  close(): Promise<void>;
}

/** Statement time limit for evaluated SQL on a server database. */
const STATEMENT_TIMEOUT_MS = 30_000;

export async function runOnPool(pool: pg.Pool, text: string): Promise<ResultSet> {
  const client = await pool.connect();
  try {
    await client.query(`BEGIN READ ONLY; SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    const result = await client.query({ text, rowMode: "array" });
    return { columns: result.fields.map((f) => f.name), rows: result.rows as unknown[][] };
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
}

export async function runOnPglite(db: PGlite, text: string): Promise<ResultSet> {
  await db.exec("BEGIN READ ONLY");
  try {
    const result = await db.query<unknown[]>(text, [], { rowMode: "array" });
    return { columns: result.fields.map((f) => f.name), rows: result.rows };
  } finally {
    await db.exec("ROLLBACK");
  }
}

export class DatasetLoadError extends Error {
  readonly code = "DATASET_LOAD_FAILED";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatasetLoadError";
  }
}

export async function freshServerDatabase(serverUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `am_eval_${label.replace(/[^a-z0-9]/gi, "").toLowerCase().slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Loads a SQL dump into a fresh database (in-process PGlite, or a new
 * database on the server of `databaseUrl`), introspects it and bootstraps its
 * semantic model with no hand configuration — what adding a data source does.
 */
export async function registerDataset(name: string, dumpPath: string, opts: { databaseUrl?: string } = {}): Promise<RegisteredDataset> {
  let dump: string;
  try {
    dump = await fs.readFile(dumpPath, "utf8");
  } catch (error) {
    throw new DatasetLoadError(`Cannot read ${dumpPath}: ${(error as Error).message}`, { cause: error });
  }
  if (opts.databaseUrl) {
    const created = await freshServerDatabase(opts.databaseUrl, name);
    const pool = new pg.Pool({ connectionString: created.url, max: 2 });
    try {
      await pool.query(dump);
      const snapshot = await introspectPostgres(pool);
      const model = bootstrapSemanticModel(snapshot);
      return {
        name, db: pool, snapshot, model,
        run: (text) => runOnPool(pool, text),
        conversation: async () => engineConversation(model),
        close: async () => {
          await pool.end();
          await created.drop();
        },
      };
    } catch (error) {
      await pool.end();
      await created.drop();
      throw new DatasetLoadError(`Loading ${dumpPath} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  const db = new PGlite();
  try {
    await db.exec(dump);
  } catch (error) {
    await db.close();
    throw new DatasetLoadError(`Loading ${dumpPath} failed: ${(error as Error).message}`, { cause: error });
  }
  const snapshot = await introspectPostgres(db);
  const model = bootstrapSemanticModel(snapshot);
  return { name, db, snapshot, model, run: (text) => runOnPglite(db, text), conversation: async () => engineConversation(model), close: () => db.close() };
}
