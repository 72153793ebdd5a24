import { describe, expect, it } from "vitest";
import { EMPTY, columnLabel, formatCategory, formatCell, formatDateValue, formatDuration, formatNumber, formatTimeBucket, formatTimeTicks, parseDate, toNumber } from "./format.ts";

const en = { locale: "en-US" };

describe("toNumber", () => {
  it("reads numbers and numeric strings, nothing else", () => {
    expect(toNumber(12.5)).toBe(12.5);
    expect(toNumber("1234.50")).toBe(1234.5);
    expect(toNumber("-3e2")).toBe(-300);
    expect(toNumber(" 7 ")).toBe(7);
    expect(toNumber("12 apples")).toBeNull();
    expect(toNumber("")).toBeNull();
    expect(toNumber(null)).toBeNull();
    expect(toNumber(true)).toBeNull();
    expect(toNumber(Number.NaN)).toBeNull();
  });
});

describe("formatNumber", () => {
  it("formats by value format", () => {
    expect(formatNumber(1234567.891, "integer", en)).toBe("1,234,568");
    expect(formatNumber(1234.5678, "number", en)).toBe("1,234.57");
    expect(formatNumber(0.004213, "number", en)).toBe("0.0042");
    expect(formatNumber(1234.5, "currency", en)).toBe("$1,234.50");
    expect(formatNumber(1234.5, "currency", { ...en, currency: "EUR" })).toBe("€1,234.50");
    expect(formatNumber(0.256, "percent", en)).toBe("25.6%");
  });

  it("keeps every digit of decimals and bigints that arrive as strings", () => {
    expect(formatNumber("12345678901234567890", "integer", en)).toBe("12,345,678,901,234,567,890");
    expect(formatNumber("98765432109876.25", "currency", en)).toBe("$98,765,432,109,876.25");
  });

  it("keeps the scale a decimal arrived with, up to the format's precision", () => {
    expect(formatNumber("180.20", "number", en)).toBe("180.20");
    expect(formatNumber("150.0653594771241830", "number", en)).toBe("150.07");
    expect(formatNumber("7.5", "currency", en)).toBe("$7.50");
    expect(formatNumber("42.000", "integer", en)).toBe("42");
  });

  it("has a compact form for axes", () => {
    expect(formatNumber(1_234_567, "currency", { ...en, compact: true })).toBe("$1.2M");
    expect(formatNumber(45_300, "integer", { ...en, compact: true })).toBe("45.3K");
    expect(formatNumber(12, "number", { ...en, compact: true })).toBe("12");
  });

  it("leaves text that is not a number alone", () => {
    expect(formatNumber("n/a", "number", en)).toBe("n/a");
  });
});

describe("dates", () => {
  it("reads a plain date as that calendar day in any time zone", () => {
    const d = parseDate("2024-03-01")!;
    expect(d.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(parseDate("2024-03-01T10:30:00Z")!.toISOString()).toBe("2024-03-01T10:30:00.000Z");
    expect(parseDate("not a date")).toBeNull();
    expect(parseDate(null)).toBeNull();
  });

  it("names time buckets by grain, long and short", () => {
    const d = parseDate("2024-05-06")!;
    expect(formatTimeBucket(d, "year", en)).toBe("2024");
    expect(formatTimeBucket(d, "quarter", en)).toBe("Q2 2024");
    expect(formatTimeBucket(d, "quarter", { ...en, short: true })).toBe("Q2 ’24");
    expect(formatTimeBucket(d, "month", en)).toBe("May 2024");
    expect(formatTimeBucket(d, "month", { ...en, short: true })).toBe("May 24");
    expect(formatTimeBucket(d, "week", en)).toBe("Week of May 6, 2024");
    expect(formatTimeBucket(d, "day", en)).toBe("May 6, 2024");
    expect(formatTimeBucket(d, "day", { ...en, short: true })).toBe("May 6");
  });

  it("formats date and timestamp cells", () => {
    expect(formatDateValue("2024-12-31", "date", en)).toBe("Dec 31, 2024");
    expect(formatDateValue("2024-12-31T23:15:00Z", "timestamp", en)).toMatch(/^Dec 31, 2024, \d{1,2}:15\s?[AP]M$|^Jan 1, 2025/);
  });
});

describe("formatTimeTicks", () => {
  it("shows the year only where it starts or changes", () => {
    const months = ["2024-11-01", "2024-12-01", "2025-01-01", "2025-02-01"].map((d) => parseDate(d)!);
    expect(formatTimeTicks(months, "month", en)).toEqual(["Nov 2024", "Dec", "Jan 2025", "Feb"]);
    expect(formatTimeTicks(months, "quarter", en)).toEqual(["Q4 2024", "Q4", "Q1 2025", "Q1"]);
    expect(formatTimeTicks(months.slice(0, 2), "day", en)).toEqual(["Nov 1, 2024", "Dec 1"]);
    expect(formatTimeTicks(months, "year", en)).toEqual(["2024", "2024", "2025", "2025"]);
  });
});

describe("columnLabel", () => {
  it("turns snake_case names into words and keeps other names", () => {
    expect(columnLabel("avg_order_value")).toBe("Avg order value");
    expect(columnLabel("revenue")).toBe("Revenue");
    expect(columnLabel("Best category")).toBe("Best category");
    expect(columnLabel("customerId")).toBe("customerId");
  });
});

describe("formatCell", () => {
  it("formats each value type", () => {
    expect(formatCell(null, "integer")).toBe(EMPTY);
    expect(formatCell(undefined, "text")).toBe(EMPTY);
    expect(formatCell(true, "boolean")).toBe("Yes");
    expect(formatCell(false, "boolean")).toBe("No");
    expect(formatCell("1234.5", "decimal", undefined, en)).toBe("1,234.5");
    expect(formatCell("1234.5", "decimal", "currency", en)).toBe("$1,234.50");
    expect(formatCell(42, "bigint", undefined, en)).toBe("42");
    expect(formatCell("2024-01-15", "date", undefined, en)).toBe("Jan 15, 2024");
    expect(formatCell({ a: 1 }, "text")).toBe('{"a":1}');
    expect(formatCell("hello", "text")).toBe("hello");
  });
});

describe("formatCategory", () => {
  it("labels categories without grouping separators and names empty ones", () => {
    expect(formatCategory(2024, "integer", undefined)).toBe("2024");
    expect(formatCategory(null, "text", undefined)).toBe("(empty)");
    expect(formatCategory("", "text", undefined)).toBe("(empty)");
    expect(formatCategory("2024-02-01", "date", "month", en)).toBe("Feb 2024");
    expect(formatCategory("North", "text", undefined)).toBe("North");
  });
});

describe("formatDuration", () => {
  it("picks a readable unit", () => {
    expect(formatDuration(85.4)).toBe("85 ms");
    expect(formatDuration(1234)).toBe("1.2 s");
    expect(formatDuration(42_000)).toBe("42 s");
    expect(formatDuration(125_000)).toBe("2 min 5 s");
    expect(formatDuration(120_000)).toBe("2 min");
  });
});
