import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDataSource } from "../security/fixtures.ts";
import { startTestApp, type GraphQLResponse, type TestApp } from "../testing/app.ts";
import { runScript } from "../testing/datasets.ts";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import { expectComplete, follow, setPause, slowShopSql, type Feed } from "./fixtures.ts";
import { startRedis, type Service } from "./services.ts";

describe("Redis restarts in the middle of a run", () => {
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let shop: TestDatabase;
  let t: TestApp;
  let user: { token: string };
  let sourceId: string;

  beforeAll(async () => {
    [redis, shop] = await Promise.all([startRedis(), createTestDatabase("slowshop")]);
    await runScript(shop.url, slowShopSql);
    t = await startTestApp("services", { env: { REDIS_URL: redis.url } });
    user = await t.signUp();
    sourceId = await addDataSource(t, user.token, "Shop", shop.url);
  });
  afterAll(async () => {
    await t?.stop();
    await redis?.dispose();
    await shop?.drop();
  });

  it("finishes the run, serves requests meanwhile, and subscribers get every event once", async () => {
    await setPause(shop.url, 3);
    const asked = await t.gql(`mutation($input: AskInput!) { ask(input: $input) { run { id } } }`, { input: { message: "How many orders are there?", dataSourceId: sourceId } }, user.token);
    const runId = asked.data!.ask.run.id as string;
    const feed = follow(t.ws(user.token), runId);
    await feed.until((e) => e.stage === "EXECUTE" && e.status === "STARTED");

    await redis.kill();
    // Redis is gone: the API still answers (cache, rate limits and pub/sub degrade, the database decides).
    const during = await t.gql(`{ me { id } sessions(first: 5) { edges { node { id } } } }`, {}, user.token);
    expect(during.errors).toBeUndefined();
    const readiness = await fetch(`${t.url}/readyz`);
    expect(readiness.status).toBe(503);
    expect((await readiness.json()).redis).toBe("unreachable");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await redis.start();

    const events = await feed.done;
    expectComplete(events);
    expect(events.at(-1)).toMatchObject({ stage: "DONE", status: "COMPLETED" });
    // Stored: the same events, and the answer.
    const stored = await t.app.services.events.list((await t.app.services.prisma.queryRun.findFirstOrThrow({ where: { question: "How many orders are there?" } })).id);
    expect(stored.map((e) => [e.seq, e.stage, e.status])).toEqual(events.map((e) => [e.seq, e.stage, e.status]));
    const run = await t.gql(`query($id: ID!) { run(id: $id) { status rowCount result(page: 1, pageSize: 5) { rows } } }`, { id: runId }, user.token);
    expect(run.data!.run).toMatchObject({ status: "SUCCEEDED", rowCount: 1, result: { rows: [[60]] } });

    // A subscriber arriving after the restart replays the whole run.
    const late = await follow(t.ws(user.token), runId).done;
    expect(late.map((e) => e.seq)).toEqual(events.map((e) => e.seq));

    // And live events flow through the new Redis again.
    await setPause(shop.url, 1);
    const next = await t.gql(`mutation($input: AskInput!) { ask(input: $input) { run { id } } }`, { input: { message: "How many orders are there?", dataSourceId: sourceId } }, user.token);
    const again = await follow(t.ws(user.token), next.data!.ask.run.id).done;
    expectComplete(again);
    await expect.poll(async () => (await fetch(`${t.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
  });
});

/** One request and how it went. */
interface Sample {
  what: string;
  ms: number;
  codes: string[];
}

async function timed(samples: Sample[], what: string, request: () => Promise<GraphQLResponse>): Promise<GraphQLResponse> {
  const started = performance.now();
  const response = await request();
  samples.push({ what, ms: Math.round(performance.now() - started), codes: (response.errors ?? []).map((e) => e.extensions?.code ?? e.message) });
  return response;
}

/** Calls `{ me }` and creates a session on every instance, again and again, until stopped. */
function keepCalling(apps: TestApp[], token: string, samples: Sample[]) {
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(
        apps.flatMap((t, i) => [
          timed(samples, `me@${i}`, () => t.gql(`{ me { id } }`, {}, token)),
          timed(samples, `createSession@${i}`, () => t.gql(`mutation { createSession(input: {}) { session { id } } }`, {}, token)),
        ]),
      );
      await sleep(100);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

describe.each([
  { how: "killed", down: (redis: Awaited<ReturnType<typeof startRedis>>) => redis.kill(), up: (redis: Awaited<ReturnType<typeof startRedis>>) => redis.start() },
  { how: "frozen", down: async (redis: Awaited<ReturnType<typeof startRedis>>) => redis.freeze(), up: async (redis: Awaited<ReturnType<typeof startRedis>>) => redis.thaw() },
])("Redis is $how for 12 s while two instances serve clients", ({ down, up }) => {
  const outageMs = 12_000;
  let redis: Awaited<ReturnType<typeof startRedis>>;
  let shop: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let user: { token: string };
  let sourceId: string;

  beforeAll(async () => {
    [redis, shop] = await Promise.all([startRedis(), createTestDatabase("slowshop")]);
    await runScript(shop.url, slowShopSql);
    a = await startTestApp("services", { env: { REDIS_URL: redis.url } });
    b = await startTestApp("services", { databaseUrl: a.database!.url, env: { REDIS_URL: redis.url } });
    user = await a.signUp();
    sourceId = await addDataSource(a, user.token, "Shop", shop.url);
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.dispose();
    await shop?.drop();
  });

  it("answers every request within 500 ms, and every run's events reach subscribers on both instances exactly once", async () => {
    const samples: Sample[] = [];
    const ask = async (t: TestApp, message: string) => {
      const asked = await timed(samples, "ask", () => t.gql(`mutation($input: AskInput!) { ask(input: $input) { run { id } } }`, { input: { message, dataSourceId: sourceId } }, user.token));
      return asked.data!.ask.run.id as string;
    };
    // Subscribers on the instance running the run and on the other one.
    const followEverywhere = (runId: string): Feed[] => [a, b].map((t) => follow(t.ws(user.token), runId));
    await setPause(shop.url, 2);

    const before = await ask(a, "How many orders are there?");
    const beforeFeeds = followEverywhere(before);
    await Promise.all(beforeFeeds.map((feed) => feed.until((e) => e.stage === "EXECUTE" && e.status === "STARTED")));

    const stopCalling = keepCalling([a, b], user.token, samples);
    await sleep(2_000);
    const baseline = samples.splice(0);
    await down(redis);
    const outageStarted = Date.now();
    await sleep(1_000);
    const during = await ask(b, "How many orders are there in total?");
    const duringFeeds = followEverywhere(during);
    // The instance running it tells its own subscribers at once, Redis or not.
    await duringFeeds[1]!.until((e) => e.stage === "EXECUTE" && e.status === "STARTED");
    await sleep(outageStarted + outageMs - Date.now());
    const outage = samples.splice(0);
    await up(redis);
    await sleep(1_000);
    await stopCalling();

    const after = await ask(a, "How many orders?");
    const afterFeeds = followEverywhere(after);

    for (const [runId, feeds] of [[before, beforeFeeds], [during, duringFeeds], [after, afterFeeds]] as const) {
      const seen = await Promise.all(feeds.map((feed) => feed.done));
      // The API's ids are global ("QueryRun:<uuid>", base64); the store knows the uuid.
      const uuid = Buffer.from(runId, "base64").toString().split(":")[1]!;
      const stored = (await a.app.services.events.list(uuid)).map((e) => [e.seq, e.stage, e.status]);
      for (const events of seen) {
        expectComplete(events);
        expect(events.at(-1)).toMatchObject({ stage: "DONE", status: "COMPLETED" });
        expect(events.map((e) => [e.seq, e.stage, e.status])).toEqual(stored);
      }
    }

    const all = [...baseline, ...outage, ...samples];
    expect(outage.filter((s) => s.what.startsWith("me@")).length).toBeGreaterThan(20);
    expect(all.filter((s) => s.codes.length > 0)).toEqual([]);
    expect(all.filter((s) => s.ms >= 500)).toEqual([]);
    const summary = (list: Sample[]) => {
      const ms = list.map((s) => s.ms).sort((x, y) => x - y);
      return `${ms.length} requests, median ${ms[Math.floor(ms.length / 2)]} ms, slowest ${ms.at(-1)} ms`;
    };
    console.log(`Redis up: ${summary(baseline)}; Redis down: ${summary(outage)}; after: ${summary(samples)}`);
    await expect.poll(async () => (await fetch(`${a.url}/readyz`)).status, { timeout: 10_000 }).toBe(200);
  });
});
