import type { QueryPlan, SessionResult } from "../read-only-session.ts";
import type { ResultCaps } from "../result-size.ts";

/** Where an embedded data source's files come from. */
export type PgliteSource =
  /** A PGlite data directory, opened in place (the worker owns it while open). */
  | { dataDir: string }
  /** A tarball from PGlite's dumpDataDir(), loaded into memory on every (re)start. */
  | { dumpFile: string };

export interface WorkerInit {
  /** URL of the worker module (worker.ts under tsx, worker.js when built). */
  entry: string;
  source: PgliteSource;
}

export type WorkerRequest =
  | { id: number; kind: "run"; sql: string; timeoutMs: number; caps: ResultCaps; searchPath: string[] }
  | { id: number; kind: "explain"; sql: string; timeoutMs: number; searchPath: string[] }
  | { id: number; kind: "query"; sql: string; params: unknown[]; timeoutMs: number }
  | { id: number; kind: "ping" }
  | { id: number; kind: "close" };

export interface WorkerFailure {
  /** SQLSTATE from the database, when it reported one. */
  code?: string;
  message: string;
  position?: string;
  /** A sandbox error raised in the worker keeps its hint and details. */
  hint?: string;
  details?: Record<string, unknown>;
}

/** Replies also say how much the database's WASM memory has grown since it opened (it never shrinks). */
export type WorkerMessage =
  | { kind: "ready" }
  | { kind: "fatal"; error: WorkerFailure }
  | { kind: "reply"; id: number; ok: true; value: SessionResult | QueryPlan | { rows: Record<string, unknown>[] } | null; grownBytes: number }
  | { kind: "reply"; id: number; ok: false; error: WorkerFailure; grownBytes: number };
