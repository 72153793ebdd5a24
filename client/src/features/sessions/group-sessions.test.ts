import { describe, expect, it } from "vitest";
import { groupSessions } from "./group-sessions";

describe("groupSessions", () => {
  it("files sessions under day buckets in order, leaving out empty ones", () => {
    const now = new Date(2026, 0, 10, 15, 0).getTime();
    const at = (days: number, hour = 9) => new Date(2026, 0, 10 - days, hour).toISOString();
    const groups = groupSessions(
      [
        { id: "a", updatedAt: at(0, 14) },
        { id: "b", updatedAt: at(0, 0) },
        { id: "c", updatedAt: at(1) },
        { id: "d", updatedAt: at(5) },
        { id: "e", updatedAt: at(90) },
      ],
      now,
    );
    expect(groups.map((g) => [g.label, g.sessions.map((s) => s.id)])).toEqual([
      ["Today", ["a", "b"]],
      ["Yesterday", ["c"]],
      ["Previous 7 days", ["d"]],
      ["Older", ["e"]],
    ]);
  });
});
