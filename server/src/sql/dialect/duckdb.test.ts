import { beforeAll, describe, expect, it } from "vitest";
import { initParser } from "../guard/parser.ts";
import { strftimeFormat, toDuckdbSql } from "./duckdb.ts";

beforeAll(() => initParser());

describe("toDuckdbSql", () => {
  it("adds PostgreSQL's backslash escape to LIKE and ILIKE patterns that name none", () => {
    expect(toDuckdbSql("SELECT * FROM t WHERE a ILIKE '%50\\%%' AND b NOT LIKE 'x\\_' || c ORDER BY a")).toBe(
      "SELECT * FROM t WHERE a ILIKE '%50\\%%' ESCAPE '\\' AND b NOT LIKE 'x\\_' || c ESCAPE '\\' ORDER BY a",
    );
    expect(toDuckdbSql("SELECT a LIKE lower(b || '%') AS m FROM t")).toBe("SELECT a LIKE lower(b || '%') ESCAPE '\\' AS m FROM t");
    expect(toDuckdbSql("SELECT CASE WHEN a LIKE 'x%' THEN 1 END AS c FROM t")).toBe("SELECT CASE WHEN a LIKE 'x%' ESCAPE '\\' THEN 1 END AS c FROM t");
    expect(toDuckdbSql("SELECT a LIKE 'x!%' ESCAPE '!' AS m FROM t")).toBe("SELECT a LIKE 'x!%' ESCAPE '!' AS m FROM t");
  });

  it("gives bare numeric a precision, turns jsonb into JSON and drops pg_catalog prefixes", () => {
    expect(toDuckdbSql("SELECT pg_catalog.sum(x)::numeric AS s, CAST(y AS numeric) y, z::numeric(10,2) z, w::jsonb w FROM t")).toBe(
      "SELECT sum(x)::DECIMAL(38,10) AS s, CAST(y AS DECIMAL(38,10)) y, z::numeric(10,2) z, w::JSON w FROM t",
    );
  });

  it("renames the JSON constructors and aggregates, not columns that share their names", () => {
    expect(toDuckdbSql("SELECT json_build_array(count(*), 1) a, jsonb_build_object('k', v) o, jsonb_agg(v) g, t.json_agg FROM t WHERE every(x)")).toBe(
      "SELECT json_array(count(*), 1) a, json_object('k', v) o, json_group_array(v) g, t.json_agg FROM t WHERE bool_and(x)",
    );
  });

  it("turns to_char with a literal date template into strftime, and leaves other templates alone", () => {
    expect(toDuckdbSql("SELECT to_char(placed, 'YYYY-MM') AS month, to_char(at, 'FMMonth DD, HH24:MI') AS at FROM t")).toBe(
      "SELECT strftime(placed, '%Y-%m') AS month, strftime(at, '%B %d, %H:%M') AS at FROM t",
    );
    expect(toDuckdbSql("SELECT to_char(amount, '999D99') AS a FROM t")).toBe("SELECT to_char(amount, '999D99') AS a FROM t");
  });

  it("names unaliased select-list items as PostgreSQL does, in the leftmost SELECT only", () => {
    expect(
      toDuckdbSql(
        "SELECT region, count(*), sum(x)::numeric, '1'::int, a IS DISTINCT FROM b, CASE WHEN a THEN 1 END, (SELECT max(y) FROM u), EXISTS (SELECT 1), to_char(d, 'YYYY') FROM t GROUP BY 1",
      ),
    ).toBe(
      `SELECT region, count(*) AS "count", sum(x)::DECIMAL(38,10) AS "sum", '1'::int AS "int4", a IS DISTINCT FROM b AS "?column?", CASE WHEN a THEN 1 END AS "case", (SELECT max(y) FROM u) AS "max", EXISTS (SELECT 1) AS "exists", strftime(d, '%Y') AS "to_char" FROM t GROUP BY 1`,
    );
    expect(toDuckdbSql("SELECT avg(x) FROM t UNION ALL SELECT min(y) FROM u")).toBe(`SELECT avg(x) AS "avg" FROM t UNION ALL SELECT min(y) FROM u`);
    expect(toDuckdbSql("SELECT x, mode() WITHIN GROUP (ORDER BY y) FROM t GROUP BY x")).toBe(`SELECT x, mode() WITHIN GROUP (ORDER BY y) AS "mode" FROM t GROUP BY x`);
    expect(toDuckdbSql("SELECT * FROM t")).toBe("SELECT * FROM t");
    expect(toDuckdbSql("VALUES (1, 'a'), (2, 'b')")).toBe(`SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS "*VALUES*"(column1, column2)`);
  });

  it("edits by byte offsets, so text before an edit may be any UTF-8", () => {
    expect(toDuckdbSql("SELECT 'é€😀' AS x, count(*) FROM t WHERE a LIKE 'ü%'")).toBe(`SELECT 'é€😀' AS x, count(*) AS "count" FROM t WHERE a LIKE 'ü%' ESCAPE '\\'`);
  });

  it("never touches literals, quoted names or comments that look like what it rewrites", () => {
    const sql = `SELECT 'pg_catalog.x LIKE numeric' AS "jsonb", "numeric" FROM t -- ILIKE 'a'`;
    expect(toDuckdbSql(sql)).toBe(sql);
  });
});

describe("strftimeFormat", () => {
  it("translates template patterns and quoted text, refusing unknown ones", () => {
    expect(strftimeFormat('YYYY "Q" Mon')).toBe("%Y Q %b");
    expect(strftimeFormat("DD/MM/YY HH12:MI:SS AM")).toBe("%d/%m/%y %I:%M:%S %p");
    expect(strftimeFormat("100%")).toBe("100%%");
    expect(strftimeFormat("YYYY-Q")).toBeUndefined();
  });
});
