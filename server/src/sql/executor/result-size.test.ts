import { describe, expect, it } from "vitest";
import { SqlSandboxError } from "../errors.ts";
import { formatBytes, maxFetchRows, ResultBudget, type ResultCaps } from "./result-size.ts";
import { rowTooLarge, sizeCheckFailure } from "./size-check.ts";

const caps = (over: Partial<ResultCaps> = {}): ResultCaps => ({ maxRows: 100, maxBytes: 1000, maxRowBytes: 100, maxValueBytes: 50, overBytes: "truncate", ...over });
const name = (i: number) => `c${i}`;

function thrown(run: () => unknown): SqlSandboxError {
  try {
    run();
  } catch (error) {
    if (error instanceof SqlSandboxError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("ResultBudget", () => {
  it("sizes the first FETCH so rows at the row cap stay under the database's total cap, later ones from the largest row seen", () => {
    const budget = new ResultBudget(caps());
    // The database stops the cursor at twice the budget: 2000 bytes, 20 rows of 100.
    expect(budget.totalCap).toBe(2000);
    expect(budget.nextFetch()).toBe(20);
    for (let i = 0; i < 5; i++) expect(budget.admit(["x".repeat(40), "y".repeat(40)], name)).toBe(true);
    // 400 bytes kept, rows of 80: 600 left is 7 more rows, and one to cross the budget.
    expect(budget.nextFetch()).toBe(8);
    const small = new ResultBudget(caps({ maxRows: 1_000_000, maxBytes: 1e9 }));
    small.admit(["1"], name);
    expect(small.nextFetch()).toBe(maxFetchRows);
  });

  it("fetches one row more than the row cap, to know whether the result was cut", () => {
    const budget = new ResultBudget(caps({ maxRows: 2 }));
    expect(budget.nextFetch()).toBe(3);
    expect([budget.admit(["a"], name), budget.admit(["b"], name), budget.admit(["c"], name)]).toEqual([true, true, false]);
    expect(budget.full).toBe(true);
  });

  it("truncates at the byte budget by default, and fails there when asked to or when nothing was kept", () => {
    const truncating = new ResultBudget(caps({ maxBytes: 100, maxRowBytes: 100 }));
    expect(truncating.admit(["x".repeat(45), "y".repeat(45)], name)).toBe(true);
    expect(truncating.admit(["z".repeat(20)], name)).toBe(false);
    expect(truncating.full).toBe(true);

    const failing = new ResultBudget(caps({ maxBytes: 100, maxRowBytes: 100, overBytes: "fail" }));
    failing.admit(["x".repeat(45), "y".repeat(45)], name);
    const error = thrown(() => failing.admit(["z".repeat(20)], name));
    expect(error.code).toBe("RESULT_TOO_LARGE");
    expect(error.message).toContain("100 bytes");
    expect(error.details).toMatchObject({ limit: 100 });
    expect(thrown(() => new ResultBudget(caps()).cut()).code).toBe("RESULT_TOO_LARGE");
  });

  it("refuses a value over the value cap as it arrives, naming its column, row and size", () => {
    const budget = new ResultBudget(caps());
    budget.admit(["ok", null], name);
    const error = thrown(() => budget.admit(["ok", "x".repeat(51)], name));
    expect(error.code).toBe("RESULT_TOO_LARGE");
    expect(error.message).toBe('The value of column "c1" in row 2 is 51 bytes; the limit is 50 bytes per value.');
    expect(error.details).toMatchObject({ name: "c1", limit: 50, size: 51 });
  });

  it("counts UTF-8 bytes, not UTF-16 units", () => {
    // 20 characters, 60 bytes.
    const error = thrown(() => new ResultBudget(caps()).admit(["€".repeat(20)], name));
    expect(error.details).toMatchObject({ size: 60 });
  });
});

describe("the database's size checks", () => {
  it("recognise the markers of a failed row or total check, and leave other failures alone", () => {
    expect(sizeCheckFailure({ message: 'invalid input syntax for type integer: "agentmedha_row_too_large:104857700"' })).toEqual({ kind: "row", size: 104857700 });
    expect(sizeCheckFailure({ message: 'invalid input syntax for type integer: "agentmedha_result_too_large:67108900"' })).toEqual({ kind: "total", size: 67108900 });
    expect(sizeCheckFailure({ message: "division by zero" })).toBeUndefined();
    expect(sizeCheckFailure(null)).toBeUndefined();
    const error = rowTooLarge(104857700, 1024 * 1024);
    expect(error.code).toBe("RESULT_TOO_LARGE");
    expect(error.message).toBe("A row of the result is 100.0 MiB; the limit is 1 MiB per row.");
    expect(error.details).toMatchObject({ limit: 1024 * 1024, size: 104857700 });
  });

  it("formats sizes for people", () => {
    expect([formatBytes(512), formatBytes(2048), formatBytes(1536), formatBytes(3 * 1024 ** 3)]).toEqual(["512 bytes", "2 KiB", "1.5 KiB", "3 GiB"]);
  });
});
