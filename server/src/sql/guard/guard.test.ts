import { beforeAll, describe, expect, it } from "vitest";
import { SqlSandboxError, type SqlErrorCode } from "../errors.ts";
import { fixtureTables } from "../hostile-corpus/fixture.ts";
import { hostileCorpus } from "../hostile-corpus/hostile.ts";
import { legitimateQueries } from "../hostile-corpus/legitimate.ts";
import { guardSql, guardSqlSync, initGuard, type GuardOptions } from "./guard.ts";

const options: GuardOptions = { allowedSchemas: ["public"] };

function rejection(sql: string, opts: GuardOptions = options): SqlErrorCode | "accepted" {
  try {
    guardSqlSync(sql, opts);
    return "accepted";
  } catch (error) {
    if (!(error instanceof SqlSandboxError)) throw error;
    return error.code;
  }
}

beforeAll(() => initGuard());

describe("guardSql", () => {
  it("accepts every legitimate analytic query of the corpus", () => {
    const refused = legitimateQueries
      .map((sql) => ({ sql, code: rejection(sql, { ...options, knownTables: fixtureTables }) }))
      .filter((r) => r.code !== "accepted");
    expect(refused).toEqual([]);
  });

  it("refuses every hostile query the corpus expects the guard to refuse, with the expected code", () => {
    const wrong = hostileCorpus
      .filter((c) => Array.isArray(c.expect))
      .map((c) => ({ sql: c.sql, expected: c.expect, got: rejection(c.sql, { ...options, knownTables: fixtureTables }) }))
      .filter((r) => !(r.expected as readonly string[]).includes(r.got));
    expect(wrong).toEqual([]);
  });

  it("returns the statement without comments or trailing semicolon, so it can be wrapped", async () => {
    const guarded = await guardSql("/* top */ SELECT a -- the a\n, b FROM t ; -- done", options);
    expect(guarded.sql).toBe("SELECT a  \n, b FROM t");
    expect(`SELECT * FROM (${guarded.sql}) q`).not.toContain("--");
  });

  it("keeps comment-like text inside strings and dollar quotes", async () => {
    const guarded = await guardSql("SELECT '-- not a comment', $$/* nor this */$$", options);
    expect(guarded.sql).toBe("SELECT '-- not a comment', $$/* nor this */$$");
  });

  it("keeps multi-byte text intact when slicing by the parser's byte offsets", async () => {
    const guarded = await guardSql("/* ünïcödé */ SELECT 'naïve café' AS \"größe\"; ", options);
    expect(guarded.sql).toBe("SELECT 'naïve café' AS \"größe\"");
  });

  it("reports the tables read, not CTE names, resolving unqualified names with the known tables", async () => {
    const guarded = await guardSql(
      "WITH recent AS (SELECT * FROM orders WHERE ordered_on > DATE '2024-01-01') SELECT * FROM recent JOIN public.customers c ON c.id = recent.customer_id",
      { ...options, knownTables: fixtureTables },
    );
    expect(guarded.tables).toEqual([
      { schema: "public", name: "orders" },
      { schema: "public", name: "customers" },
    ]);
    expect(guarded.searchPath).toEqual(["public"]);
  });

  it("leaves the schema of unqualified tables open when no catalogue is given", async () => {
    const guarded = await guardSql("SELECT * FROM t1, s2.t2", { allowedSchemas: ["public", "s2"] });
    expect(guarded.tables).toEqual([
      { schema: null, name: "t1" },
      { schema: "s2", name: "t2" },
    ]);
  });

  it("resolves unqualified names through the allowed schemas in order", async () => {
    const guarded = await guardSql("SELECT * FROM events", {
      allowedSchemas: ["sales", "public"],
      knownTables: new Set(["public.events", "sales.events"]),
    });
    expect(guarded.tables).toEqual([{ schema: "sales", name: "events" }]);
  });

  it("scopes CTE names: a non-recursive CTE cannot hide a catalogue table behind its own name", () => {
    expect(rejection("WITH pg_class AS (SELECT 1 AS a) SELECT * FROM pg_class")).toBe("accepted");
    expect(rejection("WITH x AS (SELECT * FROM pg_class) SELECT * FROM x")).toBe("SQL_FORBIDDEN_SCHEMA");
    expect(rejection("WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a", { ...options, knownTables: fixtureTables })).toBe(
      "SQL_UNKNOWN_OBJECT",
    );
    expect(rejection("WITH RECURSIVE a AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM a WHERE n < 3) SELECT * FROM a", { ...options, knownTables: fixtureTables })).toBe(
      "accepted",
    );
    expect(rejection("SELECT * FROM (WITH x AS (SELECT 1) SELECT * FROM x) s, x", { ...options, knownTables: fixtureTables })).toBe("SQL_UNKNOWN_OBJECT");
  });

  it("never reads system schemas, even when the data source lists them", () => {
    const listed: GuardOptions[] = [
      options,
      { allowedSchemas: ["public", "pg_catalog", "information_schema", "pg_toast"] },
      { allowedSchemas: ["public", "pg_catalog", "information_schema"], knownTables: fixtureTables },
    ];
    const reads = [
      "SELECT rolname, rolpassword FROM pg_catalog.pg_authid",
      "SELECT rolname, rolpassword FROM pg_authid",
      "SELECT * FROM pg_catalog.pg_roles",
      "SELECT * FROM pg_roles",
      "SELECT usename, passwd FROM pg_shadow",
      "SELECT * FROM information_schema.tables",
      "SELECT * FROM \"information_schema\".\"columns\"",
      "SELECT * FROM INFORMATION_SCHEMA.TABLES",
      "SELECT * FROM pg_toast.pg_toast_2619",
      "SELECT * FROM pg_temp.t",
      "SELECT * FROM customers c JOIN pg_catalog.pg_class k ON k.oid = c.id",
      "SELECT (SELECT count(*) FROM pg_stat_activity)",
      "WITH x AS (SELECT * FROM pg_user) SELECT * FROM x",
      "TABLE pg_authid",
    ];
    for (const opts of listed) {
      expect(reads.map((sql) => [sql, rejection(sql, opts)])).toEqual(reads.map((sql) => [sql, "SQL_FORBIDDEN_SCHEMA"]));
    }
    expect(rejection("SELECT pg_catalog.pg_authid.rolpassword FROM customers", listed[1])).toBe("SQL_FORBIDDEN_SCHEMA");
    // Server functions that read files or the catalogue stay off the allow-list.
    for (const sql of ["SELECT pg_read_file('/etc/passwd')", "SELECT pg_catalog.pg_ls_dir('.')", "SELECT current_setting('data_directory')", "SELECT 'pg_authid'::regclass"]) {
      expect(rejection(sql, listed[1]), sql).toMatch(/SQL_FORBIDDEN_(FUNCTION|TYPE)/);
    }
    // Built-in functions may still be qualified with pg_catalog, and system schemas leave the search path.
    expect(rejection("SELECT pg_catalog.count(*) FROM customers", listed[2])).toBe("accepted");
    expect(guardSqlSync("SELECT 1", listed[1]!).searchPath).toEqual(["public"]);
  });

  it("checks functions wherever they appear in the tree", () => {
    const places = [
      "SELECT pg_sleep(1)",
      "SELECT 1 FROM t WHERE x = (SELECT pg_sleep(1))",
      "SELECT 1 FROM t ORDER BY pg_sleep(1)",
      "SELECT 1 FROM t, LATERAL (SELECT pg_sleep(1)) s",
      "SELECT count(*) FILTER (WHERE pg_sleep(1) IS NULL) FROM t",
      "SELECT row_number() OVER (PARTITION BY pg_sleep(1)) FROM t",
      "SELECT CAST(pg_sleep(1) AS text)",
      "SELECT (pg_sleep(1))",
      "SELECT ARRAY[pg_sleep(1)]",
      "SELECT ROW(1, pg_sleep(1))",
      "SELECT 1 FROM t GROUP BY ROLLUP (pg_sleep(1))",
      "VALUES (pg_sleep(1))",
      "SELECT * FROM jsonb_to_record(pg_sleep(1)::text::jsonb) AS r(a int)",
      "SELECT coalesce(pg_sleep(1), NULL)",
      "SELECT make_interval(secs => pg_sleep(1)::text::float8)",
      "SELECT 1 FROM t LIMIT pg_sleep(1)::text::int",
    ];
    expect(places.map((sql) => rejection(sql))).toEqual(places.map(() => "SQL_FORBIDDEN_FUNCTION"));
  });

  it("refuses casts to types outside the allow-list, including inside column definitions", () => {
    expect(rejection("SELECT x::regclass FROM t")).toBe("SQL_FORBIDDEN_TYPE");
    expect(rejection("SELECT * FROM jsonb_to_record('{}') AS r(a regclass)")).toBe("SQL_FORBIDDEN_TYPE");
    expect(rejection("SELECT x::public.my_type FROM t")).toBe("SQL_FORBIDDEN_TYPE");
    expect(rejection("SELECT x::numeric(10,2), y::varchar(3)[], z::timestamp with time zone FROM t")).toBe("accepted");
  });

  it("refuses SQL longer than the limit, and empty SQL", () => {
    expect(rejection("SELECT 1", { ...options, maxLength: 5 })).toBe("SQL_TOO_LONG");
    expect(rejection("  -- nothing\n")).toBe("SQL_PARSE_ERROR");
  });

  it("gives the parser's position and a hint for syntax errors", () => {
    try {
      guardSqlSync("SELECT FROM WHERE", options);
      expect.unreachable();
    } catch (error) {
      const e = error as SqlSandboxError;
      expect(e.code).toBe("SQL_PARSE_ERROR");
      expect(e.details.position).toBe(13);
      expect(e.hint.length).toBeGreaterThan(0);
    }
  });
});
