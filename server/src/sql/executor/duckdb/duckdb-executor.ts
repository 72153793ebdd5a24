import { DuckDBArrayValue, DuckDBInstance, DuckDBListValue, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";
import { interruptError, SqlSandboxError } from "../../errors.ts";
import type { GuardedSql } from "../../guard/guard.ts";
import { initParser } from "../../guard/parser.ts";
import { toDuckdbSql } from "../../dialect/duckdb.ts";
import { quoteIdent, quoteLiteral } from "../../introspect/types.ts";
import type { Queryable } from "../../snapshot.ts";
import { checkRunOptions, resultCaps, toQueryResult, type QueryResult, type RunOptions, type SqlExecutor } from "../executor.ts";
import { InterruptWatch } from "../interrupt.ts";
import type { QueryPlan, SessionResult } from "../read-only-session.ts";
import { ResultBudget } from "../result-size.ts";
import { rowTooLarge } from "../size-check.ts";
import { toDuckdbError } from "./errors.ts";
import { Slots } from "./slots.ts";
import type { DuckdbFiles, FileTable } from "./source.ts";
import { duckdbTypeInfo } from "./types.ts";

export interface DuckdbExecutorOptions {
  /** Resolves the files (the file policy's checks) just before the database opens. */
  open: () => Promise<DuckdbFiles>;
  /** DuckDB's memory_limit for this source; default "1GB". */
  memoryLimit?: string;
  /** Worker threads of this source; default 2. */
  threads?: number;
  /** Loading a folder's files, interrupted past this; default 120 000 ms. */
  loadTimeoutMs?: number;
  /** Queries running at once; later ones wait, within their time limit; default 4. */
  maxConnections?: number;
}

/**
 * Settings fixed for every connection before the configuration is locked:
 * PostgreSQL's integer division and NULL order (last ascending, first
 * descending), then no file, network or extension access at all, so a query
 * can read only the tables loaded here. Plain SET is per connection: GLOBAL
 * reaches the connections opened later.
 */
const sealSql = [
  "SET GLOBAL integer_division = true",
  "SET GLOBAL default_null_order = 'nulls_last_on_asc_first_on_desc'",
  "SET GLOBAL autoinstall_known_extensions = false",
  "SET GLOBAL autoload_known_extensions = false",
  "SET GLOBAL enable_external_access = false",
  "SET GLOBAL lock_configuration = true",
];

function loadSql(table: FileTable): string {
  const file = quoteLiteral(table.file);
  const reader =
    table.format === "parquet" ? `read_parquet(${file})` : table.format === "tsv" ? `read_csv(${file}, header = true, delim = '\\t')` : `read_csv(${file}, header = true)`;
  return `CREATE TABLE main.${quoteIdent(table.table)} AS SELECT * FROM ${reader}`;
}

/** An array element as PostgreSQL writes it inside `{...}`: quoted when it would read otherwise. */
function arrayElement(value: DuckDBValue): string {
  if (value === null || value === undefined) return "NULL";
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return arrayLiteral(value.items);
  const text = String(value);
  return text === "" || /^null$/i.test(text) || /[{}",\\\s]/.test(text) ? `"${text.replace(/[\\"]/g, "\\$&")}"` : text;
}

function arrayLiteral(items: readonly DuckDBValue[]): string {
  return `{${items.map(arrayElement).join(",")}}`;
}

/** A value as text, the way the PostgreSQL executors receive it (see values.ts): lists as array literals. */
function asText(value: DuckDBValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return arrayLiteral(value.items);
  return String(value);
}

function utf8Bytes(value: string | null): number {
  return value === null ? 1 : Buffer.byteLength(value);
}

/**
 * A DuckDB data source: CSV/TSV/Parquet files loaded into an in-memory
 * database, or a .duckdb file opened read-only, sealed against file and
 * network access once loaded. Each query gets its own connection and a
 * read-only transaction that is rolled back; a timeout or cancel interrupts
 * the running statement. SQL arrives in PostgreSQL's dialect and is adapted
 * by dialect/duckdb.ts.
 */
export class DuckdbExecutor implements SqlExecutor {
  readonly dialect = "duckdb" as const;
  readonly #options: DuckdbExecutorOptions;
  readonly #slots: Slots;
  /** Connections running a query, interrupted when the source closes. */
  readonly #active = new Set<DuckDBConnection>();
  #instance: Promise<DuckDBInstance> | undefined;
  #closed = false;

  constructor(options: DuckdbExecutorOptions) {
    this.#options = options;
    this.#slots = new Slots(options.maxConnections ?? 4);
  }

  async run(query: GuardedSql, options: RunOptions): Promise<QueryResult> {
    checkRunOptions(options);
    const started = performance.now();
    const sql = await this.#translate(query.sql);
    const caps = resultCaps(options);
    const raw = await this.#session(options, query.searchPath, async (connection, checkpoint): Promise<SessionResult> => {
      const result = await connection.stream(sql);
      const names = result.columnNames();
      // JSON is VARCHAR with an alias: only the logical type tells it apart.
      const columns = result.columnTypes().map((type, i) => {
        const json = result.columnLogicalType(i).alias === "JSON";
        return { name: names[i]!, type: duckdbTypeInfo(json ? "JSON" : String(type)) };
      });
      const budget = new ResultBudget(caps);
      const { maxRowBytes, maxValueBytes } = budget.caps;
      const rows: (string | null)[][] = [];
      reading: for (;;) {
        checkpoint();
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) break;
        for (const values of chunk.getRows()) {
          const row = values.map(asText);
          const sizes = row.map(utf8Bytes);
          const size = sizes.reduce((a, b) => a + b, 0);
          // An oversized value is named by admit(); a row made of many values is refused here.
          if (size > maxRowBytes && sizes.every((s) => s <= maxValueBytes)) throw rowTooLarge(size, maxRowBytes);
          if (!budget.admit(row, (i) => names[i] ?? `column ${i + 1}`)) break reading;
          rows.push(row);
        }
      }
      return { columns, rows, truncated: budget.full };
    });
    return toQueryResult(raw, performance.now() - started);
  }

  async explain(query: GuardedSql, options: { timeoutMs: number; signal?: AbortSignal }): Promise<QueryPlan> {
    const sql = await this.#translate(query.sql);
    return this.#session(options, query.searchPath, async (connection) => {
      const reader = await connection.runAndReadAll(`EXPLAIN (FORMAT JSON) ${sql}`);
      const text = reader.getRows()[0]?.[1];
      const plan = JSON.parse(typeof text === "string" ? text : "[]") as { extra_info?: Record<string, unknown> }[];
      const estimate = Number(plan[0]?.extra_info?.["Estimated Cardinality"] ?? 0);
      return { estimatedRows: Number.isFinite(estimate) ? estimate : 0, totalCost: 0, plan };
    });
  }

  async test(): Promise<void> {
    await this.#session({ timeoutMs: 10_000 }, [], async (connection) => {
      await connection.run("SELECT 1");
    });
  }

  introspectionQueryable(options: { timeoutMs?: number } = {}): Queryable {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const query = async (sql: string, params: unknown[] = []) => {
      const text = await this.#translate(sql);
      return this.#session({ timeoutMs }, [], async (connection) => {
        const reader = await connection.runAndReadAll(text, params as DuckDBValue[]);
        return { rows: reader.getRowObjectsJson() };
      });
    };
    return { query } as Queryable;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // As in #session, an interrupt between two statements is lost: repeat it until every query ended.
    const stopAll = () => {
      for (const connection of this.#active) connection.interrupt();
      if (this.#active.size === 0) clearInterval(repeat);
    };
    const repeat = setInterval(stopAll, 50);
    repeat.unref();
    stopAll();
    const instance = await this.#instance?.catch(() => undefined);
    instance?.closeSync();
  }

  async #translate(sql: string): Promise<string> {
    await initParser();
    return toDuckdbSql(sql);
  }

  /** One connection, one read-only transaction (rolled back), a time limit and cancellation. */
  async #session<T>(
    options: { timeoutMs: number; signal?: AbortSignal },
    searchPath: readonly string[],
    work: (connection: DuckDBConnection, checkpoint: () => void) => Promise<T>,
  ): Promise<T> {
    const instance = await this.#ready();
    let connection: DuckDBConnection | undefined;
    let stopWaiting: ((error: Error) => void) | undefined;
    let repeat: NodeJS.Timeout | undefined;
    // The time limit covers waiting for a free slot as well as running.
    const watch = new InterruptWatch(options.timeoutMs, options.signal, (reason) => {
      stopWaiting?.(interruptError(reason));
      connection?.interrupt();
      // An interrupt that lands between two statements is lost: repeat it until the session ends.
      repeat = setInterval(() => connection?.interrupt(), 50);
      repeat.unref();
    });
    let release: (() => void) | undefined;
    try {
      release = await this.#slots.take((cancel) => (stopWaiting = cancel));
      watch.checkpoint();
      connection = await instance.connect();
      this.#active.add(connection);
      if (searchPath.length > 0) await connection.run(`SET search_path = ${quoteLiteral(searchPath.join(","))}`);
      await connection.run("BEGIN TRANSACTION READ ONLY");
      watch.checkpoint();
      try {
        return await work(connection, watch.checkpoint);
      } finally {
        await connection.run("ROLLBACK").catch(() => undefined);
      }
    } catch (error) {
      if (this.#closed && !watch.reason) throw new SqlSandboxError("DATA_SOURCE_CLOSED", "The data source was closed while the query ran.", { cause: error });
      throw toDuckdbError(error, watch.reason);
    } finally {
      watch.dispose();
      clearInterval(repeat);
      if (connection) this.#active.delete(connection);
      connection?.closeSync();
      release?.();
    }
  }

  #ready(): Promise<DuckDBInstance> {
    if (this.#closed) return Promise.reject(new SqlSandboxError("DATA_SOURCE_CLOSED", "This data source has been closed."));
    this.#instance ??= this.#open();
    const opening = this.#instance;
    // A failed open (a file went missing, a bad CSV) is tried again on the next use.
    opening.catch(() => {
      if (this.#instance === opening) this.#instance = undefined;
    });
    return opening;
  }

  async #open(): Promise<DuckDBInstance> {
    const files = await this.#options.open();
    const settings = {
      memory_limit: this.#options.memoryLimit ?? "1GB",
      threads: String(this.#options.threads ?? 2),
      autoinstall_known_extensions: "false",
      autoload_known_extensions: "false",
      // No spilling to disk: by default DuckDB would write beside the database file or into the working folder.
      temp_directory: "",
      ...(files.kind === "database" ? { access_mode: "READ_ONLY" } : {}),
    };
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(files.kind === "database" ? files.file : ":memory:", settings);
    } catch (error) {
      throw new SqlSandboxError("DATA_SOURCE_UNREACHABLE", `The DuckDB database could not be opened: ${(error as Error).message}`, {
        hint: "Check that the file is a DuckDB database of a supported version.",
        cause: error,
      });
    }
    const setup = await instance.connect();
    const loadTimeoutMs = this.#options.loadTimeoutMs ?? 120_000;
    const watch = new InterruptWatch(loadTimeoutMs, undefined, () => setup.interrupt());
    let failure: unknown;
    try {
      const loadTimeout = (cause?: unknown) =>
        new SqlSandboxError("QUERY_TIMEOUT", `Loading the files took longer than ${Math.round(loadTimeoutMs / 1000)} s and was stopped.`, {
          hint: "Use fewer or smaller files, or Parquet instead of CSV.",
          cause,
        });
      if (files.kind === "folder") {
        for (const table of files.tables) {
          await setup.run(loadSql(table)).catch((error: unknown) => {
            if (watch.reason) throw loadTimeout(error);
            throw new SqlSandboxError("QUERY_FAILED", `Loading ${table.table} from its file failed: ${(error as Error).message}`, {
              hint: "Check that the file is well-formed CSV, TSV or Parquet with a header row.",
              details: { name: table.table },
              cause: error,
            });
          });
          // An interrupt that arrived between statements stops nothing: the limit is checked after each file too.
          if (watch.reason) throw loadTimeout();
        }
      }
      for (const statement of sealSql) await setup.run(statement);
    } catch (error) {
      failure = error;
    } finally {
      watch.dispose();
      setup.closeSync();
    }
    if (failure !== undefined) {
      instance.closeSync();
      throw failure;
    }
    return instance;
  }
}
