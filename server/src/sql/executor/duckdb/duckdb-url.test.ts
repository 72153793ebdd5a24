import { describe, expect, it } from "vitest";
import { SqlSandboxError } from "../../errors.ts";
import { isDuckdbUrl, parseDuckdbUrl } from "./duckdb-url.ts";

function code(url: string): string {
  try {
    parseDuckdbUrl(url);
    return "parsed";
  } catch (error) {
    return error instanceof SqlSandboxError ? error.code : "untyped";
  }
}

describe("parseDuckdbUrl", () => {
  it("reads a folder or a .duckdb file, decoding and resolving the path lexically", () => {
    expect(parseDuckdbUrl("duckdb:///srv/files/shop")).toEqual({ path: "/srv/files/shop", kind: "folder" });
    expect(parseDuckdbUrl(" duckdb:///srv/files/Fleet.DuckDB ")).toEqual({ path: "/srv/files/Fleet.DuckDB", kind: "database" });
    expect(parseDuckdbUrl("duckdb:///srv/files/my%20data/")).toEqual({ path: "/srv/files/my data", kind: "folder" });
    expect(parseDuckdbUrl("duckdb:///srv/files/../../etc")).toEqual({ path: "/etc", kind: "folder" });
    expect(parseDuckdbUrl("duckdb:///srv/files/%2e%2e/secret")).toEqual({ path: "/srv/secret", kind: "folder" });
    expect([isDuckdbUrl("DuckDB:///x"), isDuckdbUrl("postgresql://u@h/d")]).toEqual([true, false]);
  });

  it("refuses hosts, relative paths, queries, the root folder and bad encoding", () => {
    for (const url of ["duckdb://host/srv/x", "duckdb:relative", "duckdb://", "duckdb:///", "duckdb:///x?access_mode=read_write", "duckdb:///x#y", "duckdb:///x%ZZ", "duckdb:///x%00y", "postgresql://u@h/d"]) {
      expect([url, code(url)]).toEqual([url, "DATA_SOURCE_BAD_URL"]);
    }
  });
});
