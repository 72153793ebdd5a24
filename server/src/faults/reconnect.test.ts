import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDataSource } from "../security/fixtures.ts";
import { modes, startTestApp, type TestApp } from "../testing/app.ts";
import { runScript } from "../testing/datasets.ts";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";
import { expectComplete, follow, setPause, slowShopSql } from "./fixtures.ts";

describe.each(modes)("a client disconnects and reconnects with afterSeq (%s)", (mode) => {
  let t: TestApp;
  let shop: TestDatabase;
  let user: { token: string };
  let sourceId: string;

  beforeAll(async () => {
    [t, shop] = await Promise.all([startTestApp(mode), createTestDatabase("slowshop")]);
    await runScript(shop.url, slowShopSql);
    user = await t.signUp();
    sourceId = await addDataSource(t, user.token, "Shop", shop.url);
  });
  afterAll(async () => {
    await t?.stop();
    await shop?.drop();
  });

  it("loses nothing and doubles nothing, whether it comes back during the run or after it", async () => {
    await setPause(shop.url, 2);
    const asked = await t.gql(`mutation($input: AskInput!) { ask(input: $input) { run { id } } }`, { input: { message: "How many orders are there?", dataSourceId: sourceId } }, user.token);
    const runId = asked.data!.ask.run.id as string;

    // First connection: drops (the socket closes) once planning is done.
    const firstClient = t.ws(user.token);
    const first = follow(firstClient, runId);
    await first.until((e) => e.stage === "PLAN" && e.status === "COMPLETED");
    await firstClient.dispose();
    const seenFirst = [...first.events];

    // Back while the run still executes: the rest arrives live, from where it left.
    expect(seenFirst.at(-1)!.stage).not.toBe("DONE");
    const rest = await follow(t.ws(user.token), runId, seenFirst.at(-1)!.seq).done;
    const all = [...seenFirst, ...rest];
    expectComplete(all);
    const stored = await t.app.services.events.list((await t.app.services.prisma.queryRun.findFirstOrThrow({ where: { question: "How many orders are there?" } })).id);
    expect(all.map((e) => [e.seq, e.stage, e.status])).toEqual(stored.map((e) => [e.seq, e.stage, e.status]));

    // Back only after the end: the stored events fill the same gap.
    const replayed = await follow(t.ws(user.token), runId, seenFirst.at(-1)!.seq).done;
    expect(replayed).toEqual(rest);
    // Caught up: resuming from the last event completes at once with nothing.
    expect(await follow(t.ws(user.token), runId, all.at(-1)!.seq).done).toEqual([]);
  });
});
