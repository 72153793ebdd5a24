import { describe, expect, it } from "vitest";
import { day, daysInMonth, isoDate, isoTimestamp, minuteOf, monthOf, parseIsoDate, weekdayOf, workingDaysBetween, yearOf } from "./calendar.ts";

describe("calendar", () => {
  it("converts between days and ISO dates", () => {
    const d = day(2024, 2, 29);
    expect(isoDate(d)).toBe("2024-02-29");
    expect(parseIsoDate("2024-02-29")).toBe(d);
    expect(isoDate(d + 1)).toBe("2024-03-01");
    expect([yearOf(d), monthOf(d)]).toEqual([2024, 2]);
    expect(day(1970, 1, 1)).toBe(0);
  });

  it("knows weekdays, month lengths and working days", () => {
    expect(weekdayOf(day(2024, 12, 25))).toBe(3);
    expect(daysInMonth(day(2024, 2, 10))).toBe(29);
    expect(daysInMonth(day(2023, 2, 10))).toBe(28);
    expect(daysInMonth(day(2024, 12, 31))).toBe(31);
    // Friday 2024-03-01 to Monday 2024-03-04: Friday and Monday.
    expect(workingDaysBetween(day(2024, 3, 1), day(2024, 3, 4))).toBe(2);
  });

  it("formats minute timestamps", () => {
    expect(isoTimestamp(minuteOf(day(2023, 6, 13), 9, 5))).toBe("2023-06-13 09:05:00");
    expect(isoTimestamp(minuteOf(day(2023, 6, 13), 23, 59) + 1)).toBe("2023-06-14 00:00:00");
  });
});
