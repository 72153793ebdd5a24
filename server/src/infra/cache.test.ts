import { once } from "node:events";
import { Redis } from "ioredis";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { testRedisUrl } from "../testing/app.ts";
import { cached, createRedisCache } from "./cache.ts";
import { createRedisGuard } from "./redis-guard.ts";

const log = pino({ level: "silent" });

describe("Redis cache", () => {
  const clients: Redis[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  async function setUp(clock = { now: 0 }) {
    const redis = new Redis(testRedisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
    clients.push(redis);
    await once(redis, "ready");
    const guard = createRedisGuard(redis, log, { cooldownMs: 1_000, now: () => clock.now });
    const prefix = `am:cache:test-${Date.now()}-${Math.random()}:`;
    return { redis, guard, cache: createRedisCache(guard, prefix), prefix, clock };
  }

  it("stores, reads and deletes JSON entries", async () => {
    const { cache } = await setUp();
    await cache.set("a", { n: 1 }, 60);
    expect(await cache.get("a")).toEqual({ n: 1 });
    await cache.delete("a");
    expect(await cache.get("a")).toBeUndefined();
  });

  it("is a miss while Redis is unreachable, and the caller reads the source", async () => {
    const { redis, cache } = await setUp();
    await cache.set("a", "cached", 60);
    redis.disconnect();
    await once(redis, "end");
    expect(await cache.get("a")).toBeUndefined();
    expect(await cached(cache, "a", 60, async () => "source")).toBe("source");
  });

  it("deletes again once Redis is back what it could not delete meanwhile", async () => {
    const { redis, cache, prefix } = await setUp();
    await cache.set("user", { version: 1 }, 60);
    redis.disconnect();
    await once(redis, "end");
    await cache.delete("user");
    expect(cache.pendingDeletes).toBe(1);
    await redis.connect();
    await expect.poll(() => cache.pendingDeletes).toBe(0);
    expect(await redis.exists(`${prefix}user`)).toBe(0);
  });

  it("keeps away from a key whose delete is pending, even when Redis answers again", async () => {
    const { redis, guard, cache, prefix, clock } = await setUp();
    await cache.set("ctx", "old", 60);
    // A timeout opens the breaker: the delete is skipped and remembered.
    await guard.run(() => Promise.reject(new Error("Command timed out")));
    await cache.delete("ctx");
    expect(await redis.get(`${prefix}ctx`)).toBe('"old"');
    expect(await cache.get("ctx")).toBeUndefined();
    await cache.set("ctx", "newer", 60);
    // After the cooldown a ping finds Redis answering, which replays the delete.
    clock.now = 1_000;
    expect(await guard.probe()).toBe(true);
    await expect.poll(() => cache.pendingDeletes).toBe(0);
    expect(await redis.exists(`${prefix}ctx`)).toBe(0);
  });
});
