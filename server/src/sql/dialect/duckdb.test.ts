import { beforeAll, describe, expect, it } from "vitest";
import { initParser } from "../guard/parser.ts";
import { strftimeFormat, toDuckdbSql } from "./duckdb.ts";

beforeAll(() => initParser());

describe("toDuckdbSql", () => {
  it("adds PostgreSQL's backslash escape to LIKE and ILIKE patterns that name none", () => {
    expect(toDuckdbSql("SELECT * FROM t WHERE a ILIKE '%50\\%%' AND b NOT LIKE 'x\\_' || c ORDER BY a")).toBe(
      "SELECT * FROM t WHERE a ILIKE '%50\\%%' ESCAPE '\\' AND b NOT LIKE 'x\\_' || c ESCAPE '\\' ORDER BY a",
    );
    expect(toDuckdbSql("SELECT a LIKE lower(b || '%') FROM t")).toBe("SELECT a LIKE lower(b || '%') ESCAPE '\\' FROM t");
    expect(toDuckdbSql("SELECT CASE WHEN a LIKE 'x%' THEN 1 END FROM t")).toBe("SELECT CASE WHEN a LIKE 'x%' ESCAPE '\\' THEN 1 END FROM t");
    expect(toDuckdbSql("SELECT a LIKE 'x!%' ESCAPE '!' FROM t")).toBe("SELECT a LIKE 'x!%' ESCAPE '!' FROM t");
  });

  it("gives bare numeric a precision, turns jsonb into JSON and drops pg_catalog prefixes", () => {
    expect(toDuckdbSql("SELECT pg_catalog.sum(x)::numeric, CAST(y AS numeric), z::numeric(10,2), w::jsonb FROM t")).toBe(
      "SELECT sum(x)::DECIMAL(38,10), CAST(y AS DECIMAL(38,10)), z::numeric(10,2), w::JSON FROM t",
    );
  });

  it("renames the JSON constructors and aggregates, not columns that share their names", () => {
    expect(toDuckdbSql("SELECT json_build_array(count(*), 1), jsonb_build_object('k', v), jsonb_agg(v), t.json_agg FROM t")).toBe(
      "SELECT json_array(count(*), 1), json_object('k', v), json_group_array(v), t.json_agg FROM t",
    );
  });

  it("turns to_char with a literal date template into strftime, and leaves other templates alone", () => {
    expect(toDuckdbSql("SELECT to_char(placed, 'YYYY-MM') AS month, to_char(at, 'FMMonth DD, HH24:MI') FROM t")).toBe(
      "SELECT strftime(placed, '%Y-%m') AS month, strftime(at, '%B %d, %H:%M') FROM t",
    );
    expect(toDuckdbSql("SELECT to_char(amount, '999D99') FROM t")).toBe("SELECT to_char(amount, '999D99') FROM t");
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
