import { describe, expect, it } from "vitest";
import { hashLabel, Random, WeightedTable } from "./random.ts";

const draws = (rng: Random, n: number) => Array.from({ length: n }, () => rng.next());

describe("Random", () => {
  it("repeats the same sequence for the same label and differs for another", () => {
    expect(draws(new Random("a"), 50)).toEqual(draws(new Random("a"), 50));
    expect(draws(new Random("a"), 5)).not.toEqual(draws(new Random("b"), 5));
    expect(draws(new Random("a").fork("x"), 5)).toEqual(draws(new Random("a/x"), 5));
    expect(hashLabel("a")).not.toBe(hashLabel("b"));
  });

  it("draws uniform floats in [0, 1)", () => {
    const values = draws(new Random("uniform"), 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const lowQuarter = values.filter((v) => v < 0.25).length / values.length;
    expect(lowQuarter).toBeCloseTo(0.25, 1);
  });

  it("draws integers covering both bounds", () => {
    const rng = new Random("ints");
    const seen = new Set(Array.from({ length: 2000 }, () => rng.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it("picks by weight, with the table and the scan agreeing on proportions", () => {
    const items = ["a", "b", "c"];
    const weights = [1, 3, 0];
    const rng = new Random("weights");
    const table = new WeightedTable(items, weights);
    const scan = { a: 0, b: 0, c: 0 } as Record<string, number>;
    const binary = { a: 0, b: 0, c: 0 } as Record<string, number>;
    for (let i = 0; i < 8000; i++) {
      scan[rng.weighted(items, weights)]!++;
      binary[table.pick(rng)]!++;
    }
    for (const counts of [scan, binary]) {
      expect(counts.c).toBe(0);
      expect(counts.b! / counts.a!).toBeGreaterThan(2.6);
      expect(counts.b! / counts.a!).toBeLessThan(3.4);
    }
  });

  it("rounds stochastically without bias and samples distinct items", () => {
    const rng = new Random("round");
    const total = Array.from({ length: 10_000 }, () => rng.round(2.3)).reduce((s, v) => s + v, 0);
    expect(total / 10_000).toBeCloseTo(2.3, 1);
    const sample = rng.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
    expect(rng.sample([1, 2], 5).sort()).toEqual([1, 2]);
  });

  it("approximates a normal distribution", () => {
    const rng = new Random("normal");
    const values = Array.from({ length: 10_000 }, () => rng.normal(10, 2));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });
});
