import { ReplyError, type Redis } from "ioredis";
import { createCircuitBreaker, type CircuitBreaker } from "./circuit-breaker.ts";
import type { Logger } from "./logger.ts";

export type Guarded<T> = { ok: true; value: T } | { ok: false };

/**
 * Runs the commands that requests issue (cache, rate limits) only while Redis
 * answers: not connected or recently failing means skipped at once, so a
 * request falls back instead of waiting for Redis. Whether a failing Redis
 * answers again is found out by a background ping, never by a request.
 */
export interface RedisGuard {
  readonly redis: Redis;
  /** Whether a command would be attempted now. */
  readonly available: boolean;
  run<T>(command: (redis: Redis) => Promise<T>): Promise<Guarded<T>>;
  /** Pings Redis once the cooldown is over; true when that closed the breaker. */
  probe(): Promise<boolean>;
  /** Called whenever Redis is usable again after an outage (may repeat). */
  onRecovered(listener: () => void): void;
}

export interface GuardOptions {
  /** After a failure, Redis is skipped for this long before a ping tries it again. */
  cooldownMs?: number;
  now?: () => number;
}

export function createRedisGuard(redis: Redis, log: Logger, options: GuardOptions = {}): RedisGuard {
  const listeners: (() => void)[] = [];
  const recovered = () => {
    for (const listener of listeners) listener();
  };
  const cooldownMs = options.cooldownMs ?? 1_000;
  const breaker: CircuitBreaker = createCircuitBreaker({ cooldownMs, now: options.now, onClose: recovered });
  let probeTimer: NodeJS.Timeout | undefined;
  const scheduleProbe = () => {
    clearTimeout(probeTimer);
    probeTimer = setTimeout(() => void guard.probe(), cooldownMs);
    probeTimer.unref();
  };

  let seenReady = redis.status === "ready";
  redis.on("ready", () => {
    // A fresh connection: whatever opened the breaker is behind us.
    clearTimeout(probeTimer);
    breaker.reset();
    if (seenReady) recovered();
    seenReady = true;
  });

  const guard: RedisGuard = {
    redis,
    get available() {
      return redis.status === "ready" && breaker.state === "closed";
    },
    async run<T>(command: (redis: Redis) => Promise<T>): Promise<Guarded<T>> {
      if (!guard.available) return { ok: false };
      try {
        return { ok: true, value: await command(redis) };
      } catch (error) {
        // Redis answered, with an error of ours: nothing to skip it for.
        if (error instanceof ReplyError) {
          log.warn({ err: error }, "redis refused a command");
          return { ok: false };
        }
        if (breaker.state === "closed") {
          log.warn({ err: error }, "redis command failed; skipping Redis until it answers");
          breaker.failure();
          scheduleProbe();
        }
        return { ok: false };
      }
    },
    async probe() {
      if (redis.status !== "ready" || !breaker.allow()) {
        // Too early, or not connected: look again, or a connection that never drops (a frozen server) keeps the breaker open for good.
        if (breaker.state !== "closed") scheduleProbe();
        return false;
      }
      try {
        await redis.ping();
        breaker.success();
        return true;
      } catch {
        breaker.failure();
        scheduleProbe();
        return false;
      }
    },
    onRecovered(listener) {
      listeners.push(listener);
    },
  };
  return guard;
}
