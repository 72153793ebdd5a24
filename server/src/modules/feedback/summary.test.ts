import { describe, expect, it } from "vitest";
import { periodStart, totals, worstQuestions, type RatedRow } from "./summary.ts";

const at = (day: number) => new Date(Date.UTC(2025, 0, day));

describe("feedback summary", () => {
  it("counts ratings and every category, zeros included", () => {
    const out = totals([
      { rating: "POSITIVE", category: null, count: 4 },
      { rating: "NEGATIVE", category: "WRONG_RESULT", count: 2 },
      { rating: "NEGATIVE", category: null, count: 1 },
      { rating: "NEGATIVE", category: "SLOW", count: 3 },
    ]);
    expect(out).toMatchObject({ total: 10, positive: 4, negative: 6 });
    expect(out.byCategory).toEqual([
      { category: "WRONG_RESULT", count: 2 },
      { category: "WRONG_CHART", count: 0 },
      { category: "MISUNDERSTOOD", count: 0 },
      { category: "SQL_ERROR", count: 0 },
      { category: "SLOW", count: 3 },
      { category: "OTHER", count: 0 },
    ]);
  });

  it("ranks questions by ratings down, grouping wordings that differ only in case and punctuation", () => {
    const rows: RatedRow[] = [
      { rating: "NEGATIVE", category: "WRONG_RESULT", question: "Revenue by month?", updatedAt: at(3) },
      { rating: "NEGATIVE", category: "MISUNDERSTOOD", question: "revenue by month", updatedAt: at(5) },
      { rating: "NEGATIVE", category: "WRONG_RESULT", question: "REVENUE BY MONTH!", updatedAt: at(4) },
      { rating: "POSITIVE", category: null, question: "Revenue by month", updatedAt: at(1) },
      { rating: "NEGATIVE", category: "SLOW", question: "Top customers", updatedAt: at(2) },
      { rating: "POSITIVE", category: null, question: "Orders per day", updatedAt: at(6) },
    ];
    const worst = worstQuestions(rows, 5);
    expect(worst).toEqual([
      { question: "revenue by month", negative: 3, positive: 1, categories: ["WRONG_RESULT", "MISUNDERSTOOD"], lastRatedAt: at(5) },
      { question: "Top customers", negative: 1, positive: 0, categories: ["SLOW"], lastRatedAt: at(2) },
    ]);
    expect(worstQuestions(rows, 1)).toHaveLength(1);
  });

  it("starts periods at fixed lengths before now", () => {
    const now = new Date("2025-03-31T12:00:00Z");
    expect(periodStart("WEEK", now)).toEqual(new Date("2025-03-24T12:00:00Z"));
    expect(periodStart("DAY", now)).toEqual(new Date("2025-03-30T12:00:00Z"));
    expect(periodStart("ALL", now)).toBeNull();
  });
});
