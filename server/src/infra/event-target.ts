import type { Redis } from "ioredis";
import type { Logger } from "./logger.ts";

type Listener = (event: CustomEvent) => void;
type ListenerArg = Listener | { handleEvent: Listener } | null;

/** What travels through Redis: the payload and the instance that published it. */
interface Envelope {
  from: string;
  detail: unknown;
}

export interface RelayOptions {
  publish: Redis;
  subscribe: Redis;
  /** This instance: its own messages coming back from Redis are not delivered twice. */
  instanceId: string;
  log: Logger;
  /** Messages held for other instances while Redis is down; past it the oldest are dropped. */
  maxOutbox?: number;
  /** How soon a flush that failed on a live connection (a timeout) is tried again. */
  retryMs?: number;
}

export interface RelayEventTarget extends EventTarget {
  /** Messages waiting for Redis. */
  readonly outboxSize: number;
}

const listenerOf = (arg: ListenerArg): Listener | null => (arg === null ? null : "handleEvent" in arg ? arg.handleEvent.bind(arg) : arg);

/**
 * A pub/sub event target that does not depend on Redis for this instance's own
 * subscribers: an event reaches local listeners at once and goes through Redis
 * only to the other instances. While Redis is down, messages for them wait in a
 * bounded outbox, published in order when it is back (a publish that timed out
 * after reaching Redis may arrive twice); topics with listeners are subscribed
 * again on every reconnect.
 */
export function createRelayEventTarget({ publish, subscribe, instanceId, log, maxOutbox = 10_000, retryMs = 1_000 }: RelayOptions): RelayEventTarget {
  const listeners = new Map<string, Map<ListenerArg, Listener>>();
  const outbox: { channel: string; message: string }[] = [];
  let flushing = false;
  let dropped = 0;
  let retry: NodeJS.Timeout | undefined;

  function deliver(topic: string, detail: unknown) {
    const callbacks = listeners.get(topic);
    if (!callbacks) return;
    const event = new CustomEvent(topic, { detail });
    for (const callback of [...callbacks.values()]) callback(event);
  }

  function hold(entry: { channel: string; message: string }) {
    if (outbox.length >= maxOutbox) {
      outbox.shift();
      if (dropped++ === 0) log.warn({ maxOutbox }, "redis outbox full; dropping the oldest messages for other instances");
    }
    outbox.push(entry);
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      while (outbox.length > 0 && publish.status === "ready") {
        const next = outbox[0]!;
        try {
          await publish.publish(next.channel, next.message);
        } catch {
          clearTimeout(retry);
          retry = setTimeout(() => void flush(), retryMs);
          retry.unref();
          return;
        }
        outbox.shift();
      }
      if (outbox.length === 0 && dropped > 0) {
        log.warn({ dropped }, "redis outbox delivered; some messages for other instances were dropped");
        dropped = 0;
      }
    } finally {
      flushing = false;
    }
  }

  publish.on("ready", () => void flush());
  subscribe.on("ready", () => {
    if (listeners.size > 0) subscribe.subscribe(...listeners.keys()).catch((error: unknown) => log.warn({ err: error }, "redis resubscribe failed"));
  });
  subscribe.on("message", (channel: string, raw: string) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return;
    }
    if (envelope.from !== instanceId) deliver(channel, envelope.detail);
  });

  const target = new EventTarget() as RelayEventTarget;
  Object.defineProperty(target, "outboxSize", { get: () => outbox.length });
  target.addEventListener = (topic: string, arg: ListenerArg) => {
    const callback = listenerOf(arg);
    if (!callback) return;
    let callbacks = listeners.get(topic);
    if (!callbacks) {
      listeners.set(topic, (callbacks = new Map()));
      // Fails at once while disconnected; the next "ready" subscribes it.
      subscribe.subscribe(topic).catch(() => {});
    }
    callbacks.set(arg, callback);
  };
  target.removeEventListener = (topic: string, arg: ListenerArg) => {
    const callbacks = listeners.get(topic);
    if (!callbacks?.delete(arg)) return;
    if (callbacks.size > 0) return;
    listeners.delete(topic);
    subscribe.unsubscribe(topic).catch(() => {});
  };
  target.dispatchEvent = (event: Event) => {
    const detail = (event as CustomEvent).detail as unknown;
    deliver(event.type, detail);
    const entry = { channel: event.type, message: JSON.stringify({ from: instanceId, detail } satisfies Envelope) };
    if (outbox.length > 0 || publish.status !== "ready") {
      hold(entry);
      void flush();
    } else {
      publish.publish(entry.channel, entry.message).catch(() => {
        hold(entry);
        void flush();
      });
    }
    return true;
  };
  return target;
}
