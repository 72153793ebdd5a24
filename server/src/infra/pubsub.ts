import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { createPubSub } from "graphql-yoga";
import type { Redis } from "ioredis";
import type { Logger } from "./logger.ts";

/** A change to one of a user's chat sessions, pushed to that user's clients. */
export interface SessionChange {
  kind: "CREATED" | "UPDATED" | "DELETED";
  sessionId: string;
}

/** A stored progress event of a run; `seq` (from 1) orders and de-duplicates them. */
export interface RunEventMessage {
  runId: string;
  seq: number;
  stage: string;
  status: "STARTED" | "PROGRESS" | "COMPLETED" | "SKIPPED" | "FAILED" | "NEEDS_INPUT" | "CANCELLED";
  payload: unknown;
  /** ISO 8601. */
  at: string;
  durationMs: number | null;
}

/**
 * Every topic the server publishes, keyed by the id that scopes it. Payloads
 * are JSON-serialisable so the Redis transport carries them unchanged.
 */
export type Topics = {
  sessionChanged: [userId: string, payload: SessionChange];
  runEvent: [runId: string, payload: RunEventMessage];
  /** Asks the instance running a run to cancel it. */
  runCancel: [instanceId: string, payload: { runId: string }];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>>;

/**
 * The Redis event target fires publish/subscribe commands without awaiting
 * them: while Redis is down each would become an unhandled rejection, which
 * ends a Node process. Failures are logged instead; subscribers recover what
 * they missed from the store (run feeds poll it) and ioredis resubscribes on
 * reconnect.
 */
function withoutUnhandledFailures(redis: Redis, log?: Logger): Redis {
  const fireAndForget = new Set<PropertyKey>(["publish", "subscribe", "unsubscribe"]);
  return new Proxy(redis, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== "function") return value;
      if (!fireAndForget.has(property)) return value.bind(target);
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((error: unknown) => {
          log?.warn({ err: error, command: String(property) }, "redis command failed");
        });
    },
  });
}

/** In-process when no Redis is configured; through Redis so several instances share events. */
export function createAppPubSub(redis?: { publish: Redis; subscribe: Redis }, log?: Logger): PubSub {
  if (!redis) return createPubSub<Topics>();
  return createPubSub<Topics>({
    eventTarget: createRedisEventTarget({ publishClient: withoutUnhandledFailures(redis.publish, log), subscribeClient: withoutUnhandledFailures(redis.subscribe, log) }),
  });
}
