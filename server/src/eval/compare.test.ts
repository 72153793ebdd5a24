import { describe, expect, it } from "vitest";
import { resultsMatch, type ResultSet } from "./compare.ts";

const rs = (columns: string[], rows: unknown[][]): ResultSet => ({ columns, rows });

describe("resultsMatch", () => {
  it("ignores column names, column order and extra predicted columns", () => {
    const gold = rs(["name", "n"], [["Rock", 10], ["Jazz", 3]]);
    expect(resultsMatch(gold, rs(["id", "count", "genre"], [[2, "3", "Jazz"], [1, "10", "Rock"]]), false)).toBe(true);
  });

  it("needs the same rows, not just the same column values", () => {
    const gold = rs(["a", "b"], [["x", 1], ["y", 2]]);
    expect(resultsMatch(gold, rs(["a", "b"], [["x", 2], ["y", 1]]), false)).toBe(false);
    expect(resultsMatch(gold, rs(["a", "b"], [["x", 1]]), false)).toBe(false);
  });

  it("compares numbers to two decimals and numeric strings as numbers", () => {
    expect(resultsMatch(rs(["v"], [[28.833896]]), rs(["v"], [["28.83"]]), false)).toBe(true);
    expect(resultsMatch(rs(["v"], [[1.5]]), rs(["v"], [[1.6]]), false)).toBe(false);
  });

  it("accepts a date bucket as a date, 'YYYY-MM', a year or a month number", () => {
    const byYear = rs(["y", "n"], [[2021, 5], [2022, 7]]);
    expect(resultsMatch(byYear, rs(["d", "n"], [[new Date("2021-01-01T00:00:00Z"), 5], [new Date("2022-01-01T00:00:00Z"), 7]]), false)).toBe(true);
    const byMonth = rs(["m", "n"], [["2024-01", 1], ["2024-02", 4]]);
    expect(resultsMatch(byMonth, rs(["d", "n"], [[new Date("2024-01-01T00:00:00Z"), 1], [new Date("2024-02-01T00:00:00Z"), 4]]), false)).toBe(true);
    expect(resultsMatch(rs(["m", "n"], [[1, 1], [2, 4]]), rs(["d", "n"], [["2024-01-01", 1], ["2024-02-01", 4]]), false)).toBe(true);
  });

  it("checks row order only for ordered turns", () => {
    const gold = rs(["k"], [["a"], ["b"]]);
    const reversed = rs(["k"], [["b"], ["a"]]);
    expect(resultsMatch(gold, reversed, false)).toBe(true);
    expect(resultsMatch(gold, reversed, true)).toBe(false);
  });

  it("treats two empty results as equal and nulls as values", () => {
    expect(resultsMatch(rs(["a"], []), rs(["x", "y"], []), false)).toBe(true);
    expect(resultsMatch(rs(["a"], [[null]]), rs(["a"], [[null]]), false)).toBe(true);
    expect(resultsMatch(rs(["a"], [[null]]), rs(["a"], [[0]]), false)).toBe(false);
  });
});
