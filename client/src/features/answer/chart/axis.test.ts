import { describe, expect, it } from "vitest";
import { preferHorizontal, thinTicks, truncateLabel } from "./axis.ts";

describe("preferHorizontal", () => {
  it("lays bars down for long labels or many categories", () => {
    expect(preferHorizontal(["North", "South", "East", "West"], 900)).toBe(false);
    expect(preferHorizontal(["Enterprise customers in Europe", "SMB"], 900)).toBe(true);
    expect(preferHorizontal(Array.from({ length: 20 }, (_, i) => `C${i}`), 900)).toBe(true);
  });
  it("is stricter on a phone", () => {
    expect(preferHorizontal(["North", "South", "East", "West"], 360)).toBe(false);
    expect(preferHorizontal(["Electronics", "Toys"], 360)).toBe(true);
    expect(preferHorizontal(["A", "B", "C", "D", "E", "F", "G"], 360)).toBe(true);
  });
});

describe("thinTicks and truncateLabel", () => {
  it("keeps evenly spaced ticks, starting with the first", () => {
    expect(thinTicks([1, 2, 3], 5)).toEqual([1, 2, 3]);
    expect(thinTicks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4)).toEqual([1, 4, 7, 10]);
    expect(thinTicks(Array.from({ length: 24 }, (_, i) => i), 6)).toEqual([0, 4, 8, 12, 16, 20]);
  });
  it("shortens long labels with an ellipsis", () => {
    expect(truncateLabel("North", 10)).toBe("North");
    expect(truncateLabel("Enterprise customers", 10)).toBe("Enterpris…");
  });
});
