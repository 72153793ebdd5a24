import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { interruptError, SqlSandboxError, toSqlSandboxError } from "../../errors.ts";
import type { GuardedSql } from "../../guard/guard.ts";
import type { Queryable } from "../../snapshot.ts";
import { checkRunOptions, resultCaps, toQueryResult, type QueryResult, type RunOptions, type SqlExecutor } from "../executor.ts";
import { InterruptWatch } from "../interrupt.ts";
import type { QueryPlan, SessionResult } from "../read-only-session.ts";
import type { PgliteSource, WorkerInit, WorkerMessage, WorkerRequest } from "./protocol.ts";

export type { PgliteSource } from "./protocol.ts";

export interface PgliteExecutorOptions {
  source: PgliteSource;
  /** Opening the database in a fresh worker; default 60 000 ms (a dump load can take seconds). */
  startTimeoutMs?: number;
  /** JS heap limit of the worker, so a runaway result kills the worker, not the server; default 1024 MB. */
  memoryLimitMb?: number;
  /** Reopen the database in a fresh worker once its WASM memory grew this much (it never shrinks); default 256 MB. */
  recycleAfterGrowthMb?: number;
}

type RequestBody = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, "id"> : never) : never;

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface WorkerSession {
  worker: Worker;
  ready: Promise<void>;
  pending: Map<number, Pending>;
  exited: Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const bootstrap = new URL("./worker-entry.mjs", import.meta.url);
/** A build that compiled worker.ts sits next to it as worker.js; otherwise tsx loads the source. */
const workerModule = existsSync(path.join(here, "worker.js"))
  ? new URL("./worker.js", import.meta.url).href
  : new URL("./worker.ts", import.meta.url).href;

function stopped(message: string): SqlSandboxError {
  return new SqlSandboxError("DATA_SOURCE_UNREACHABLE", message, { hint: "The embedded database stopped; try again." });
}

/**
 * An embedded (PGlite) data source. The database lives in its own worker
 * thread; the main thread only posts SQL and enforces limits. A query that
 * overruns its time limit or is cancelled terminates the worker (PGlite cannot
 * be interrupted otherwise), and a fresh worker reopens the database.
 */
export class PgliteExecutor implements SqlExecutor {
  readonly dialect = "postgres" as const;
  readonly #options: PgliteExecutorOptions;
  #session: WorkerSession | undefined;
  /** A terminated worker's shutdown; the next one waits for it so two never share the files. */
  #stopping: Promise<void> = Promise.resolve();
  #queue: Promise<unknown> = Promise.resolve();
  #nextId = 1;
  #closed = false;

  constructor(options: PgliteExecutorOptions) {
    this.#options = options;
  }

  async run(query: GuardedSql, options: RunOptions): Promise<QueryResult> {
    checkRunOptions(options);
    return this.#exclusive(options.signal, async () => {
      const session = await this.#ready();
      const started = performance.now();
      const raw = (await this.#call(
        session,
        { kind: "run", sql: query.sql, timeoutMs: options.timeoutMs, caps: resultCaps(options), searchPath: [...query.searchPath] },
        options.timeoutMs,
        options.signal,
      )) as SessionResult;
      return toQueryResult(raw, performance.now() - started);
    });
  }

  explain(query: GuardedSql, options: { timeoutMs: number; signal?: AbortSignal }): Promise<QueryPlan> {
    return this.#exclusive(options.signal, async () => {
      const session = await this.#ready();
      const request: RequestBody = { kind: "explain", sql: query.sql, timeoutMs: options.timeoutMs, searchPath: [...query.searchPath] };
      return (await this.#call(session, request, options.timeoutMs, options.signal)) as QueryPlan;
    });
  }

  test(): Promise<void> {
    return this.#exclusive(undefined, async () => {
      const session = await this.#ready();
      await this.#call(session, { kind: "ping" }, 10_000);
    });
  }

  introspectionQueryable(options: { timeoutMs?: number } = {}): Queryable {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const query = (sql: string, params: unknown[] = []) =>
      this.#exclusive(undefined, async () => {
        const session = await this.#ready();
        return this.#call(session, { kind: "query", sql, params, timeoutMs }, timeoutMs);
      });
    return { query } as Queryable;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const session = this.#session;
    this.#session = undefined;
    if (!session) return;
    const graceful = session.ready
      .then(() => this.#call(session, { kind: "close" }, 5000))
      .catch(() => undefined);
    await Promise.race([graceful, session.exited]);
    await session.worker.terminate();
  }

  /** One request at a time: PGlite has a single session. A caller that aborts while waiting leaves the queue. */
  #exclusive<T>(signal: AbortSignal | undefined, task: () => Promise<T>): Promise<T> {
    const previous = this.#queue;
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    this.#queue = previous.then(() => done);
    return (async () => {
      try {
        await waitUnlessAborted(previous, signal);
        return await task();
      } finally {
        release();
      }
    })();
  }

  async #ready(): Promise<WorkerSession> {
    if (this.#closed) throw new SqlSandboxError("DATA_SOURCE_CLOSED", "This data source has been closed.");
    await this.#stopping;
    this.#session ??= this.#start();
    const session = this.#session;
    try {
      await session.ready;
    } catch (error) {
      if (this.#session === session) this.#session = undefined;
      throw error;
    }
    return session;
  }

  #start(): WorkerSession {
    const source = this.#options.source;
    const missing =
      "dataDir" in source ? !existsSync(path.join(source.dataDir, "PG_VERSION")) : !existsSync(source.dumpFile);
    if (missing) {
      const where = "dataDir" in source ? source.dataDir : source.dumpFile;
      throw new SqlSandboxError("DATA_SOURCE_NOT_FOUND", `No embedded database at ${where}.`);
    }
    const init: WorkerInit = { entry: workerModule, source };
    const worker = new Worker(bootstrap, {
      workerData: init,
      resourceLimits: { maxOldGenerationSizeMb: this.#options.memoryLimitMb ?? 1024 },
    });
    worker.unref();
    const pending = new Map<number, Pending>();
    let exit!: () => void;
    const exited = new Promise<void>((resolve) => (exit = resolve));
    // Assigned below, before any message can arrive.
    let session!: WorkerSession;
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(stopped("The embedded database did not open in time."));
        void worker.terminate();
      }, this.#options.startTimeoutMs ?? 60_000);
      timer.unref();
      worker.on("message", (message: WorkerMessage) => {
        if (message.kind === "ready") {
          clearTimeout(timer);
          resolve();
        } else if (message.kind === "fatal") {
          clearTimeout(timer);
          reject(stopped(`The embedded database could not open: ${message.error.message}`));
        } else {
          const entry = pending.get(message.id);
          pending.delete(message.id);
          if (!entry) return;
          if (message.grownBytes > (this.#options.recycleAfterGrowthMb ?? 256) * 1024 * 1024) this.#restart(session);
          if (message.ok) entry.resolve(message.value);
          else entry.reject(toSqlSandboxError(message.error));
        }
        if (pending.size === 0) worker.unref();
      });
      worker.on("error", (error) => {
        clearTimeout(timer);
        reject(stopped(`The embedded database failed: ${error.message}`));
        this.#failAll(pending, stopped(`The embedded database failed: ${error.message}`));
      });
      worker.on("exit", () => {
        clearTimeout(timer);
        reject(stopped("The embedded database stopped."));
        this.#failAll(pending, stopped("The embedded database stopped."));
        if (this.#session?.worker === worker) this.#session = undefined;
        exit();
      });
    });
    ready.catch(() => undefined);
    session = { worker, ready, pending, exited };
    return session;
  }

  #failAll(pending: Map<number, Pending>, error: SqlSandboxError): void {
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  }

  #call(session: WorkerSession, body: RequestBody, timeoutMs: number, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(interruptError("cancelled"));
    return new Promise((resolve, reject) => {
      const id = this.#nextId++;
      const watch = new InterruptWatch(timeoutMs, signal, (reason) => {
        session.pending.delete(id);
        reject(interruptError(reason));
        this.#restart(session);
      });
      session.pending.set(id, {
        resolve: (value) => {
          watch.dispose();
          resolve(value);
        },
        reject: (error) => {
          watch.dispose();
          reject(error);
        },
      });
      session.worker.ref();
      session.worker.postMessage({ id, ...body } as WorkerRequest);
    });
  }

  /** Stops a worker stuck in a query and opens the database again in a new one. */
  #restart(session: WorkerSession): void {
    if (this.#session === session) this.#session = undefined;
    this.#stopping = session.worker.terminate().then(
      () => undefined,
      () => undefined,
    );
    void this.#stopping.then(() => {
      if (this.#closed || this.#session) return;
      try {
        this.#session = this.#start();
      } catch {
        // The files went away; the next query reports it.
      }
    });
  }
}

function waitUnlessAborted(previous: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  const settled = previous.then(
    () => undefined,
    () => undefined,
  );
  if (!signal) return settled;
  if (signal.aborted) return Promise.reject(interruptError("cancelled"));
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(interruptError("cancelled"));
    signal.addEventListener("abort", onAbort, { once: true });
    void settled.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}
