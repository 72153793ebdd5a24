import { describe, expect, it } from "vitest";
import { argMax, columnStats, isIsoDateText, toNumber } from "./values.ts";

describe("toNumber", () => {
  it("reads numbers, exact decimal strings, big integers as strings and formatted money", () => {
    expect(toNumber(3)).toBe(3);
    expect(toNumber("1234.50")).toBe(1234.5);
    expect(toNumber("-0.25")).toBe(-0.25);
    expect(toNumber("9007199254740993")).toBe(9007199254740992);
    expect(toNumber("1e3")).toBe(1000);
    expect(toNumber("$1,234.50")).toBe(1234.5);
    expect(toNumber("-$3.00")).toBe(-3);
  });

  it("refuses NULL, text, codes and non-finite values", () => {
    for (const v of [null, undefined, "NaN", "Infinity", "-Infinity", "A1", "12 apples", "", true, Number.NaN, { a: 1 }]) expect(toNumber(v)).toBeNull();
  });
});

describe("columnStats", () => {
  it("counts present, distinct, numeric, negative values and label lengths", () => {
    const rows = [["a", "1.5"], ["bb", "-2"], ["a", null], [null, "3"]];
    expect(columnStats(rows, 0)).toMatchObject({ present: 3, distinct: 2, numeric: 0, maxLength: 2 });
    expect(columnStats(rows, 1)).toMatchObject({ present: 3, distinct: 3, numeric: 3, negative: 1, sum: 2.5 });
  });

  it("recognises ISO dates and timestamps as text", () => {
    expect(columnStats([["2024-01-01"], ["2024-02-01T10:00:00Z"], ["2024-03"]], 0).dates).toBe(3);
    expect(isIsoDateText("2024-01-02 03:04:05+02")).toBe(true);
    expect(isIsoDateText("January 2024")).toBe(false);
  });
});

describe("argMax", () => {
  it("finds the first row holding the largest number, skipping nulls", () => {
    expect(argMax([[null], ["5"], [7], ["7.0"]], 0)).toBe(2);
    expect(argMax([[null], ["x"]], 0)).toBe(-1);
  });
});
