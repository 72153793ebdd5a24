import path from "node:path";
import { SqlSandboxError } from "../../sql/errors.ts";
import type { SqlExecutor } from "../../sql/executor/executor.ts";
import { PgliteExecutor } from "../../sql/executor/pglite/pglite-executor.ts";
import { PostgresExecutor } from "../../sql/executor/postgres-executor.ts";
import { parsePostgresUrl } from "../../sql/executor/connection-url.ts";
import { DuckdbExecutor } from "../../sql/executor/duckdb/duckdb-executor.ts";
import { isDuckdbUrl, parseDuckdbUrl, type DuckdbLocation } from "../../sql/executor/duckdb/duckdb-url.ts";
import type { ConnectionPolicy } from "./connection-policy.ts";
import type { FilePolicy } from "./file-policy.ts";

/**
 * Where a data source lives. The dialect boundary: PostgreSQL servers reached
 * by URL, embedded PGlite databases inside the data folder (the demo data),
 * and files inside FILE_SOURCES_DIR read by DuckDB. MySQL or SQLite would add
 * a kind here and an executor beside these.
 */
export type DataSourceLocation =
  | { kind: "postgres"; url: string }
  | { kind: "embedded"; dataDir: string }
  | { kind: "duckdb"; files: DuckdbLocation };

const embeddedScheme = "pglite:";

/** The stored form of an embedded location: relative to the data folder, so the folder can move. */
export function embeddedUrl(relativeDir: string): string {
  return `${embeddedScheme}${relativeDir}`;
}

/**
 * PostgreSQL and DuckDB URLs come from users; `pglite:` locations are written
 * by the server itself. A DuckDB path must lie inside FILE_SOURCES_DIR, checked
 * here on the text and again on the real paths when the files are opened.
 */
export function locate(connectionUrl: string, dataDir: string, files: FilePolicy): DataSourceLocation {
  if (isDuckdbUrl(connectionUrl)) {
    const location = parseDuckdbUrl(connectionUrl);
    files.check(location);
    return { kind: "duckdb", files: location };
  }
  if (connectionUrl.startsWith(embeddedScheme)) {
    const relative = connectionUrl.slice(embeddedScheme.length);
    const resolved = path.resolve(dataDir, relative);
    if (!resolved.startsWith(path.resolve(dataDir) + path.sep)) {
      throw new SqlSandboxError("DATA_SOURCE_BAD_URL", "Embedded data sources must live inside the data folder.");
    }
    return { kind: "embedded", dataDir: resolved };
  }
  parsePostgresUrl(connectionUrl);
  return { kind: "postgres", url: connectionUrl };
}

/**
 * `trusted`: the server set this connection up itself (a demo database), so
 * the policy's public-address rule does not apply to it.
 */
function openExecutor(location: DataSourceLocation, policy: ConnectionPolicy, files: FilePolicy, trusted = false): SqlExecutor {
  if (location.kind === "embedded") return new PgliteExecutor({ source: { dataDir: location.dataDir } });
  if (location.kind === "duckdb") return new DuckdbExecutor({ open: () => files.resolve(location.files) });
  const { database } = parsePostgresUrl(location.url);
  return new PostgresExecutor({
    connectionUrl: location.url,
    maxConnections: 4,
    connectCheck: (host, port) => policy.check({ host, port, database }, { trusted }),
  });
}

interface Entry {
  key: string;
  executor: SqlExecutor;
}

/**
 * One executor (pool or worker) per data source, opened on first use and
 * replaced when its connection changes. Bounded: the least recently used
 * source is closed beyond `maxOpen`.
 */
export function createConnections(options: { dataDir: string; policy: ConnectionPolicy; files: FilePolicy; maxOpen?: number }) {
  const maxOpen = options.maxOpen ?? 50;
  const open = new Map<string, Entry>();

  function close(id: string) {
    const entry = open.get(id);
    open.delete(id);
    return entry?.executor.close().catch(() => {});
  }

  return {
    /** `sealed` is the encrypted URL: a changed value means a changed connection. */
    get(id: string, sealed: string, unseal: () => string, trusted = false): SqlExecutor {
      const existing = open.get(id);
      if (existing && existing.key === sealed) {
        open.delete(id);
        open.set(id, existing);
        return existing.executor;
      }
      if (existing) void close(id);
      const executor = openExecutor(locate(unseal(), options.dataDir, options.files), options.policy, options.files, trusted);
      open.set(id, { key: sealed, executor });
      if (open.size > maxOpen) void close(open.keys().next().value!);
      return executor;
    },
    /** A connection for a URL that is not stored (yet); closed by the caller. */
    openTemporary(location: DataSourceLocation, trusted = false): SqlExecutor {
      return openExecutor(location, options.policy, options.files, trusted);
    },
    /** Where a stored or submitted connection URL points (see `locate`). */
    locate(connectionUrl: string): DataSourceLocation {
      return locate(connectionUrl, options.dataDir, options.files);
    },
    close,
    async closeAll() {
      await Promise.all([...open.keys()].map((id) => close(id)));
    },
  };
}

export type Connections = ReturnType<typeof createConnections>;
