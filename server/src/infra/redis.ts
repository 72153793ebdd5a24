import { Redis } from "ioredis";
import type { Logger } from "./logger.ts";

/**
 * A Redis connection that keeps retrying in the background (ioredis' default)
 * and logs state changes once instead of throwing: callers see failed commands,
 * the process stays up, and it recovers when Redis comes back.
 */
export function createRedis(url: string, log: Logger, role: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: false,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
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
