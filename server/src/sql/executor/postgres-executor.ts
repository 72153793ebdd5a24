import pg from "pg";
import { SqlSandboxError, toSqlSandboxError } from "../errors.ts";
import type { GuardedSql } from "../guard/guard.ts";
import type { Queryable } from "../snapshot.ts";
import { checkedSocket, type ConnectCheck } from "./checked-socket.ts";
import { parsePostgresUrl, type PostgresConnectionConfig } from "./connection-url.ts";
import { checkRunOptions, resultCaps, toQueryResult, type QueryResult, type RunOptions, type SqlExecutor } from "./executor.ts";
import { InterruptWatch } from "./interrupt.ts";
import { sendCancelRequest } from "./pg-cancel.ts";
import type { RawConnection } from "./raw-connection.ts";
import { explainReadOnly, queryReadOnly, runReadOnly, type QueryPlan } from "./read-only-session.ts";
import { TypeCatalog } from "./type-catalog.ts";

export interface PostgresExecutorOptions {
  connectionUrl: string;
  /** Most connections open to this data source at once; default 4. */
  maxConnections?: number;
  /**
   * Opening a connection (and waiting for a free one); default 5 000 ms. The
   * URL's connect_timeout may shorten it, never lengthen it: a URL must not
   * hold a request open for as long as it likes.
   */
  connectTimeoutMs?: number;
  /** Runs before every connection opens (pool, test, cancel request) and says which address to open. */
  connectCheck?: ConnectCheck;
  /** Idle connections close after this; default 30 000 ms. */
  idleTimeoutMs?: number;
  /** After a cancel request, drop the connection if the query still runs this long; default 2 000 ms. */
  cancelGraceMs?: number;
}

/** Fields pg sets on a connected client but does not declare. */
interface ClientInternals {
  processID?: number | null;
  secretKey?: number | null;
  connection?: { stream?: { destroy(): void } };
}

/** pg supports `queryMode` (force the extended protocol) but @types/pg does not declare it. */
type ExtendedQueryConfig = pg.QueryArrayConfig & { queryMode: "extended" };

const rawText = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

function rawConnection(client: pg.PoolClient): RawConnection {
  return {
    batch: async (sql) => {
      await client.query(sql);
    },
    query: async (sql, params = []) => {
      const config: ExtendedQueryConfig = { text: sql, values: [...params], rowMode: "array", types: rawText, queryMode: "extended" };
      const result = await client.query<(string | null)[]>(config);
      return { fields: result.fields.map((f) => ({ name: f.name, oid: f.dataTypeID })), rows: result.rows };
    },
  };
}

const defaultConnectTimeoutMs = 5000;

function clientConfig(config: PostgresConnectionConfig, connectTimeoutMs: number, check: ConnectCheck | undefined): pg.ClientConfig {
  return {
    ...(check ? { stream: () => checkedSocket(check) } : {}),
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: config.database,
    ssl: config.ssl,
    connectionTimeoutMillis: connectTimeoutMs,
    application_name: "agentmedha",
    keepAlive: true,
  };
}

/**
 * A PostgreSQL data source: one bounded pool, every query in its own
 * read-only transaction with statement_timeout, fetched through a cursor up to
 * the row cap, then rolled back. Timeouts and AbortSignal cancel the running
 * statement with a protocol CancelRequest and drop the connection.
 */
export class PostgresExecutor implements SqlExecutor {
  readonly dialect = "postgres" as const;
  readonly #config: PostgresConnectionConfig;
  readonly #pool: pg.Pool;
  readonly #types = new TypeCatalog();
  readonly #connectTimeoutMs: number;
  readonly #cancelGraceMs: number;
  readonly #maxConnections: number;
  readonly #check: ConnectCheck | undefined;
  #closed = false;

