import { once } from "node:events";
import { Redis } from "ioredis";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { testRedisUrl } from "../../testing/app.ts";
import { createRedisGuard } from "../../infra/redis-guard.ts";
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
    const guard = createRedisGuard(redis, log);
    const one = createRedisRateLimiter(guard, 60_000, createMemoryRateLimiter(60_000), prefix);
    const two = createRedisRateLimiter(guard, 60_000, createMemoryRateLimiter(60_000), prefix);
    expect((await one.hit("k", 2)).remaining).toBe(1);
    expect((await two.hit("k", 2)).remaining).toBe(0);
    expect((await one.hit("k", 2)).allowed).toBe(false);
    expect(await redis.pttl(`${prefix}k`)).toBeGreaterThan(0);
  });

  it("falls back to per-instance counters while Redis is unreachable", async () => {
    const down = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    const limiter = createRedisRateLimiter(createRedisGuard(down, log), 60_000, createMemoryRateLimiter(60_000));
    expect((await limiter.hit("k", 1)).allowed).toBe(true);
    expect((await limiter.hit("k", 1)).allowed).toBe(false);
    down.disconnect();
  });

  it("falls back to per-instance counters when Redis drops, and shares them again once it is back", async () => {
    const client = new Redis(testRedisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    await new Promise((resolve) => client.once("ready", resolve));
    const prefix = `am:rl:test-drop-${Date.now()}:`;
    const limiter = createRedisRateLimiter(createRedisGuard(client, log), 60_000, createMemoryRateLimiter(60_000), prefix);
    expect((await limiter.hit("k", 5)).remaining).toBe(4);
    client.disconnect();
    await once(client, "end");
    // Counted here, not in Redis, and without waiting for a reconnect.
    expect((await limiter.hit("k", 5)).remaining).toBe(4);
    expect(await redis.get(`${prefix}k`)).toBe("1");
    await client.connect();
    expect((await limiter.hit("k", 5)).remaining).toBe(3);
    client.disconnect();
  });
});
