import { describe, expect, it } from "vitest";
import { createCircuitBreaker } from "./circuit-breaker.ts";

function breakerWithClock() {
  const clock = { now: 0 };
  const closed: number[] = [];
  const breaker = createCircuitBreaker({ cooldownMs: 1_000, now: () => clock.now, onClose: () => closed.push(clock.now) });
  return { breaker, clock, closed };
}

describe("circuit breaker", () => {
  it("lets calls through while closed", () => {
    const { breaker } = breakerWithClock();
    expect([breaker.allow(), breaker.allow()]).toEqual([true, true]);
    breaker.success();
    expect(breaker.state).toBe("closed");
  });

  it("refuses every call for the cooldown after a failure", () => {
    const { breaker, clock } = breakerWithClock();
    breaker.failure();
    expect(breaker.state).toBe("open");
    clock.now = 999;
    expect(breaker.allow()).toBe(false);
  });

  it("lets exactly one probe through after the cooldown, and closes when it succeeds", () => {
    const { breaker, clock, closed } = breakerWithClock();
    breaker.failure();
    clock.now = 1_000;
    expect(breaker.state).toBe("half-open");
    expect([breaker.allow(), breaker.allow(), breaker.allow()]).toEqual([true, false, false]);
    breaker.success();
    expect(breaker.state).toBe("closed");
    expect(breaker.allow()).toBe(true);
    expect(closed).toEqual([1_000]);
  });

  it("reopens for another cooldown when the probe fails", () => {
    const { breaker, clock, closed } = breakerWithClock();
    breaker.failure();
    clock.now = 1_500;
    expect(breaker.allow()).toBe(true);
    breaker.failure();
    clock.now = 2_400;
    expect(breaker.allow()).toBe(false);
    clock.now = 2_500;
    expect(breaker.allow()).toBe(true);
    expect(closed).toEqual([]);
  });

  it("closes at once on reset, and tells only when it was open", () => {
    const { breaker, closed } = breakerWithClock();
    breaker.reset();
    expect(closed).toEqual([]);
    breaker.failure();
    breaker.reset();
    expect(breaker.state).toBe("closed");
    expect(closed).toEqual([0]);
  });
});
