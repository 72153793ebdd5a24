import { parseSync, loadModule } from "libpg-query";
import { beforeAll, describe, expect, it } from "vitest";
import { guardSql } from "../../sql/guard/guard.ts";
import type { Refinement } from "./refinement.ts";
import { describeWrapped, refineWrapped, startWrapped, wrappedSql, type WrappedQuery } from "./wrap.ts";

const base = "SELECT a.name, count(*) AS albums, max(a.created) AS latest FROM public.artist a JOIN public.album b ON b.artist_id = a.id GROUP BY a.name";
const start = startWrapped(base, [
  { name: "name", type: "text" },
  { name: "albums", type: "bigint" },
  { name: "latest", type: "date" },
]);
const guardOptions = { allowedSchemas: ["public"], knownTables: new Set(["public.artist", "public.album"]) };

function apply(w: WrappedQuery, ...refinements: Refinement[]): WrappedQuery {
  return refinements.reduce((acc, r) => refineWrapped(acc, r).wrapped, w);
}

function codeOf(w: WrappedQuery, r: Refinement): string {
  try {
    refineWrapped(w, r);
  } catch (error) {
    return (error as { code: string }).code;
  }
  return "OK";
}

/** Column names referenced by the outer SELECT (not inside the subquery). */
function outerColumnRefs(sql: string): string[][] {
  const tree = parseSync(sql) as { stmts: { stmt: { SelectStmt: Record<string, unknown> } }[] };
  const outer = { ...tree.stmts[0]!.stmt.SelectStmt, fromClause: undefined };
  const refs: string[][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const ref = (node as { ColumnRef?: { fields: { String?: { sval: string }; A_Star?: object }[] } }).ColumnRef;
    if (ref) refs.push(ref.fields.map((f) => (f.String ? f.String.sval : "*")));
    for (const value of Object.values(node)) walk(value);
  };
  walk(outer);
  return refs;
}