  constructor(options: PostgresExecutorOptions) {
    this.#config = parsePostgresUrl(options.connectionUrl);
    this.#connectTimeoutMs = Math.min(options.connectTimeoutMs ?? defaultConnectTimeoutMs, this.#config.connectTimeoutMs ?? Infinity);
    this.#check = options.connectCheck;
    this.#cancelGraceMs = options.cancelGraceMs ?? 2000;
    this.#maxConnections = options.maxConnections ?? 4;
    this.#pool = new pg.Pool({
      ...clientConfig(this.#config, this.#connectTimeoutMs, this.#check),
      max: this.#maxConnections,
      idleTimeoutMillis: options.idleTimeoutMs ?? 30_000,
      allowExitOnIdle: true,
    });
    // A server restart or a dropped socket surfaces as an 'error' event; the
    // pool discards that client and the next query opens a new one.
    this.#pool.on("error", () => undefined);
    this.#pool.on("connect", (client) => client.on("error", () => undefined));
  }

  async run(query: GuardedSql, options: RunOptions): Promise<QueryResult> {
    checkRunOptions(options);
    const started = performance.now();
    const raw = await this.#session(options, (connection, checkpoint) =>
      runReadOnly(
        connection,
        query.sql,
        { ...resultCaps(options), timeoutMs: options.timeoutMs, searchPath: query.searchPath, checkpoint },
        this.#types,
      ),
    );
    return toQueryResult(raw, performance.now() - started);
  }

  explain(query: GuardedSql, options: { timeoutMs: number; signal?: AbortSignal }): Promise<QueryPlan> {
    return this.#session(options, (connection) => explainReadOnly(connection, query.sql, { timeoutMs: options.timeoutMs, searchPath: query.searchPath }));
  }

  async test(): Promise<void> {
    this.#ensureOpen();
    // A bounded query too: a server that accepts the log-in must not hold the test open either.
    const client = new pg.Client({ ...clientConfig(this.#config, this.#connectTimeoutMs, this.#check), query_timeout: this.#connectTimeoutMs });
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
    } catch (error) {
      throw toSqlSandboxError(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  introspectionQueryable(options: { timeoutMs?: number } = {}): Queryable {
    const timeoutMs = options.timeoutMs ?? 60_000;
    const query = async (sql: string, params?: unknown[]) => {
      const client = await this.#acquire();
      let failed = false;
      try {
        const batch = async (text: string) => {
          await client.query(text);
        };
        return await queryReadOnly(batch, timeoutMs, async () => ({ rows: (await client.query(sql, params)).rows }));
      } catch (error) {
        failed = true;
        throw toSqlSandboxError(error);
      } finally {
        client.release(failed ? true : undefined);
      }
    };
    return { query } as Queryable;
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#pool.end();
  }

  /** A pooled connection for one read-only session, with time limit and cancellation. */
  async #session<T>(
    options: { timeoutMs: number; signal?: AbortSignal },
    work: (connection: RawConnection, checkpoint: () => void) => Promise<T>,
  ): Promise<T> {
    const client = await this.#acquire();
    let graceTimer: NodeJS.Timeout | undefined;
    const watch = new InterruptWatch(options.timeoutMs, options.signal, () => {
      graceTimer = this.#interrupt(client);
    });
    let failed = false;
    try {
      return await work(rawConnection(client), watch.checkpoint);
    } catch (error) {
      failed = true;
      throw toSqlSandboxError(error, watch.reason);
    } finally {
      watch.dispose();
      clearTimeout(graceTimer);
      // After an error or an interrupt the session's state is unknown (a
      // cancel request may still be in flight): never hand it to the next query.
      client.release(failed || watch.reason !== undefined ? true : undefined);
    }
  }

  #ensureOpen(): void {
    if (this.#closed) throw new SqlSandboxError("DATA_SOURCE_CLOSED", "This data source connection has been closed.");
  }

  async #acquire(): Promise<pg.PoolClient> {
    this.#ensureOpen();
    const saturated = this.#pool.totalCount >= this.#maxConnections && this.#pool.idleCount === 0;
    try {
      return await this.#pool.connect();
    } catch (error) {
      if (saturated && /timeout exceeded/i.test(String((error as Error).message))) {
        throw new SqlSandboxError("QUERY_TIMEOUT", "Every connection to this data source stayed busy; the query could not start.", {
          hint: "Too many queries are running on this data source at once; try again shortly.",
          cause: error,
        });
      }
      throw toSqlSandboxError(error);
    }
  }

  /** Cancels the client's running statement; drops the connection if that does not end it soon. */
  #interrupt(client: pg.PoolClient): NodeJS.Timeout {
    const internals = client as unknown as ClientInternals;
    if (typeof internals.processID === "number" && typeof internals.secretKey === "number") {
      void sendCancelRequest(this.#config, internals.processID, internals.secretKey, this.#check);
    }
    const timer = setTimeout(() => internals.connection?.stream?.destroy(), this.#cancelGraceMs);
    timer.unref();
    return timer;
  }
}
