import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "./args.ts";

describe("eval arguments", () => {
  it("resolves paths against the caller's directory and takes several datasets", () => {
    const args = parseArgs(["--cases", "c.jsonl", "--dataset", "a=x/a.sql", "--dataset=b=/abs/b.sql", "--out", "o/p.jsonl"], "/home/me");
    expect(args).toEqual({
      cases: path.resolve("/home/me/c.jsonl"),
      datasets: [
        { name: "a", path: path.resolve("/home/me/x/a.sql") },
        { name: "b", path: "/abs/b.sql" },
      ],
      out: path.resolve("/home/me/o/p.jsonl"),
    });
  });

  it("explains what is wrong in one line", () => {
    const bad: string[][] = [[], ["--cases", "c"], ["--cases", "c", "--out", "o"], ["--cases", "c", "--out", "o", "--dataset", "nopath"], ["--cases"], ["--what"], ["--cases", "c", "--out", "o", "--dataset", "a=1", "--dataset", "a=2"]];
    for (const argv of bad) {
      expect(() => parseArgs(argv, "/")).toThrow(UsageError);
      try {
        parseArgs(argv, "/");
      } catch (error) {
        expect((error as Error).message).not.toContain("\n");
      }
    }
  });
});
