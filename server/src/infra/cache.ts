import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";

/**
 * A small JSON cache: in-process LRU by default, Redis when configured so every
 * instance sees the same entries and invalidations. Failures of the cache never
 * fail the caller: it falls back to the source of truth.
 */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(...keys: string[]): Promise<void>;
}

export function createMemoryCache(maxEntries = 10_000): Cache {
  const lru = new LRUCache<string, { json: string }>({ max: maxEntries, ttlAutopurge: false });
  return {
    async get<T>(key: string) {
      const hit = lru.get(key);
      return hit ? (JSON.parse(hit.json) as T) : undefined;
    },
    async set(key, value, ttlSeconds) {
      lru.set(key, { json: JSON.stringify(value) }, { ttl: ttlSeconds * 1000 });
    },
    async delete(...keys) {
      for (const key of keys) lru.delete(key);
    },
  };
}

export function createRedisCache(redis: Redis, prefix = "am:cache:"): Cache {
  return {
    async get<T>(key: string) {
      const raw = await redis.get(prefix + key).catch(() => null);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlSeconds) {
      await redis.set(prefix + key, JSON.stringify(value), "EX", Math.max(1, Math.round(ttlSeconds))).catch(() => {});
    },
    async delete(...keys) {
      if (keys.length) await redis.del(...keys.map((k) => prefix + k)).catch(() => {});
    },
  };
}

/** Read-through: the cached value, or `load()`'s result stored for next time. */
export async function cached<T>(cache: Cache, key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
  const hit = await cache.get<T>(key);
  if (hit !== undefined) return hit;
  const value = await load();
  if (value !== undefined && value !== null) await cache.set(key, value, ttlSeconds);
  return value;
}
