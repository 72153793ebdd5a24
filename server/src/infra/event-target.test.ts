import { once } from "node:events";
import { Redis } from "ioredis";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { testRedisUrl } from "../testing/app.ts";
import { createRelayEventTarget } from "./event-target.ts";

const log = pino({ level: "silent" });

describe("relay event target", () => {
  const clients: Redis[] = [];
  afterEach(() => {
    for (const client of clients.splice(0)) client.disconnect();
  });

  async function client() {
    const redis = new Redis(testRedisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResubscribe: false });
    clients.push(redis);
    await once(redis, "ready");
    return redis;
  }

  async function instance(name: string) {
    const [publish, subscribe] = await Promise.all([client(), client()]);
    const target = createRelayEventTarget({ publish, subscribe, instanceId: name, log });
    return { publish, subscribe, target };
  }

  function listen(target: EventTarget, topic: string) {
    const got: unknown[] = [];
    target.addEventListener(topic, (event) => got.push((event as CustomEvent).detail));
    return got;
  }

  const topic = () => `test-relay:${Date.now()}:${Math.random()}`;

  it("delivers once to local listeners at once and once to other instances through Redis", async () => {
    const [a, b] = await Promise.all([instance("a"), instance("b")]);
    const channel = topic();
    const onA = listen(a.target, channel);
    const onB = listen(b.target, channel);
    await expect.poll(async () => (await a.publish.pubsub("NUMSUB", channel))[1]).toBe(2);
    a.target.dispatchEvent(new CustomEvent(channel, { detail: { n: 1 } }));
    expect(onA).toEqual([{ n: 1 }]);
    await expect.poll(() => onB).toEqual([{ n: 1 }]);
    // Its own message, back from Redis, is not delivered a second time.
    await a.publish.ping();
    await a.subscribe.ping();
    expect(onA).toEqual([{ n: 1 }]);
  });

  it("still delivers locally while Redis is down, and sends the held messages in order once it is back", async () => {
    const [a, b] = await Promise.all([instance("a"), instance("b")]);
    const channel = topic();
    const onA = listen(a.target, channel);
    const onB = listen(b.target, channel);
    await expect.poll(async () => (await b.publish.pubsub("NUMSUB", channel))[1]).toBe(2);
    a.publish.disconnect();
    await once(a.publish, "end");
    for (const n of [1, 2, 3]) a.target.dispatchEvent(new CustomEvent(channel, { detail: n }));
    expect(onA).toEqual([1, 2, 3]);
    expect((a.target as ReturnType<typeof createRelayEventTarget>).outboxSize).toBe(3);
    await a.publish.connect();
    await expect.poll(() => onB).toEqual([1, 2, 3]);
    expect((a.target as ReturnType<typeof createRelayEventTarget>).outboxSize).toBe(0);
  });

  it("subscribes again on reconnect to the topics that still have listeners", async () => {
    const [a, b] = await Promise.all([instance("a"), instance("b")]);
    const kept = topic();
    const left = topic();
    const onB = listen(b.target, kept);
    const leaving = (event: Event) => void event;
    b.target.addEventListener(left, leaving);
    b.subscribe.disconnect();
    await once(b.subscribe, "end");
    b.target.removeEventListener(left, leaving);
    await b.subscribe.connect();
    await expect.poll(async () => (await a.publish.pubsub("NUMSUB", kept, left)) as unknown[]).toEqual([kept, 1, left, 0]);
    a.target.dispatchEvent(new CustomEvent(kept, { detail: "after" }));
    await expect.poll(() => onB).toEqual(["after"]);
  });

  it("drops the oldest held messages past its bound", async () => {
    const publish = await client();
    const subscribe = await client();
    const target = createRelayEventTarget({ publish, subscribe, instanceId: "a", log, maxOutbox: 2 });
    publish.disconnect();
    await once(publish, "end");
    for (const n of [1, 2, 3]) target.dispatchEvent(new CustomEvent(topic(), { detail: n }));
    expect(target.outboxSize).toBe(2);
  });
});