describe("wrapping SQL without a spec", () => {
  beforeAll(() => loadModule());

  it("filters, sorts and limits over result columns only, and passes the guard", async () => {
    const w = apply(
      start,
      { kind: "addFilter", field: "name", operator: "contains", values: ["O'Brien 100%"] },
      { kind: "addFilter", field: "albums", operator: ">=", values: ["2"] },
      { kind: "changeSort", field: "albums", direction: "desc" },
      { kind: "changeLimit", limit: 10 },
    );
    const sql = wrappedSql(w);
    expect(sql).toContain(`q."name" ILIKE '%O''Brien 100\\%%'`);
    expect(sql).toContain(`q."albums" >= 2`);
    expect(sql).toMatch(/ORDER BY q\."albums" DESC NULLS LAST\nLIMIT 10$/);
    const guarded = await guardSql(sql, guardOptions);
    expect(guarded.tables.map((t) => t.name).sort()).toEqual(["album", "artist"]);
    const refs = outerColumnRefs(sql);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref[0]).toBe("q");
      expect(["*", "name", "albums"]).toContain(ref[1]);
    }
    expect(describeWrapped(w, "Albums per artist")).toBe("Albums per artist. Then: name contains O'Brien 100%; albums is at least 2; sorted by albums, highest first; first 10 rows.");
  });

  it("matches the start or the end of a text, escaping wildcards", async () => {
    const starts = wrappedSql(apply(start, { kind: "addFilter", field: "name", operator: "starts_with", values: ["A_b%"] }));
    expect(starts).toContain(`q."name" ILIKE 'A\\_b\\%%'`);
    const ends = apply(start, { kind: "addFilter", field: "name", operator: "ends_with", values: ["band"] });
    expect(wrappedSql(ends)).toContain(`q."name" ILIKE '%band'`);
    expect(describeWrapped(ends, "Albums per artist")).toBe("Albums per artist. Then: name ends with band.");
    await guardSql(starts, guardOptions);
    expect(() => apply(start, { kind: "addFilter", field: "name", operator: "starts_with", values: [" "] })).toThrow(/needs some text/);
  });

  it("keeps a hostile value inside one literal", async () => {
    const w = apply(start, { kind: "addFilter", field: "name", operator: "=", values: ["x'); DROP TABLE artist; --"] });
    const sql = wrappedSql(w);
    const guarded = await guardSql(sql, guardOptions);
    expect(guarded.sql).toContain(`q."name" = 'x''); DROP TABLE artist; --'`);
    expect(outerColumnRefs(sql)).toEqual([["q", "*"], ["q", "name"]]);
  });

  it("quotes odd column names", async () => {
    const odd = startWrapped(`SELECT 1 AS "we""ird", 2 AS "?column?"`, [
      { name: 'we"ird', type: "integer" },
      { name: "?column?", type: "integer" },
    ]);
    const sql = wrappedSql(apply(odd, { kind: "changeSort", field: 'we"ird', direction: "asc" }, { kind: "addFilter", field: "?column?", operator: "!=", values: ["3"] }));
    expect(sql).toContain(`WHERE q."?column?" <> 3`);
    expect(sql).toContain(`ORDER BY q."we""ird" ASC NULLS FIRST`);
    await expect(guardSql(sql, { allowedSchemas: ["public"] })).resolves.toBeTruthy();
  });

  it("replaces a filter on the same column, keeps the last sort and limit, and simplify undoes the latest", () => {
    const w = apply(
      start,
      { kind: "addFilter", field: "name", operator: "=", values: ["A"] },
      { kind: "addFilter", field: "name", operator: "=", values: ["B"] },
      { kind: "changeLimit", limit: 5 },
      { kind: "changeLimit", limit: 7 },
    );
    expect(w.ops.map((o) => o.label)).toEqual(["name is B", "first 5 rows", "first 7 rows"]);
    expect(wrappedSql(w)).toMatch(/WHERE q\."name" = 'B'\nLIMIT 7$/);
    const simpler = refineWrapped(w, { kind: "simplify", steps: 2 });
    expect(simpler.label).toBe("without: first 7 rows, first 5 rows");
    expect(simpler.wrapped.ops.map((o) => o.label)).toEqual(["name is B"]);
    expect(wrappedSql(refineWrapped(simpler.wrapped, { kind: "simplify", steps: 1 }).wrapped)).toBe(base);
  });

  it("refuses what it cannot do over result columns", () => {
    const dup = startWrapped("SELECT 1 AS x, 2 AS x", [
      { name: "x", type: "integer" },
      { name: "x", type: "integer" },
    ]);
    expect(codeOf(dup, { kind: "addFilter", field: "x", operator: "=", values: ["1"] })).toBe("REFINE_UNKNOWN_FIELD");
    expect(codeOf(start, { kind: "addFilter", field: "artist.name", operator: "=", values: ["x"] })).toBe("REFINE_UNKNOWN_FIELD");
    expect(codeOf(start, { kind: "addFilter", field: "latest", operator: "contains", values: ["x"] })).toBe("REFINE_BAD_OPERATOR");
    expect(codeOf(start, { kind: "addFilter", field: "albums", operator: "=", values: ["many"] })).toBe("REFINE_BAD_VALUE");
    expect(codeOf(start, { kind: "changeLimit", limit: 0 })).toBe("REFINE_BAD_LIMIT");
    expect(codeOf(start, { kind: "changeLimit", limit: 1_000_000 })).toBe("REFINE_BAD_LIMIT");
    expect(codeOf(start, { kind: "changeSort", field: "nope", direction: "asc" })).toBe("REFINE_UNKNOWN_FIELD");
    expect(codeOf(start, { kind: "addColumns", fields: ["name"] })).toBe("REFINE_NOT_SUPPORTED");
    expect(codeOf(start, { kind: "simplify", steps: 1 })).toBe("REFINE_NOTHING_TO_SIMPLIFY");
  });
});
