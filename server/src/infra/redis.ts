import { Redis } from "ioredis";
import type { Logger } from "./logger.ts";

/** Requests never wait longer than this for one command; a slower Redis counts as down. */
export const redisCommandTimeoutMs = 200;

/**
 * A Redis connection that keeps reconnecting in the background, at most a
 * second apart, and logs state changes once instead of throwing. Commands
 * issued while it is not connected fail at once (no offline queue) and none
 * is retried: the callers (redis-guard.ts, event-target.ts) fall back or
 * replay themselves, so no request waits for Redis to come back.
 */
export function createRedis(url: string, log: Logger, role: "commands" | "publish" | "subscribe"): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    // Subscriptions are renewed by the event target, which knows which topics still have listeners.
    autoResubscribe: false,
    ...(role === "subscribe" ? {} : { commandTimeout: redisCommandTimeoutMs }),
    retryStrategy: (times) => Math.min(times * 100, 1_000),
  });
  let down = false;
  redis.on("error", (error) => {
    if (!down) log.warn({ role, err: error.message }, "redis unavailable");
    down = true;
  });
  redis.on("ready", () => {
    if (down) log.info({ role }, "redis reconnected");
    down = false;
  });
  return redis;
}
