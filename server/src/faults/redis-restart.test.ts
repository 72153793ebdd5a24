import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDataSource } from "../security/fixtures.ts";
import { startTestApp, type TestApp } from "../testing/app.ts";
import { runScript } from "../testing/datasets.ts";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import { expectComplete, follow, setPause, slowShopSql } from "./fixtures.ts";
import { startRedis, type Service } from "./services.ts";

describe("Redis restarts in the middle of a run", () => {
  let redis: Service;
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
