import { describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "../../semantic/bootstrap.ts";
import { col, snapshot, table } from "../../semantic/testing/snapshots.ts";
import { clearWinner, rankDataSources, type Candidate } from "./rank.ts";

const source = (id: string, tables: ReturnType<typeof table>[]) => ({ id, name: id, description: "", model: bootstrapSemanticModel(snapshot(tables)) });
const bookings = (from: string, to: string, extra: ReturnType<typeof col>[] = []) =>
  table("bookings", [col("booking_id", "integer"), col("booked_on", "date", { min: from, max: to }), col("guests", "integer"), ...extra], { primaryKey: ["booking_id"] });

describe("discovery evidence", () => {
  it("counts a dated period for the source whose dates cover it", () => {
    const old = source("old", [bookings("2001-01-01", "2003-12-31")]);
    const recent = source("recent", [bookings("2022-01-01", "2024-12-31")]);
    const [first, second] = rankDataSources("How many bookings in 2023?", [old, recent]);
    expect(first).toMatchObject({ id: "recent", matched: expect.arrayContaining([expect.stringMatching(/"in 2023" → dates of Booking/)]) });
    expect(second!.id).toBe("old");
    expect(first!.score).toBeGreaterThan(second!.score);
  });

  it("reads months as dates, not as values of a text column", () => {
    const withMonthNames = source("a", [bookings("2022-01-01", "2024-12-31", [col("room", "text", { samples: ["March", "June"], distinct: 2 })])]);
    const [only] = rankDataSources("bookings in March 2024", [withMonthNames]);
    expect(only!.matched.some((m) => m.includes("value in"))).toBe(false);
  });

  it("weighs a long exact phrase above a single synonym, and a typo-corrected word below a word known as written", () => {
    const staff = (titles: string[]) => table("staff", [col("staff_id", "integer"), col("title", "text", { samples: titles, distinct: titles.length })], { primaryKey: ["staff_id"] });
    const support = source("support", [staff(["Night Desk Manager", "Porter"])]);
    const other = source("other", [staff(["Manager", "Porter"])]);
    expect(rankDataSources("staff who are night desk managers", [other, support])[0]!.id).toBe("support");

    const ships = source("ships", [table("shippers", [col("shipper_id", "integer"), col("company", "text")], { primaryKey: ["shipper_id"] })]);
    const shops = source("shops", [table("shoppers", [col("shopper_id", "integer"), col("city", "text")], { primaryKey: ["shopper_id"] })]);
    // Without the discount both score the same (a table named by one word).
    const [first, second] = rankDataSources("list every shipper", [shops, ships]);
    expect(first).toMatchObject({ id: "ships", matched: ['"shipper" → table Shipper'] });
    expect(second).toMatchObject({ id: "shops", matched: ['"shipper" → table Shopper'] });
    expect(second!.score).toBeLessThan(first!.score);
  });
});

describe("clearWinner", () => {
  const candidate = (id: string, score: number): Candidate => ({ id, name: id, score, matched: ["x"], reason: "" });

  it("takes a lone match of one table, but not a faint one", () => {
    expect(clearWinner([candidate("a", 0.43)])?.id).toBe("a");
    expect(clearWinner([candidate("a", 0.2)])).toBeNull();
  });

  it("compares evidence, not saturated scores", () => {
    // Evidence 6 against 4.2: a clear lead although the scores are 0.6 and 0.512.
    expect(clearWinner([candidate("a", 0.6), candidate("b", 0.512)])?.id).toBe("a");
    expect(clearWinner([candidate("a", 0.6), candidate("b", 0.58)])).toBeNull();
    expect(clearWinner([candidate("a", 0.4), candidate("b", 0.1)])).toBeNull();
  });
});
