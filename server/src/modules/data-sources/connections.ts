import path from "node:path";
import { SqlSandboxError } from "../../sql/errors.ts";
import type { SqlExecutor } from "../../sql/executor/executor.ts";
import { PgliteExecutor } from "../../sql/executor/pglite/pglite-executor.ts";
import { PostgresExecutor } from "../../sql/executor/postgres-executor.ts";
import { parsePostgresUrl } from "../../sql/executor/connection-url.ts";
import type { ConnectionPolicy } from "./connection-policy.ts";

/**
 * Where a data source lives. The dialect boundary: PostgreSQL servers reached
 * by URL, and embedded PGlite databases inside the data folder (the demo data).
 * MySQL or SQLite would add a kind here and an executor beside these.
 */
export type DataSourceLocation = { kind: "postgres"; url: string } | { kind: "embedded"; dataDir: string };

const embeddedScheme = "pglite:";

/** The stored form of an embedded location: relative to the data folder, so the folder can move. */
export function embeddedUrl(relativeDir: string): string {
  return `${embeddedScheme}${relativeDir}`;
}

/**
 * Only PostgreSQL URLs come from users; `pglite:` locations are written by the
 * server itself, so a caller can never point a data source at a local folder.
 */
export function locate(connectionUrl: string, dataDir: string): DataSourceLocation {
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
function openExecutor(location: DataSourceLocation, policy: ConnectionPolicy, trusted = false): SqlExecutor {
  if (location.kind === "embedded") return new PgliteExecutor({ source: { dataDir: location.dataDir } });
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
export function createConnections(options: { dataDir: string; policy: ConnectionPolicy; maxOpen?: number }) {
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
      const executor = openExecutor(locate(unseal(), options.dataDir), options.policy, trusted);
      open.set(id, { key: sealed, executor });
      if (open.size > maxOpen) void close(open.keys().next().value!);
      return executor;
    },
    /** A connection for a URL that is not stored (yet); closed by the caller. */
    openTemporary(location: DataSourceLocation, trusted = false): SqlExecutor {
      return openExecutor(location, options.policy, trusted);
    },
    close,
    async closeAll() {
      await Promise.all([...open.keys()].map((id) => close(id)));
    },
  };
}

export type Connections = ReturnType<typeof createConnections>;
