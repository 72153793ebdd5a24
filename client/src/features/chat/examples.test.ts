import { describe, expect, it } from "vitest";
import { exampleQuestions, plural, type ExampleModel } from "./examples";

const field = (label: string, role: string, values: number) => ({ name: label.toLowerCase(), label, role, sampleValues: Array.from({ length: values }, (_, i) => `v${i}`) });

const model: ExampleModel = {
  metrics: [{ name: "revenue", label: "Revenue", entity: "order_items" }],
  verifiedQueries: [],
  entities: [
    { name: "order_items", label: "Order item", bridge: false, rowCount: 11000, defaultTimeField: null, fields: [] },
    { name: "orders", label: "Order", bridge: false, rowCount: 6000, defaultTimeField: "order_date", fields: [field("Status", "DIMENSION", 5)] },
    { name: "customers", label: "Customer", bridge: false, rowCount: 640, defaultTimeField: "signup_date", fields: [field("Name", "DIMENSION", 640), field("Segment", "DIMENSION", 4)] },
    { name: "tags", label: "Tag", bridge: true, rowCount: 90000, defaultTimeField: null, fields: [] },
    { name: "levels", label: "Level", bridge: false, rowCount: 8, defaultTimeField: null, fields: [{ ...field("Code", "DIMENSION", 8), distinctCount: 8 }] },
  ],
};

describe("exampleQuestions", () => {
  it("starts with the model's metric, then the largest table over time, then tables by a small category", () => {
    expect(exampleQuestions(model)).toEqual(["What is the total revenue?", "How many orders per month?", "Orders by status", "Customers by segment"]);
  });

  it("does not offer a small table's names as a category", () => {
    expect(exampleQuestions(model, 10)).not.toContain("Levels by code");
  });

  it("does not repeat a verified question in other words", () => {
    const questions = exampleQuestions({ ...model, verifiedQueries: [{ question: "What's the total revenue?" }] }, 3);
    expect(questions).toEqual(["What's the total revenue?", "How many orders per month?", "Orders by status"]);
  });

  it("puts verified questions first", () => {
    const questions = exampleQuestions({ ...model, verifiedQueries: [{ question: "Revenue per rep in 2024" }] }, 3);
    expect(questions).toEqual(["Revenue per rep in 2024", "What is the total revenue?", "How many orders per month?"]);
  });

  it("has nothing to offer without a model", () => {
    expect(exampleQuestions(null)).toEqual([]);
  });
});

describe("plural", () => {
  it("follows the common English rules", () => {
    expect(plural("Order item")).toBe("order items");
    expect(plural("Category")).toBe("categories");
    expect(plural("Box")).toBe("boxes");
    expect(plural("Day")).toBe("days");
  });
});
