import { describe, expect, it } from "vitest";
import { joinWords, parseWords } from "./words";

describe("parseWords", () => {
  it("splits on commas and lines, trims, drops blanks and repeats", () => {
    expect(parseWords("turnover, Sales ,, sales\nincome")).toEqual(["turnover", "Sales", "income"]);
    expect(parseWords("   ")).toEqual([]);
  });

  it("round-trips through joinWords", () => {
    expect(parseWords(joinWords(["a b", "c"]))).toEqual(["a b", "c"]);
  });
});
