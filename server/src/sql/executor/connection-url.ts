import { SqlSandboxError } from "../errors.ts";

export interface PostgresConnectionConfig {
  /** Host name, IP address, or a Unix socket directory. */
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl: false | { rejectUnauthorized: boolean };
  /** From `connect_timeout` (seconds) when the URL sets it; executors cap it. */
  connectTimeoutMs?: number;
}

function badUrl(message: string): SqlSandboxError {
  return new SqlSandboxError("DATA_SOURCE_BAD_URL", message);
}

function decode(part: string, what: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw badUrl(`The ${what} in the connection URL is not valid percent-encoding.`);
  }
}

const hostPattern = /^(?:[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])$/;

function sslFrom(mode: string | null, sslFlag: string | null): PostgresConnectionConfig["ssl"] {
  if (sslFlag === "true" || sslFlag === "1") return { rejectUnauthorized: false };
  switch (mode ?? "disable") {
    case "disable":
    case "allow":
    case "prefer":
      return false;
    case "require":
      return { rejectUnauthorized: false };
    case "verify-ca":
    case "verify-full":
      return { rejectUnauthorized: true };
    default:
      throw badUrl(`Unknown sslmode "${mode}"; use disable, require, verify-ca or verify-full.`);
  }
}

/**
 * postgresql://user:password@host:port/database?sslmode=require (or
 * ?host=/socket/dir for a Unix socket; ?host=, ?port= and ?dbname= as in
 * libpq). Anything malformed is a typed DATA_SOURCE_BAD_URL, never a driver
 * error later.
 */
export function parsePostgresUrl(input: string): PostgresConnectionConfig {
  const text = input.trim();
  if (!/^postgres(?:ql)?:\/\//i.test(text)) {
    throw badUrl("Only PostgreSQL (postgresql://...) and DuckDB (duckdb:///...) connection URLs are supported.");
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badUrl("The connection URL is malformed.");
  }
  // As in libpq, `?host=`, `?port=` and `?dbname=` override the URL's own parts.
  const params = url.searchParams;
  const host = params.get("host") ?? decode(url.hostname, "host");
  if (!host) throw badUrl("The connection URL names no host.");
  if (!host.startsWith("/") && !hostPattern.test(host)) throw badUrl(`"${host}" is not a valid host name.`);
  const portText = params.get("port") ?? url.port;
  const port = portText ? Number(portText) : 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw badUrl(`"${portText}" is not a valid port.`);
  const user = decode(url.username, "user name");
  if (!user) throw badUrl("The connection URL names no user.");
  const database = params.get("dbname") ?? decode(url.pathname.replace(/^\//, ""), "database name");
  if (!database || database.includes("/")) throw badUrl("The connection URL names no database (postgresql://user@host/database).");
  const connectTimeout = url.searchParams.get("connect_timeout");
  const connectTimeoutSeconds = connectTimeout === null ? undefined : Number(connectTimeout);
  if (connectTimeoutSeconds !== undefined && !(connectTimeoutSeconds > 0)) {
    throw badUrl("connect_timeout must be a positive number of seconds.");
  }
  const password = url.password ? decode(url.password, "password") : undefined;
  return {
    host: host.replace(/^\[(.*)\]$/, "$1"),
    port,
    user,
    ...(password !== undefined ? { password } : {}),
    database,
    ssl: sslFrom(url.searchParams.get("sslmode"), url.searchParams.get("ssl")),
    ...(connectTimeoutSeconds !== undefined ? { connectTimeoutMs: connectTimeoutSeconds * 1000 } : {}),
  };
}

/** user@host:port/database, for logs and messages; never the password. */
export function describeConnection(config: PostgresConnectionConfig): string {
  return `${config.user}@${config.host}:${config.port}/${config.database}`;
}
