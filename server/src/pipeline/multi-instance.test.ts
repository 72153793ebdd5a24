import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, startTestApp, type TestApp } from "../testing/app.ts";
import { loadSharedDataset } from "../testing/datasets.ts";
import type { TestDatabase } from "../testing/postgres.ts";

const progress = `subscription($runId: ID!) { queryProgress(runId: $runId) { seq stage status } }`;

describe("two instances sharing PostgreSQL and Redis", () => {
  let a: TestApp;
  let b: TestApp;
  let northwind: TestDatabase;
  let token: string;
  let sourceId: string;

  beforeAll(async () => {
    [a, northwind] = await Promise.all([startTestApp("services"), loadSharedDataset("northwind")]);
    b = await startTestApp("services", { databaseUrl: a.database!.url });
    token = (await a.signUp()).token;
    const added = await a.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name: "Trading", connectionUrl: northwind.url } }, token);
    sourceId = added.data!.addDataSource.dataSource.id;
  }, 120_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await northwind?.drop();
  });

  it("delivers every event of a run started on one instance to subscribers on the other, exactly once, in order", async () => {
    const subscribers = 5;
    for (let round = 0; round < 3; round++) {
      const asked = await a.gql(`mutation($input: AskInput!) { ask(input: $input) { run { id } } }`, { input: { message: "Number of orders per ship country", dataSourceId: sourceId } }, token);
      const runId = asked.data!.ask.run.id;
      const streams = Array.from({ length: subscribers }, () => collect<{ queryProgress: { seq: number; stage: string } }>(b.ws(token), progress, { runId }, 1000, 30_000).done);
      const received = await Promise.all(streams);
      const stored = await a.app.services.events.list(Buffer.from(runId, "base64").toString().split(":")[1]!);
      for (const events of received) {
        const seqs = events.map((e) => e.data!.queryProgress.seq);
        expect(seqs).toEqual(stored.map((e) => e.seq));
        expect(events.at(-1)!.data!.queryProgress.stage).toBe("DONE");
      }
    }
  });

  it("streams live events published on one instance to a subscriber already waiting on the other", async () => {
    const { prisma } = a.app.services;
    const session = await prisma.session.create({ data: { userId: (await prisma.user.findFirstOrThrow()).id, title: "Live", expiresAt: new Date(Date.now() + 3_600_000) } });
    const run = await prisma.queryRun.create({ data: { sessionId: session.id, userId: session.userId, question: "live", status: "RUNNING", heartbeatAt: new Date() } });
    await a.app.services.events.append(run.id, { stage: "UNDERSTAND", status: "STARTED" });
    const listening = collect<{ queryProgress: { seq: number; stage: string; status: string } }>(b.ws(token), progress, { runId: Buffer.from(`QueryRun:${run.id}`).toString("base64") }, 1000, 20_000);
    await listening.ready;
    for (const stage of ["UNDERSTAND", "DISCOVER", "CONTEXT"]) await a.app.services.events.append(run.id, { stage, status: "COMPLETED" });
    await a.app.services.events.append(run.id, { stage: "DONE", status: "COMPLETED" });
    const seen = (await listening.done).map((r) => r.data!.queryProgress);
    expect(seen.map((e) => `${e.seq}:${e.stage}:${e.status}`)).toEqual(["1:UNDERSTAND:STARTED", "2:UNDERSTAND:COMPLETED", "3:DISCOVER:COMPLETED", "4:CONTEXT:COMPLETED", "5:DONE:COMPLETED"]);
  });

  it("a session change on one instance reaches the owner's subscription on the other", async () => {
    const sub = collect<{ sessionChanged: { kind: string } }>(b.ws(token), `subscription { sessionChanged { kind sessionId } }`, {}, 1);
    await sub.ready;
    await a.gql(`mutation { createSession(input: { title: "Across instances" }) { session { id } } }`, {}, token);
    expect((await sub.done)[0]!.data!.sessionChanged.kind).toBe("CREATED");
  });

  it("a run whose instance died is failed by another instance's sweeper, and its subscribers are told", async () => {
    const { prisma, events } = b.app.services;
    const session = await prisma.session.create({ data: { userId: (await prisma.user.findFirstOrThrow()).id, title: "Orphan", expiresAt: new Date(Date.now() + 3_600_000) } });
    const run = await prisma.queryRun.create({
      data: { sessionId: session.id, userId: session.userId, question: "orphaned", status: "RUNNING", instanceId: "gone", heartbeatAt: new Date(Date.now() - 120_000) },
    });
    await events.append(run.id, { stage: "UNDERSTAND", status: "STARTED" });
    const listening = collect<{ queryProgress: { seq: number; stage: string; status: string } }>(b.ws(token), progress, { runId: Buffer.from(`QueryRun:${run.id}`).toString("base64") }, 1000, 20_000);
    expect(await a.app.services.runner.sweep()).toBeGreaterThanOrEqual(1);
    const seen = (await listening.done).map((r) => r.data!.queryProgress);
    expect(seen.map((e) => [e.seq, e.stage, e.status])).toEqual([
      [1, "UNDERSTAND", "STARTED"],
      [2, "DONE", "FAILED"],
    ]);
    const after = await prisma.queryRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(after).toMatchObject({ status: "FAILED", errorCode: "RUN_ABANDONED" });
    const message = await prisma.message.findFirstOrThrow({ where: { runId: run.id } });
    expect(message.kind).toBe("ERROR");
    expect(await b.app.services.runner.sweep()).toBe(0);
  });
});
