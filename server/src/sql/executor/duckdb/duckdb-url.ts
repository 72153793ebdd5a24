import path from "node:path";
import { SqlSandboxError } from "../../errors.ts";

export interface DuckdbLocation {
  /** Absolute, normalised path as the URL names it (not yet resolved on disk). */
  path: string;
  /** A `.duckdb` file opened read-only, or a folder of CSV/TSV/Parquet files. */
  kind: "database" | "folder";
}

const scheme = "duckdb:";

export function isDuckdbUrl(input: string): boolean {
  return input.trim().toLowerCase().startsWith(scheme);
}

function badUrl(message: string): SqlSandboxError {
  return new SqlSandboxError("DATA_SOURCE_BAD_URL", message, {
    hint: "Use duckdb:///absolute/folder (CSV, TSV and Parquet files) or duckdb:///absolute/file.duckdb.",
  });
}

/**
 * duckdb:///abs/folder or duckdb:///abs/file.duckdb: an absolute path and
 * nothing else (no host, query or fragment). `..` segments are resolved here,
 * lexically, so the policy checks the path that will be opened.
 */
export function parseDuckdbUrl(input: string): DuckdbLocation {
  const text = input.trim();
  if (!isDuckdbUrl(text)) throw badUrl("Not a DuckDB URL (duckdb:///path).");
  const rest = text.slice(scheme.length);
  if (!rest.startsWith("///")) throw badUrl("A DuckDB URL names an absolute path: duckdb:///folder or duckdb:///file.duckdb.");
  const raw = rest.slice(2);
  if (/[?#]/.test(raw)) throw badUrl("A DuckDB URL takes no query string or fragment.");
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw badUrl("The path in the DuckDB URL is not valid percent-encoding.");
  }
  if (decoded.includes("\u0000")) throw badUrl("The path in the DuckDB URL contains a NUL character.");
  const resolved = path.posix.resolve(decoded);
  if (resolved === "/") throw badUrl("A DuckDB URL must name a folder or a .duckdb file, not the root folder.");
  return { path: resolved, kind: resolved.toLowerCase().endsWith(".duckdb") ? "database" : "folder" };
}
