import { describe, expect, it } from "vitest";
import { tokenize } from "../text/tokenize.ts";
import { clearsPeriod } from "./clear-period.ts";

describe("clearsPeriod", () => {
  it.each(["all years again", "show all years", "across all time", "every month again", "remove the date filter", "without the year filter"])("takes “%s” as the period removed", (q) => {
    expect(clearsPeriod(tokenize(q))).toBe(true);
  });
  it.each(["all years by region", "revenue for all years", "all customers again", "remove the region filter", "every year since 2020", "years"])("reads “%s” the ordinary way", (q) => {
    expect(clearsPeriod(tokenize(q))).toBe(false);
  });
});
