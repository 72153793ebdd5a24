import { createPubSub, type PubSubEventTarget } from "graphql-yoga";
import type { Redis } from "ioredis";
import { createRelayEventTarget } from "./event-target.ts";
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
 * In-process when no Redis is configured; through Redis so several instances
 * share events. Either way an instance's own subscribers get its events at
 * once, Redis or not (event-target.ts).
 */
export function createAppPubSub(redis?: { publish: Redis; subscribe: Redis; instanceId: string; log: Logger }): PubSub {
  if (!redis) return createPubSub<Topics>();
  return createPubSub<Topics>({ eventTarget: createRelayEventTarget(redis) as PubSubEventTarget<Topics> });
}
