import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDataSource } from "../security/fixtures.ts";
import { startTestApp, testRedisUrl, type TestApp } from "../testing/app.ts";
import { runScript } from "../testing/datasets.ts";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import { childServerEnv, expectComplete, follow, setPause, slowShopSql } from "./fixtures.ts";
import { freePort, waitFor } from "./services.ts";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// The same secret as the in-process test instances: tokens from one work on the other.
const secret = "test-secret-that-is-long-enough-for-the-rules";

describe("an instance is killed in the middle of a run", () => {
  let appDb: TestDatabase;
  let shop: TestDatabase;
  let dataDir: string;
  let child: ChildProcess | undefined;
  let survivor: TestApp;

  beforeAll(async () => {
    [appDb, shop] = await Promise.all([createTestDatabase("killed"), createTestDatabase("slowshop")]);
    await runScript(shop.url, slowShopSql);
    dataDir = await mkdtemp(path.join(os.tmpdir(), "agentmedha-killed-"));
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await survivor?.stop();
    await Promise.all([appDb?.drop(), shop?.drop()]);
    await rm(dataDir, { recursive: true, force: true });
  });

  it("ends the run FAILED with RUN_ABANDONED from another instance, and subscribers there see it end", async () => {
    const port = await freePort();
    const env = childServerEnv({ port, databaseUrl: appDb.url, redisUrl: testRedisUrl, secret, dataDir }, { RUN_STALE_AFTER_SECONDS: "2" });
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: serverDir, env, stdio: "ignore" });
    const doomed = `http://127.0.0.1:${port}`;
    await waitFor("the child instance", async () => (await fetch(`${doomed}/healthz`)).ok, 60_000, 250);
    survivor = await startTestApp("services", { databaseUrl: appDb.url, env: { RUN_STALE_AFTER_SECONDS: "2" } });

    const user = await survivor.signUp();
    const sourceId = await addDataSource(survivor, user.token, "Shop", shop.url);
    await setPause(shop.url, 30);
    // Asked on the instance about to die: it runs the question.
    const asked = await fetch(`${doomed}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${user.token}` },
      body: JSON.stringify({ query: `mutation($input: AskInput!) { ask(input: $input) { run { id } session { id } } }`, variables: { input: { message: "How many orders are there?", dataSourceId: sourceId } } }),
    }).then((res) => res.json());
    const runId = asked.data.ask.run.id as string;
    const feed = follow(survivor.ws(user.token), runId);
    await feed.until((e) => e.stage === "EXECUTE" && e.status === "STARTED");

    child.kill("SIGKILL");
    await new Promise((resolve) => child!.once("exit", resolve));

    const events = await feed.done;
    expectComplete(events);
    expect(events.at(-1)).toMatchObject({ stage: "DONE", status: "FAILED", payload: { code: "RUN_ABANDONED" } });
    const run = await survivor.gql(`query($id: ID!) { run(id: $id) { status error { code hint } session { messages(first: 10) { edges { node { role kind } } } } } }`, { id: runId }, user.token);
    expect(run.data!.run).toMatchObject({ status: "FAILED", error: { code: "RUN_ABANDONED" } });
    // The question and the failure are both in the conversation, nothing more, nothing less.
    expect(run.data!.run.session.messages.edges.map((e: any) => `${e.node.role}:${e.node.kind}`)).toEqual(["USER:QUESTION", "ASSISTANT:ERROR"]);
    const stored = await survivor.app.services.events.list((await survivor.app.services.prisma.queryRun.findFirstOrThrow({ where: { status: "FAILED" } })).id);
    expect(stored.map((e) => e.seq)).toEqual(events.map((e) => e.seq));

    // The survivor answers the same question itself.
    await setPause(shop.url, 0);
    const again = await survivor.gql(`mutation($input: AskInput!) { ask(input: $input) { run { id } } }`, { input: { message: "How many orders are there?", dataSourceId: sourceId, sessionId: asked.data.ask.session.id } }, user.token);
    const rerun = await follow(survivor.ws(user.token), again.data!.ask.run.id).done;
    expect(rerun.at(-1)).toMatchObject({ stage: "DONE", status: "COMPLETED" });
  });
});
