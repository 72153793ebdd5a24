import { describe, expect, it } from "vitest";
import { createLimiter } from "./limiter.ts";

const tick = () => new Promise((r) => setTimeout(r, 5));

describe("run limiter", () => {
  it("caps runs per instance and per user, queues the rest in order, refuses past the queue", async () => {
    const limiter = createLimiter({ perInstance: 2, perUser: 1, maxQueued: 2 });
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const task = (name: string) => () =>
      new Promise<void>((resolve) => {
        started.push(name);
        gates.set(name, resolve);
      });
    const a1 = limiter.run("a", task("a1"));
    const a2 = limiter.run("a", task("a2"));
    const b1 = limiter.run("b", task("b1"));
    await tick();
    expect(started).toEqual(["a1", "b1"]);
    expect(limiter.stats()).toEqual({ running: 2, queued: 1 });
    limiter.run("c", task("c1"));
    expect(() => limiter.reserve("d")).toThrow(expect.objectContaining({ code: "RATE_LIMITED" }));
    gates.get("a1")!();
    await a1;
    await tick();
    expect(started).toEqual(["a1", "b1", "a2"]);
    gates.get("b1")!();
    await b1;
    await tick();
    expect(started).toEqual(["a1", "b1", "a2", "c1"]);
    gates.get("a2")!();
    gates.get("c1")!();
    await a2;
  });
});
