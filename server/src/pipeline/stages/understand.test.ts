import { describe, expect, it } from "vitest";
import { understand } from "./understand.ts";

const intent = (message: string) => understand(message, false).intent;

describe("understand", () => {
  it("takes short requests to see the data as browsing", () => {
    for (const m of ["Show me sales data", "I want to explore the HR data", "What is in the database?", "What data sources are there?", "Which tables do you have?", "What kind of data is there?"]) {
      expect(intent(m), m).toBe("browse");
    }
  });

  it("reads questions that merely mention the database or tables as questions", () => {
    for (const m of [
      "What is the ratio of publications to authors in the database?",
      "How many customers are in the database?",
      "Show me the total revenue by region from the sales data",
      "What are the names of the customers who bought something in the sales database?",
    ]) {
      expect(intent(m), m).toBe("question");
    }
  });

  it("tells greetings and prepared turns apart, and collapses whitespace", () => {
    expect(understand("  Hello!  ", false)).toEqual({ text: "Hello!", intent: "greeting" });
    expect(understand("Hello", true).intent).toBe("prepared");
    expect(understand("How many\n\n pets?\u200b", false)).toEqual({ text: "How many pets?", intent: "question" });
  });
});
