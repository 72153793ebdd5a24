import { LRUCache } from "lru-cache";
import type { RedisGuard } from "../../infra/redis-guard.ts";

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

/** Counts hits per key in fixed windows; `hit` counts one and says whether it is allowed. */
export interface RateLimiter {
  hit(key: string, limit: number): Promise<RateDecision>;
}

function decide(count: number, limit: number, resetMs: number): RateDecision {
  return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), resetSeconds: Math.max(1, Math.ceil(resetMs / 1000)) };
}

/**
 * One instance's counters. Bounded: under a flood of distinct keys (addresses)
 * the least recently seen are forgotten instead of memory growing.
 */
export function createMemoryRateLimiter(windowMs: number, maxKeys = 100_000): RateLimiter {
  const windows = new LRUCache<string, { count: number; resetAt: number }>({ max: maxKeys });
  return {
    async hit(key, limit) {
      const now = Date.now();
      let window = windows.get(key);
      if (!window || window.resetAt <= now) {
        window = { count: 0, resetAt: now + windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      return decide(window.count, limit, window.resetAt - now);
    },
  };
}

// Counts and starts the window in one round trip; repairs a key that lost its expiry.
const hitScript = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/**
 * Counters shared by every instance through Redis. While Redis is unreachable
 * (or answers too slowly) the instance falls back to its own counters: limits
 * stay (per instance) and requests do not wait for Redis.
 */
export function createRedisRateLimiter(guard: RedisGuard, windowMs: number, fallback: RateLimiter, prefix = "am:rl:"): RateLimiter {
  return {
    async hit(key, limit) {
      const shared = await guard.run((redis) => redis.eval(hitScript, 1, prefix + key, String(windowMs)) as Promise<[number, number]>);
      if (!shared.ok) return fallback.hit(key, limit);
      const [count, ttl] = shared.value;
      return decide(count, limit, ttl);
    },
  };
}
