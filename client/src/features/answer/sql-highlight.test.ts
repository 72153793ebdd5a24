import { describe, expect, it } from "vitest";
import { prettySql, tokenizeSql, type SqlToken } from "./sql-highlight.ts";

const kinds = (tokens: SqlToken[]) => tokens.filter((t) => t.kind !== "space").map((t) => `${t.kind}:${t.text}`);

describe("tokenizeSql", () => {
  it("classifies keywords, functions, identifiers, numbers, strings and operators", () => {
    expect(kinds(tokenizeSql("SELECT sum(o.amount) AS total FROM orders o WHERE o.qty >= 10 AND o.status = 'it''s'"))).toEqual([
      "keyword:SELECT",
      "function:sum",
      "punctuation:(",
      "identifier:o",
      "punctuation:.",
      "identifier:amount",
      "punctuation:)",
      "keyword:AS",
      "identifier:total",
      "keyword:FROM",
      "identifier:orders",
      "identifier:o",
      "keyword:WHERE",
      "identifier:o",
      "punctuation:.",
      "identifier:qty",
      "operator:>=",
      "number:10",
      "keyword:AND",
      "identifier:o",
      "punctuation:.",
      "identifier:status",
      "operator:=",
      "string:'it''s'",
    ]);
  });

  it("knows comments, quoted identifiers, casts, parameters and dollar quotes", () => {
    expect(kinds(tokenizeSql(`-- top\nSELECT "Order Id"::text, $1, $$a'b$$ /* note */ FROM t`))).toEqual([
      "comment:-- top",
      "keyword:SELECT",
      'quoted:"Order Id"',
      "operator:::",
      "type:text",
      "punctuation:,",
      "parameter:$1",
      "punctuation:,",
      "string:$$a'b$$",
      "comment:/* note */",
      "keyword:FROM",
      "identifier:t",
    ]);
  });

  it("treats keywords before parentheses as keywords (IN, OVER, CAST) and types with arguments as types", () => {
    expect(kinds(tokenizeSql("x IN (1) OVER (ORDER BY y) numeric(12, 2) date_trunc('month', d)"))).toEqual(
      expect.arrayContaining(["keyword:IN", "keyword:OVER", "type:numeric", "function:date_trunc", "string:'month'"]),
    );
  });

  it("loses no character, even in unfinished or odd input", () => {
    for (const sql of ["SELECT 'open string", "/* open comment", "SELECT ¤ FROM t;", 'SELECT "a', "SELECT 1.5e-3, .5"]) {
      expect(tokenizeSql(sql).map((t) => t.text).join("")).toBe(sql);
    }
  });
});

describe("prettySql", () => {
  it("puts clauses on their own lines and keeps letter case (a column may be called year)", () => {
    const pretty = prettySql("select year, count(*) from t where b > 1 group by year order by 2 desc limit 5");
    expect(pretty.split("\n")).toEqual(["select", "  year,", "  count(*)", "from", "  t", "where", "  b > 1", "group by", "  year", "order by", "  2 desc", "limit", "  5"]);
  });

  it("returns SQL it cannot parse unchanged", () => {
    expect(prettySql("  SELECT (((  ")).toBe("SELECT (((");
  });
});
