import { describe, expect, it } from "vitest";
import { buildTurns, type ConversationMessage } from "./turns";

const message = (id: string, role: "USER" | "ASSISTANT", kind: string, content: string, run: string | null): ConversationMessage => ({
  id,
  role,
  kind,
  content,
  payload: null,
  run: run ? { id: run } : null,
});

describe("buildTurns", () => {
  it("pairs each run's question with the assistant's reply in stored order", () => {
    const turns = buildTurns(
      [
        message("m1", "USER", "QUESTION", "What's the total revenue?", "r1"),
        message("m2", "ASSISTANT", "RESULT", "1 row.", "r1"),
        message("m3", "USER", "QUESTION", "Show by region", "r2"),
      ],
      [],
    );
    expect(turns.map((t) => [t.runId, t.question, t.reply?.kind ?? null])).toEqual([
      ["r1", "What's the total revenue?", "RESULT"],
      ["r2", "Show by region", null],
    ]);
  });

  it("keeps pending turns until their run is stored", () => {
    const stored = [message("m1", "USER", "QUESTION", "Q1", "r1")];
    const pending = [
      { key: "p1", question: "Q1", runId: "r1", error: null },
      { key: "p2", question: "Q2", runId: null, error: null },
      { key: "p3", question: "Q3", runId: null, error: { code: "RATE_LIMITED", message: "Too many" } },
    ];
    const turns = buildTurns(stored, pending);
    expect(turns.map((t) => [t.key, t.runId])).toEqual([
      ["p1", "r1"],
      ["p2", null],
      ["p3", null],
    ]);
    expect(turns[2]!.error?.code).toBe("RATE_LIMITED");
  });

  it("skips messages that belong to no run", () => {
    expect(buildTurns([message("m1", "ASSISTANT", "INFO", "Welcome", null)], [])).toEqual([]);
  });
});
