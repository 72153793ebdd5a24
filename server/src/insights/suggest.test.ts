import { describe, expect, it } from "vitest";
import { compile } from "../engine/compile/compile.ts";
import { referencesUpward } from "../engine/graph.ts";
import { specEntities, type FieldRef, type QuerySpec } from "../engine/spec.ts";
import type { ResultColumn } from "../sql/executor/executor.ts";
import { MAX_SUGGESTIONS, suggestFollowUps } from "./suggest.ts";
import { specKey } from "./suggest/validate.ts";
import { col, COUNT_ORDERS, monthStart, ORDERED_AT, REVENUE, shopModel, spec } from "./testing.ts";
import type { Suggestion } from "./types.ts";

const model = shopModel();
const byStatus = { kind: "field", field: { entity: "sales_orders", field: "status" } } as const;
const byMonth = { kind: "field", field: ORDERED_AT, grain: "month" } as const;
const byClient = { kind: "entity", entity: "clients" } as const;
const byGroup = { kind: "entity", entity: "item_groups" } as const;
const year2023 = { kind: "range", field: ORDERED_AT, from: "2023-01-01", to: "2024-01-01", label: "2023" } as const;

function fieldRefs(s: QuerySpec): FieldRef[] {
  return [
    ...s.measures.flatMap((m) => (m.kind === "field" ? [m.field] : [])),
    ...s.dimensions.flatMap((d) => (d.kind === "field" ? [d.field] : [])),
    ...s.filters.flatMap((f) => (f.kind === "columns" ? [f.field, f.other] : [f.field])),
    ...s.columns,
  ];
}

/** Properties every suggestion list must have, checked independently of the code that builds it. */
function checkSuggestions(input: QuerySpec, suggestions: Suggestion[]): void {
  expect(suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
  const keys = suggestions.map((s) => specKey(s.spec));
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys).not.toContain(specKey(input));
  for (const s of suggestions) {
    expect(s.label.length).toBeGreaterThan(3);
    for (const ref of fieldRefs(s.spec)) {
      expect(model.entities.find((e) => e.name === ref.entity)?.fields.some((f) => f.name === ref.field), `${s.label}: ${ref.entity}.${ref.field}`).toBe(true);
    }
    expect(() => compile(s.spec, model), s.label).not.toThrow();
  }
}

function run(input: QuerySpec, columns: ResultColumn[], rows: unknown[][]): Suggestion[] {
  const out = suggestFollowUps({ spec: input, model, columns, rows });
  checkSuggestions(input, out);
  return out;
}

const kinds = (s: Suggestion[]) => s.map((x) => x.kind);
const find = (s: Suggestion[], kind: Suggestion["kind"]) => s.find((x) => x.kind === kind);

