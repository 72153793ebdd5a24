import { once } from "node:events";
import { Redis } from "ioredis";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { testRedisUrl } from "../testing/app.ts";
import { createRedisGuard } from "./redis-guard.ts";

const log = pino({ level: "silent" });

async function connected() {
  const redis = new Redis(testRedisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0 });
  await once(redis, "ready");
  return redis;
}

describe("redis guard", () => {
  const clients: Redis[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  it("runs commands while Redis answers", async () => {
    const redis = await connected();
    clients.push(redis);
    const guard = createRedisGuard(redis, log);
    expect(await guard.run((r) => r.ping())).toEqual({ ok: true, value: "PONG" });
    expect(guard.available).toBe(true);
  });

  it("skips commands without issuing them while not connected", async () => {
    const redis = await connected();
    clients.push(redis);
    const guard = createRedisGuard(redis, log);
    redis.disconnect();
    await once(redis, "end");
    let issued = false;
    expect(await guard.run(async () => (issued = true))).toEqual({ ok: false });
    expect(issued).toBe(false);
    expect(guard.available).toBe(false);
  });

  it("skips Redis after a command failed (a timeout) until a ping after the cooldown succeeds", async () => {
    const redis = await connected();
    clients.push(redis);
    const clock = { now: 0 };
    const guard = createRedisGuard(redis, log, { cooldownMs: 1_000, now: () => clock.now });
    let recovered = 0;
    guard.onRecovered(() => recovered++);
    expect(await guard.run(() => Promise.reject(new Error("Command timed out")))).toEqual({ ok: false });
    let issued = 0;
    expect(await guard.run(async () => ++issued)).toEqual({ ok: false });
    expect(issued).toBe(0);
    expect(await guard.probe()).toBe(false);
    clock.now = 1_000;
    expect(await guard.probe()).toBe(true);
    expect(await guard.run((r) => r.ping())).toEqual({ ok: true, value: "PONG" });
    expect(recovered).toBe(1);
    expect(guard.available).toBe(true);
  });

  it("does not skip Redis for an error Redis answered with", async () => {
    const redis = await connected();
    clients.push(redis);
    const guard = createRedisGuard(redis, log);
    expect(await guard.run((r) => r.eval("return redis.error_reply('no')", 0))).toEqual({ ok: false });
    expect(guard.available).toBe(true);
  });

  it("tells when a dropped connection is back", async () => {
    const redis = await connected();
    clients.push(redis);
    const guard = createRedisGuard(redis, log);
    let recovered = 0;
    guard.onRecovered(() => recovered++);
    redis.disconnect();
    await once(redis, "end");
    await redis.connect();
    expect(recovered).toBe(1);
    expect(guard.available).toBe(true);
  });
});
