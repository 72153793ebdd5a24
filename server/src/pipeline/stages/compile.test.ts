import { describe, expect, it } from "vitest";
import { withUnreadWords } from "./compile.ts";

describe("withUnreadWords", () => {
  it("adds the words the engine did not use to the explanation, once each, and at most eight", () => {
    expect(withUnreadWords("Counts pets.", [])).toBe("Counts pets.");
    expect(withUnreadWords("Counts pets.", ["vaccinated", "vaccinated"])).toBe("Counts pets. Not used from the question: “vaccinated” — check that the answer does not depend on it.");
    const many = withUnreadWords("Counts pets.", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
    expect(many).toBe("Counts pets. Not used from the question: “a”, “b”, “c”, “d”, “e”, “f”, “g”, “h” and 2 more — check that the answer does not depend on them.");
  });
});
