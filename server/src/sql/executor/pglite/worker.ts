/**
 * Runs inside a worker thread, one per embedded data source. PGlite executes
 * SQL on the thread that calls it and ignores statement_timeout, so user SQL
 * runs here and the main thread enforces time limits by terminating us.
 */
import { readFile } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, types } from "@electric-sql/pglite";
import { SqlSandboxError } from "../../errors.ts";
import type { RawConnection } from "../raw-connection.ts";
import { explainReadOnly, queryReadOnly, runReadOnly } from "../read-only-session.ts";
import { TypeCatalog } from "../type-catalog.ts";
import type { PgliteSource, WorkerFailure, WorkerInit, WorkerMessage, WorkerRequest } from "./protocol.ts";

const port = parentPort;
if (!port) throw new Error("pglite worker must run in a worker thread");

const init = workerData as WorkerInit;

function failure(error: unknown): WorkerFailure {
  if (error instanceof SqlSandboxError) return { ...error.toJSON(), details: { ...error.details } };
  const e = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; message?: unknown; position?: unknown };
  return {
    ...(typeof e.code === "string" ? { code: e.code } : {}),
    message: typeof e.message === "string" ? e.message : String(error),
    ...(typeof e.position === "string" ? { position: e.position } : {}),
  };
}

function send(message: WorkerMessage): void {
  port!.postMessage(message);
}

async function open(source: PgliteSource): Promise<PGlite> {
  if ("dataDir" in source) return PGlite.create({ dataDir: source.dataDir });
  const dump = await readFile(source.dumpFile);
  return PGlite.create({ loadDataDir: new Blob([dump]) });
}

let db: PGlite;
try {
  db = await open(init.source);
} catch (error) {
  send({ kind: "fatal", error: failure(error) });
  process.exit(1);
}

/** WASM memory only grows: a query that built a huge value keeps it reserved until the worker ends. */
const wasmBytes = () => (db as unknown as { mod?: { wasmMemory?: WebAssembly.Memory } }).mod?.wasmMemory?.buffer.byteLength ?? 0;
const openedBytes = wasmBytes();

const identity = (value: string) => value;
const instanceParsers = (db as unknown as { parsers?: Record<string, unknown> }).parsers ?? {};
/** Every type PGlite would parse, left as the text the server sent: the main thread maps values. */
const rawParsers = Object.fromEntries(Object.keys({ ...types.parsers, ...instanceParsers }).map((oid) => [oid, identity]));
/** Introspection expects what pg returns: int8 and numeric as strings, the rest parsed. */
const introspectionParsers = { [types.INT8]: identity, [types.NUMERIC]: identity };

const connection: RawConnection = {
  batch: async (sql) => {
    await db.exec(sql);
  },
  query: async (sql, params = []) => {
    const result = await db.query<(string | null)[]>(sql, [...params], { rowMode: "array", parsers: rawParsers });
    return { fields: result.fields.map((f) => ({ name: f.name, oid: f.dataTypeID })), rows: result.rows };
  },
};
const catalog = new TypeCatalog();
const noCheckpoint = () => undefined;

type Reply = (WorkerMessage & { kind: "reply"; ok: true }) extends infer R ? Omit<R, "grownBytes"> : never;

async function handle(request: WorkerRequest): Promise<Reply> {
  switch (request.kind) {
    case "run": {
      const value = await runReadOnly(connection, request.sql, { ...request.caps, ...request, checkpoint: noCheckpoint }, catalog);
      return { kind: "reply", id: request.id, ok: true, value };
    }
    case "explain": {
      const value = await explainReadOnly(connection, request.sql, request);
      return { kind: "reply", id: request.id, ok: true, value };
    }
    case "query": {
      const value = await queryReadOnly(connection.batch, request.timeoutMs, async () => ({
        rows: (await db.query<Record<string, unknown>>(request.sql, request.params, { parsers: introspectionParsers })).rows,
      }));
      return { kind: "reply", id: request.id, ok: true, value };
    }
    case "ping":
      await db.query("SELECT 1");
      return { kind: "reply", id: request.id, ok: true, value: null };
    case "close":
      await db.close();
      return { kind: "reply", id: request.id, ok: true, value: null };
  }
}

// Requests arrive one at a time (the executor serialises them), but chain
// them anyway so two can never interleave on PGlite's single session.
let chain: Promise<void> = Promise.resolve();
port.on("message", (request: WorkerRequest) => {
  chain = chain.then(async () => {
    try {
      send({ ...(await handle(request)), grownBytes: wasmBytes() - openedBytes });
    } catch (error) {
      send({ kind: "reply", id: request.id, ok: false, error: failure(error), grownBytes: wasmBytes() - openedBytes });
    }
    if (request.kind === "close") process.exit(0);
  });
});

send({ kind: "ready" });