describe("suggestFollowUps", () => {
  it("breaks a count down, shows its trend and offers an amount instead", () => {
    const input = spec("sales_orders", { measures: [COUNT_ORDERS] });
    const out = run(input, [col("count", "bigint")], [[400]]);
    expect(out.length).toBeGreaterThanOrEqual(3);
    expect(out[0]).toMatchObject({ kind: "breakdown", label: "Break down by status" });
    expect(out[0]!.spec.dimensions).toEqual([byStatus]);
    const trend = find(out, "trend")!;
    expect(trend.label).toBe("Trend by month");
    expect(trend.spec.dimensions).toEqual([byMonth]);
    expect(trend.spec.order).toEqual([{ by: { kind: "dimension", index: 0 }, dir: "asc" }]);
    expect(find(out, "measure")!.spec.measures).toEqual([{ kind: "field", agg: "sum", field: { entity: "sales_orders", field: "shipping_fee" } }]);
    expect(kinds(out)).not.toContain("time_grain");
  });

  it("only groups by entities every aggregated row references, so nothing is counted twice", () => {
    const input = spec("clients", { measures: [{ kind: "count", entity: "clients" }] });
    const out = run(input, [col("count", "bigint")], [[50]]);
    expect(out.length).toBeGreaterThanOrEqual(2);
    for (const s of out) for (const e of specEntities(s.spec)) expect(referencesUpward(model, "clients", e), `${s.label} uses ${e}`).toBe(true);
  });

  it("for a grouped sum: swaps the grouping, ranks, keeps the leading group over time, and drills down", () => {
    const input = spec("order_lines", { measures: [REVENUE], dimensions: [byGroup] });
    // The leading group is the second row: the largest value, not the first row.
    const out = run(input, [col("group_id", "integer"), col("group_name", "text"), col("revenue", "decimal")], [[1, "Drinks", "500.00"], [2, "Ware", "700.50"]]);
    expect(out.length).toBeGreaterThanOrEqual(3);
    const breakdown = find(out, "breakdown")!;
    expect(breakdown.label).toMatch(/^By .+ instead$/);
    expect(breakdown.spec.dimensions).toHaveLength(1);
    expect(breakdown.spec.dimensions[0]).not.toEqual(byGroup);
    const only = find(out, "filter_top")!;
    expect(only.label).toBe("Only Ware, by month");
    expect(only.spec.filters).toContainEqual({ kind: "compare", field: { entity: "item_groups", field: "group_id" }, op: "=", values: [2] });
    expect(only.spec.dimensions).toEqual([byMonth]);
    const drill = find(out, "drill_down")!;
    expect(drill.label).toBe("Items in Ware");
    expect(drill.spec.dimensions).toEqual([{ kind: "entity", entity: "items" }]);
    expect(kinds(out)).not.toContain("top_n");
  });

  it("offers the top 10 of a long ranking, named by the grouped entity", () => {
    const input = spec("order_lines", { measures: [REVENUE], dimensions: [byClient] });
    const rows = Array.from({ length: 20 }, (_, i) => [i + 1, `Client ${i + 1}`, String(10 + i)]);
    const out = run(input, [col("client_id", "integer"), col("full_name", "text"), col("revenue", "decimal")], rows);
    const top = find(out, "top_n")!;
    expect(top.label).toBe("Top 10 clients");
    expect(top.spec).toMatchObject({ limit: 10, order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }], dimensions: [byClient] });
    expect(find(out, "filter_top")!.label).toBe("Only Client 20, by month");
    // Grouped by client, the client's own country or region is one value per bar: not a breakdown.
    const breakdown = find(out, "breakdown");
    expect(JSON.stringify(breakdown?.spec.dimensions ?? [])).not.toMatch(/clients|regions/);
  });

  it("turns an existing top N around rather than repeating it", () => {
    const input = spec("order_lines", { measures: [REVENUE], dimensions: [byClient], limit: 5, order: [{ by: { kind: "measure", index: 0 }, dir: "desc" }] });
    const rows = Array.from({ length: 5 }, (_, i) => [i + 1, `Client ${i + 1}`, String(50 - i)]);
    const out = run(input, [col("client_id", "integer"), col("full_name", "text"), col("revenue", "decimal")], rows);
    const bottom = find(out, "top_n")!;
    expect(bottom.label).toBe("Bottom 5 clients");
    expect(bottom.spec.order).toEqual([{ by: { kind: "measure", index: 0 }, dir: "asc" }]);
    // A limit counts rows: adding months to a top 5 would cut the wrong thing.
    expect(kinds(out)).not.toContain("trend");
  });

  it("for a time series in a year: splits it, changes the grain and compares with the year before", () => {
    const input = spec("order_lines", { measures: [REVENUE], dimensions: [byMonth], filters: [year2023], order: [{ by: { kind: "dimension", index: 0 }, dir: "asc" }] });
    const rows = Array.from({ length: 12 }, (_, i) => [monthStart(i), String(100 + i)]);
    const out = run(input, [col("month", "date"), col("revenue", "decimal")], rows);
    expect(out.length).toBeGreaterThanOrEqual(3);
    const grain = find(out, "time_grain")!;
    expect(grain.label).toBe("By quarter instead");
    expect(grain.spec.dimensions).toEqual([{ ...byMonth, grain: "quarter" }]);
    const compare = find(out, "compare_period")!;
    expect(compare.label).toBe("Compare with 2022");
    expect(compare.spec.filters).toEqual([{ ...year2023, from: "2022-01-01", label: "2022 and 2023" }]);
    expect(compare.spec.dimensions).toEqual([byMonth]);
    const split = find(out, "breakdown")!;
    expect(split.spec.dimensions[0]).toEqual(byMonth);
    expect(split.spec.dimensions).toHaveLength(2);
    expect(kinds(out)).not.toContain("trend");
  });

  it("compares a filtered total side by side with the previous period", () => {
    const input = spec("sales_orders", { measures: [COUNT_ORDERS], filters: [year2023] });
    const out = run(input, [col("count", "bigint")], [[120]]);
    const compare = find(out, "compare_period")!;
    expect(compare.spec.dimensions).toEqual([{ kind: "field", field: ORDERED_AT, grain: "year" }]);
    expect(compare.spec.filters[0]).toMatchObject({ from: "2022-01-01", to: "2024-01-01" });
    // A year's trend uses months, read from the range rather than the field's whole span.
    expect(find(out, "trend")!.spec.dimensions).toEqual([byMonth]);
  });

  it("never breaks down by a field the question already holds to one value", () => {
    const input = spec("sales_orders", { measures: [COUNT_ORDERS], filters: [{ kind: "compare", field: { entity: "sales_orders", field: "status" }, op: "=", values: ["shipped"] }] });
    const out = run(input, [col("count", "bigint")], [[300]]);
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const s of out) expect(s.spec.dimensions).not.toContainEqual(byStatus);
    expect(find(out, "breakdown")!.label).toBe("Break down by client country");
  });

  it("for a list of rows: counts them, splits the count and shows it over time", () => {
    const input = spec("clients", { filters: [{ kind: "compare", field: { entity: "clients", field: "country" }, op: "=", values: ["Brazil"] }] });
    const out = run(input, [col("client_id", "integer"), col("full_name", "text")], [[1, "Ana"], [2, "Bia"]]);
    expect(out.slice(0, 3).map((s) => s.label)).toEqual(["How many clients?", "Clients by city", "Clients per month"]);
    expect(out.slice(3).every((s) => s.kind === "breakdown")).toBe(true);
    for (const s of out) {
      expect(s.spec.measures).toEqual([{ kind: "count", entity: "clients" }]);
      expect(s.spec.filters).toEqual(input.filters);
    }
  });

  it("shows the groups behind a rolled-up average", () => {
    const input = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byClient], rollup: "avg" });
    const out = run(input, [col("avg_count", "decimal")], [["8.0"]]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: "drill_down", label: "Show each client" });
    expect(out[0]!.spec.rollup).toBeUndefined();
  });

  it("has nothing to transform for a verified query's SQL", () => {
    const input = { ...spec("sales_orders"), verifiedSql: "select 1" };
    expect(suggestFollowUps({ spec: input, model, columns: [col("x", "integer")], rows: [[1]] })).toEqual([]);
  });

  it("skips the leading-value filter when that value is null or there are no rows", () => {
    const input = spec("sales_orders", { measures: [COUNT_ORDERS], dimensions: [byStatus] });
    const columns = [col("status", "text"), col("count", "bigint")];
    expect(kinds(run(input, columns, [[null, 9], ["open", 1]]))).not.toContain("filter_top");
    expect(kinds(run(input, columns, []))).not.toContain("filter_top");
  });

  it("is deterministic", () => {
    const input = spec("order_lines", { measures: [REVENUE], dimensions: [byGroup] });
    const columns = [col("group_id", "integer"), col("group_name", "text"), col("revenue", "decimal")];
    const rows = [[1, "Drinks", "500.00"], [2, "Ware", "700.50"]];
    expect(suggestFollowUps({ spec: input, model, columns, rows })).toEqual(suggestFollowUps({ spec: structuredClone(input), model, columns, rows: structuredClone(rows) }));
  });

  it("does not change the spec it was given", () => {
    const input = spec("order_lines", { measures: [REVENUE], dimensions: [byMonth], filters: [year2023] });
    const before = structuredClone(input);
    suggestFollowUps({ spec: input, model, columns: [col("month", "date"), col("revenue", "decimal")], rows: [[monthStart(0), "1"], [monthStart(1), "2"]] });
    expect(input).toEqual(before);
  });
});
