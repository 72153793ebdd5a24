import { describe, expect, it } from "vitest";
import { toCandidates, toChartSpec } from "./adapt";

describe("toChartSpec", () => {
  it("keeps known time grains and drops unknown ones", () => {
    const base = { type: "line" as const, title: "T", reason: "R", alternatives: ["bar" as const], y: [{ column: "v", label: "V", type: "decimal", format: "currency" }], series: null };
    expect(toChartSpec({ ...base, x: { column: "m", label: "Month", type: "date", format: "date", timeGrain: "month" } }).x).toEqual({ column: "m", label: "Month", type: "date", format: "date", timeGrain: "month" });
    expect(toChartSpec({ ...base, x: { column: "m", label: "Month", type: "date", format: "date", timeGrain: "fortnight" } }).x).not.toHaveProperty("timeGrain");
  });
});

describe("toCandidates", () => {
  it("shows a match score only when something matched", () => {
    const [matched, browsing] = toCandidates([
      { dataSourceId: "A", name: "Sales", description: "Orders", score: 0.55, matched: ["revenue"], reason: "Matches revenue" },
      { dataSourceId: "B", name: "HR", description: "", score: 0, matched: [], reason: "" },
    ]);
    expect(matched).toMatchObject({ id: "A", score: 0.55, reason: "Matches revenue" });
    expect(browsing).toEqual({ id: "B", name: "HR", description: null, matched: [], reason: null });
  });
});
