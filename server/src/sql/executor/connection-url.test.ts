import { describe, expect, it } from "vitest";
import { SqlSandboxError } from "../errors.ts";
import { describeConnection, parsePostgresUrl } from "./connection-url.ts";

function badUrl(url: string): string {
  try {
    parsePostgresUrl(url);
    return "parsed";
  } catch (error) {
    return error instanceof SqlSandboxError ? error.code : "untyped";
  }
}

describe("parsePostgresUrl", () => {
  it("reads user, password, host, port, database and sslmode", () => {
    expect(parsePostgresUrl("postgresql://ana:s%40cret@db.example.com:6543/shop?sslmode=require")).toEqual({
      host: "db.example.com",
      port: 6543,
      user: "ana",
      password: "s@cret",
      database: "shop",
      ssl: { rejectUnauthorized: false },
    });
  });

  it("defaults the port, accepts postgres://, IPv6 hosts, socket directories and connect_timeout", () => {
    expect(parsePostgresUrl("postgres://u@localhost/d")).toMatchObject({ host: "localhost", port: 5432, ssl: false });
    expect(parsePostgresUrl("postgresql://u@[::1]:5433/d").host).toBe("::1");
    expect(parsePostgresUrl("postgresql://u@x/d?host=/var/run/postgresql").host).toBe("/var/run/postgresql");
    expect(parsePostgresUrl("postgresql://u@h/d?connect_timeout=3").connectTimeoutMs).toBe(3000);
    expect(parsePostgresUrl("postgresql://u@h/d?sslmode=verify-full").ssl).toEqual({ rejectUnauthorized: true });
  });

  it("lets ?host=, ?port= and ?dbname= override the URL's parts, as libpq does", () => {
    expect(parsePostgresUrl("postgresql://u@db.example.com:6543/shop?host=localhost&port=5433&dbname=app")).toMatchObject({
      host: "localhost",
      port: 5433,
      database: "app",
    });
    for (const url of ["postgresql://u@h/d?host=a,b", "postgresql://u@h/d?port=0", "postgresql://u@h/d?port=5432x", "postgresql://u@h/d?dbname="]) {
      expect([url, badUrl(url)]).toEqual([url, "DATA_SOURCE_BAD_URL"]);
    }
  });

  it("refuses malformed or unsupported URLs with DATA_SOURCE_BAD_URL", () => {
    for (const url of [
      "",
      "mysql://u@h/d",
      "postgresql://",
      "postgresql://u@/d",
      "postgresql://h/d",
      "postgresql://u@h",
      "postgresql://u@h:99999/d",
      "postgresql://u@h/d?sslmode=sometimes",
      "postgresql://u@h/d?connect_timeout=-1",
      "postgresql://u:%ZZ@h/d",
      "postgresql://u@bad_host!/d",
      "host=localhost dbname=d",
    ]) {
      expect([url, badUrl(url)]).toEqual([url, "DATA_SOURCE_BAD_URL"]);
    }
  });

  it("describes a connection without its password", () => {
    const text = describeConnection(parsePostgresUrl("postgresql://ana:topsecret@h:5432/shop"));
    expect(text).toBe("ana@h:5432/shop");
  });
});
