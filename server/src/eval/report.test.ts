import { describe, expect, it } from "vitest";
import { createProgress, introspectionProgress, progressLine } from "./progress.ts";
import { failureCodes, formatReport, score, scoreByCategory, table } from "./report.ts";
import type { Outcome, TurnResult } from "./run.ts";

const turn = (id: string, dataset: string, outcome: Outcome, extra: Partial<TurnResult> = {}): TurnResult => ({
  id,
  turn: 0,
  question: `question ${id}`,
  sql: outcome === "right" || outcome === "wrong" || outcome === "unscored" ? "SELECT 1" : null,
  error: outcome === "asked" ? "CLARIFICATION: which one?" : outcome === "failed" ? "NO_JOIN_PATH: No chain of references connects a and b." : null,
  dataset,
  category: null,
  correct: outcome === "unscored" ? null : outcome === "right",
  outcome,
  code: outcome === "asked" ? "CLARIFICATION" : outcome === "failed" ? "NO_JOIN_PATH" : null,
  unread: [],
  ...extra,
});

const results: TurnResult[] = [
  turn("a1", "shop", "right", { category: "count" }),
  turn("a2", "shop", "wrong", { category: "count", unread: ["ratio"] }),
  turn("a3", "shop", "asked", { category: "join" }),
  turn("b1", "zoo", "failed", { category: "join" }),
  turn("b2", "zoo", "failed", { code: "SPEC_INVALID", error: "SPEC_INVALID: Unknown column “x.y”.", category: "join" }),
  turn("b3", "zoo", "right"),
  turn("b4", "zoo", "unscored"),
];

describe("eval report", () => {
  it("counts each outcome per dataset and overall, over the scored turns only", () => {
    const [shop, zoo, all] = score(results);
    expect(shop).toMatchObject({ label: "shop", turns: 3, turnsCorrect: 1, outcomes: { right: 1, wrong: 1, asked: 1, failed: 0 } });
    expect(zoo).toMatchObject({ label: "zoo", turns: 3, turnsCorrect: 1, outcomes: { right: 1, wrong: 0, asked: 0, failed: 2 } });
    expect(all).toMatchObject({ label: "all", turns: 6, turnsCorrect: 2, conversations: 6, conversationsCorrect: 2 });
  });

  it("scores per category, with cases without one under “(none)”, and nothing when no case has one", () => {
    expect(scoreByCategory(results).map((s) => [s.label, s.turnsCorrect, s.turns])).toEqual([
      ["(none)", 1, 1],
      ["count", 1, 2],
      ["join", 0, 3],
    ]);
    expect(scoreByCategory(results.map((r) => ({ ...r, category: null })))).toEqual([]);
  });

  it("counts failures by code, most frequent first", () => {
    expect(failureCodes([...results, turn("c1", "zoo", "failed")])).toEqual([
      ["NO_JOIN_PATH", 2],
      ["SPEC_INVALID", 1],
    ]);
  });

  it("prints the tables aligned, with the outcome columns and every turn that was not right", () => {
    const text = formatReport(results, 12_300);
    const lines = text.split("\n");
    const header = lines.find((l) => l.startsWith("dataset"))!;
    expect(header.split(/\s{2,}/)).toEqual(["dataset", "turns", "turn acc", "convs", "conv acc", "right", "wrong SQL", "asked back", "failed"]);
    const zoo = lines.find((l) => l.startsWith("zoo"))!;
    expect(zoo.split(/\s+/)).toEqual(["zoo", "1/3", "33.3%", "1/3", "33.3%", "1", "0", "0", "2"]);
    expect(zoo.length).toBe(header.length);
    expect(lines.find((l) => l.startsWith("all"))!.split(/\s+/)).toEqual(["all", "2/6", "33.3%", "2/6", "33.3%", "2", "1", "1", "2"]);
    expect(lines.find((l) => l.startsWith("join"))!.split(/\s+/)).toEqual(["join", "0/3", "0.0%", "0", "0", "1", "2"]);
    expect(lines.find((l) => l.startsWith("NO_JOIN_PATH"))!.split(/\s+/)).toEqual(["NO_JOIN_PATH", "1", "50.0%"]);
    expect(text).toContain("1 turn(s) without gold SQL");
    expect(text).toContain("Not right (4):");
    expect(text).toMatch(/a2#0 \[wrong SQL\] question a2 — different result \(unread: ratio\)/);
    expect(text).toContain("Wrong SQL: 1 with words of the question left unread (the answer says which), 0 with every word read (nothing warns the user).");
    expect(text).toMatch(/a3#0 \[asked back\] question a3 — CLARIFICATION: which one\?/);
    expect(text).toContain("7 turns in 12.3 s");
  });

  it("lays out a table with a rule under the header and for null rows", () => {
    expect(table(["name", "n"], [["ab", "1"], null, ["c", "10"]])).toEqual(["name   n", "--------", "ab     1", "--------", "c     10"]);
  });
});

describe("eval progress", () => {
  it("says what is done, the outcomes so far and the time left", () => {
    expect(progressLine(2, 4, results.slice(0, 3), 30_000, "a3")).toBe("[2/4] 1 right, 1 wrong SQL, 1 asked back, 0 failed · 30s, ~30s left · a3");
    expect(progressLine(4, 4, results, 125_000, "b4")).toBe("[4/4] 2 right, 1 wrong SQL, 1 asked back, 2 failed · 2m05s · b4");
  });

  it("prints about every 5% to a log and redraws one line on a terminal", () => {
    const written: string[] = [];
    const log = createProgress({ write: (t: string) => written.push(t) });
    for (let done = 1; done <= 100; done++) log.update(done, 100, [], `c${done}`);
    expect(written).toHaveLength(21);
    expect(written.every((l) => l.endsWith("\n") && !l.includes("\r"))).toBe(true);
    expect(written.at(-1)).toMatch(/^\[100\/100\] .* · c100\n$/);

    const screen: string[] = [];
    const tty = createProgress({ write: (t: string) => screen.push(t), isTTY: true });
    tty.update(1, 2, [], "x");
    tty.update(2, 2, [], "y");
    expect(screen[0]).toMatch(/^\r\u001b\[2K\[1\/2\] .* · x$/);
    expect(screen[1]).toMatch(/· y\n$/);
  });

  it("logs introspection phases as they end, and quarters of long ones", () => {
    const lines: string[] = [];
    const report = introspectionProgress("big", (l) => lines.push(l));
    for (let done = 0; done <= 4; done++) report({ phase: "catalog", done, total: 4 });
    for (let done = 100; done <= 1000; done += 100) report({ phase: "keys", done, total: 1000 });
    report({ phase: "keys", done: 1000, total: 1000 });
    report({ phase: "references", done: 0, total: 0 });
    expect(lines).toEqual([
      "  big: introspecting, catalog 4/4",
      "  big: introspecting, keys 300/1000",
      "  big: introspecting, keys 500/1000",
      "  big: introspecting, keys 800/1000",
      "  big: introspecting, keys 1000/1000",
    ]);
  });
});
