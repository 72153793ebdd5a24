import { describe, expect, it } from "vitest";
import { grainForSpan, previousPeriod, rangeDays, spanDays } from "./periods.ts";

describe("previousPeriod", () => {
  it("knows whole calendar years, quarters and months", () => {
    expect(previousPeriod("2024-01-01", "2025-01-01")).toEqual({ from: "2023-01-01", to: "2024-01-01", label: "2023", grain: "year" });
    expect(previousPeriod("2024-01-01", "2024-04-01")).toEqual({ from: "2023-10-01", to: "2024-01-01", label: "Q4 2023", grain: "quarter" });
    expect(previousPeriod("2024-03-01", "2024-04-01")).toEqual({ from: "2024-02-01", to: "2024-03-01", label: "February 2024", grain: "month" });
  });

  it("shifts any other closed range by its own length", () => {
    expect(previousPeriod("2024-03-10", "2024-04-09")).toEqual({ from: "2024-02-09", to: "2024-03-10", label: "the previous 30 days", grain: null });
    expect(previousPeriod("2024-02-10", "2024-02-11")).toMatchObject({ from: "2024-02-09", label: "the day before" });
    // Two months from the first of a month are no calendar unit.
    expect(previousPeriod("2024-01-01", "2024-03-01")?.grain).toBeNull();
  });

  it("has no previous period for open, reversed or unreadable ranges", () => {
    expect(previousPeriod("2024-01-01", null)).toBeNull();
    expect(previousPeriod(null, "2024-01-01")).toBeNull();
    expect(previousPeriod("2024-02-01", "2024-01-01")).toBeNull();
    expect(previousPeriod("last year", "2024-01-01")).toBeNull();
  });
});

describe("spans and grains", () => {
  it("measures ranges and field spans in days", () => {
    expect(rangeDays("2024-01-01", "2025-01-01")).toBe(366);
    expect(spanDays("2022-01-05 10:00:00", "2024-06-28 16:00:00")).toBe(905);
    expect(spanDays(null, "2024-01-01")).toBeNull();
  });

  it("chooses days for two months, months up to six years, years beyond", () => {
    expect(grainForSpan(30)).toBe("day");
    expect(grainForSpan(366)).toBe("month");
    expect(grainForSpan(3000)).toBe("year");
    expect(grainForSpan(null)).toBe("month");
  });
});
