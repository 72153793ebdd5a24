import { LRUCache } from "lru-cache";
import type { RedisGuard } from "./redis-guard.ts";

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

/**
 * Shared through Redis, treated as a miss (reads) or skipped (writes) while
 * Redis is unreachable. A key that could not be deleted is deleted again when
 * Redis is back: the entry may have gone stale meanwhile (a log-out, a saved
 * session), and readers must not see it once Redis answers again.
 */
export function createRedisCache(guard: RedisGuard, prefix = "am:cache:", maxPendingDeletes = 10_000): Cache & { readonly pendingDeletes: number } {
  const pendingDeletes = new Set<string>();
  let replaying = false;

  async function replayDeletes() {
    if (replaying) return;
    replaying = true;
    try {
      while (pendingDeletes.size > 0) {
        const keys = [...pendingDeletes].slice(0, 500);
        const done = await guard.run((redis) => redis.del(...keys));
        if (!done.ok) return;
        for (const key of keys) pendingDeletes.delete(key);
      }
    } finally {
      replaying = false;
    }
  }
  guard.onRecovered(() => void replayDeletes());

  return {
    async get<T>(key: string) {
      if (pendingDeletes.has(prefix + key)) return undefined;
      const raw = await guard.run((redis) => redis.get(prefix + key));
      return raw.ok && raw.value !== null ? (JSON.parse(raw.value) as T) : undefined;
    },
    async set(key, value, ttlSeconds) {
      // Until its delete has reached Redis, this instance keeps away from the key.
      if (pendingDeletes.has(prefix + key)) return;
      await guard.run((redis) => redis.set(prefix + key, JSON.stringify(value), "EX", Math.max(1, Math.round(ttlSeconds))));
    },
    async delete(...keys) {
      if (keys.length === 0) return;
      const full = keys.map((k) => prefix + k);
      const done = await guard.run((redis) => redis.del(...full));
      if (done.ok) return;
      for (const key of full) {
        // Bounded: past it the oldest are dropped, and their entries expire with their TTL.
        if (pendingDeletes.size >= maxPendingDeletes) pendingDeletes.delete(pendingDeletes.values().next().value!);
        pendingDeletes.add(key);
      }
    },
    get pendingDeletes() {
      return pendingDeletes.size;
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
