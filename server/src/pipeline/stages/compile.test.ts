import { describe, expect, it } from "vitest";
import { withReading, withUnreadWords } from "./compile.ts";

describe("withUnreadWords", () => {
  it("adds the words the engine did not use to the explanation, once each, and at most eight", () => {
    expect(withUnreadWords("Counts pets.", [])).toBe("Counts pets.");
    expect(withUnreadWords("Counts pets.", ["vaccinated", "vaccinated"])).toBe("Counts pets. Not used from the question: “vaccinated” — check that the answer does not depend on it.");
    const many = withUnreadWords("Counts pets.", ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
    expect(many).toBe("Counts pets. Not used from the question: “a”, “b”, “c”, “d”, “e”, “f”, “g”, “h” and 2 more — check that the answer does not depend on them.");
  });
});

describe("withReading", () => {
  it("names the words that decided the answer and the near spellings it assumed, not the structure words", () => {
    const understood = ["“how many” → count", "“clints” → table clients", "“Brazil” → value 'Brazil' of clients.country", "“in 2023” → time in 2023", "read clints→client"];
    expect(withReading("Counts clients.", understood)).toBe(
      "Counts clients. Read from the question: “clints” (table clients), “Brazil” (value 'Brazil' of clients.country), “in 2023” (time in 2023). Assumed “clints” means “client”.",
    );
    expect(withReading("Counts clients.", ["“how many” → count"])).toBe("Counts clients.");
  });
});
