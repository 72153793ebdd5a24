import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "../../testing/app.ts";
import { createMemoryRateLimiter, createRedisRateLimiter } from "./rate-limiter.ts";

const log = pino({ level: "silent" });

describe("rate limiters", () => {
  const redis = new Redis(testRedisUrl, { lazyConnect: false });
  afterAll(() => redis.quit());

  it("count per key in a fixed window, in memory", async () => {
    const limiter = createMemoryRateLimiter(60_000);
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limiter.hit("a", 3));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([[true, 2], [true, 1], [true, 0], [false, 0]]);
    expect(decisions[3]!.resetSeconds).toBeGreaterThan(0);
    expect((await limiter.hit("b", 3)).remaining).toBe(2);
  });

  it("starts a new window when the old one ends", async () => {
    const limiter = createMemoryRateLimiter(50);
    await limiter.hit("a", 1);
    expect((await limiter.hit("a", 1)).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await limiter.hit("a", 1)).allowed).toBe(true);
  });

  it("shares counters between instances through Redis", async () => {
    await new Promise((resolve) => (redis.status === "ready" ? resolve(null) : redis.once("ready", resolve)));
    const prefix = `am:rl:test-${Date.now()}:`;
    const one = createRedisRateLimiter(redis, 60_000, createMemoryRateLimiter(60_000), log, prefix);
    const two = createRedisRateLimiter(redis, 60_000, createMemoryRateLimiter(60_000), log, prefix);
    expect((await one.hit("k", 2)).remaining).toBe(1);
    expect((await two.hit("k", 2)).remaining).toBe(0);
    expect((await one.hit("k", 2)).allowed).toBe(false);
    expect(await redis.pttl(`${prefix}k`)).toBeGreaterThan(0);
  });

  it("falls back to per-instance counters while Redis is unreachable", async () => {
    const down = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    const limiter = createRedisRateLimiter(down, 60_000, createMemoryRateLimiter(60_000), log);
    expect((await limiter.hit("k", 1)).allowed).toBe(true);
    expect((await limiter.hit("k", 1)).allowed).toBe(false);
    down.disconnect();
  });
});
