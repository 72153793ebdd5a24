import { describe, expect, it } from "vitest";
import { coerceFilter } from "./refine/operators.ts";
import { datePrefixValid, isCalendarDate } from "./literals.ts";
import { plan } from "./plan.ts";
import { NOW, shopModel } from "./testing/shop.ts";

describe("literals a question writes", () => {
  const model = shopModel();
  const outcome = (question: string) => plan({ question, model, now: NOW });

  it("refuses dates that are not in the calendar instead of rolling them over", () => {
    for (const question of ["orders on 2024-13-45", "orders since 2023-02-30", "orders on 13/45/2024", "orders on February 30, 2023", "orders before feb 29 of 2023"]) {
      const result = outcome(question);
      expect(result, question).toMatchObject({ kind: "reject", code: "INVALID_DATE" });
      expect(result.kind === "reject" && result.message, question).toMatch(/is not a date in the calendar/);
    }
    // Leap days and ordinary dates still read.
    for (const question of ["orders on 2024-02-29", "orders since February 29, 2024", "orders on 3/5/2024"]) {
      expect(outcome(question).kind, question).toBe("query");
    }
  });

  it("refuses numbers too large for exact arithmetic, a row count among them", () => {
    expect(outcome("top 99999999999999999999 customers")).toMatchObject({ kind: "reject", code: "NUMBER_TOO_LARGE" });
    expect(outcome("orders with quantity above 99999999999999999999")).toMatchObject({ kind: "reject", code: "NUMBER_TOO_LARGE" });
    expect(outcome("top 5 customers").kind).toBe("query");
  });

  it("checks calendar days and refinement values the same way", () => {
    expect([isCalendarDate(2024, 2, 29), isCalendarDate(2023, 2, 29), isCalendarDate(2024, 13, 1), isCalendarDate(2024, 4, 31)]).toEqual([true, false, false, false]);
    expect([datePrefixValid("2024-02-29"), datePrefixValid("2024-13-45T10:00"), datePrefixValid("last month")]).toEqual([true, false, true]);
    const refused = (type: "integer" | "date", value: string) => {
      try {
        coerceFilter("orders.x", type, "=", [value]);
        return null;
      } catch (error) {
        return { code: (error as { code: string }).code, field: (error as { details: { field?: string } }).details.field };
      }
    };
    expect(refused("integer", "99999999999999999999")).toEqual({ code: "REFINE_BAD_VALUE", field: "orders.x" });
    expect(refused("date", "2024-13-45")).toEqual({ code: "REFINE_BAD_VALUE", field: "orders.x" });
    expect(refused("integer", "9007199254740991")).toBeNull();
  });
});
