import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modes, startTestApp, type TestApp } from "../testing/app.ts";
import { createRunStore, type RunStore } from "./run-store.ts";

describe.each(modes)("run store (%s)", (mode) => {
  let t: TestApp;
  let runs: RunStore;
  let userId: string;
  beforeAll(async () => {
    t = await startTestApp(mode);
    runs = createRunStore(t.app.services.prisma);
    const { email } = await t.signUp();
    userId = (await t.app.services.prisma.user.findUniqueOrThrow({ where: { email } })).id;
  });
  afterAll(() => t.stop());

  const prisma = () => t.app.services.prisma;
  const newSession = () => prisma().session.create({ data: { userId, title: "Store", expiresAt: new Date(Date.now() + 3_600_000) } });
  const newRun = async (sessionId: string) => {
    const id = randomUUID();
    await runs.insertQuestion({ id, sessionId, userId, question: "how many 'tracks'?", request: { message: "how many 'tracks'?" }, dataSourceId: null, parentRunId: null, instanceId: "i-1" });
    return id;
  };

  it("stores the run with the user's question, then events in one statement, readable through the typed client", async () => {
    const session = await newSession();
    const id = await newRun(session.id);
    expect(await runs.markRunning(id, "i-2")).toBe(1);
    expect(await runs.markRunning(id, "i-3")).toBe(0);
    await runs.insertEvents([
      { runId: id, seq: 1, stage: "UNDERSTAND", status: "STARTED", payload: null, at: new Date().toISOString(), durationMs: null },
      { runId: id, seq: 2, stage: "UNDERSTAND", status: "COMPLETED", payload: { note: "ünïcode ' \" \\" }, at: new Date().toISOString(), durationMs: 3 },
    ]);
    const run = await prisma().queryRun.findUniqueOrThrow({ where: { id }, include: { messages: true, events: { orderBy: { seq: "asc" } } } });
    expect(run).toMatchObject({ status: "RUNNING", instanceId: "i-2", question: "how many 'tracks'?", request: { message: "how many 'tracks'?" } });
    expect(run.messages.map((m) => [m.role, m.kind, m.content])).toEqual([["USER", "QUESTION", "how many 'tracks'?"]]);
    expect(run.events.map((e) => [e.seq, e.status, e.payload, e.durationMs])).toEqual([
      [1, "STARTED", null, null],
      [2, "COMPLETED", { note: "ünïcode ' \" \\" }, 3],
    ]);
  });

  it("ends a run with its outcome, the assistant's message and the session's context; unset outcome fields keep their value", async () => {
    const session = await newSession();
    const id = await newRun(session.id);
    await prisma().queryRun.update({ where: { id }, data: { sql: "select 1", engine: "BUILTIN" } });
    const messageId = await runs.finish(
      id,
      session.id,
      { status: "SUCCEEDED", timings: { plan: 2 }, rows: [[1]], rowCount: 1, truncated: false, columns: [{ name: "n" }] },
      { kind: "RESULT", content: "1 row", payload: { rows: 1 } },
      { value: { lastSpec: { entity: "track" } }, dataSourceId: null },
    );
    const run = await prisma().queryRun.findUniqueOrThrow({ where: { id } });
    expect(run).toMatchObject({ status: "SUCCEEDED", sql: "select 1", engine: "BUILTIN", timings: { plan: 2 }, rows: [[1]], rowCount: 1, truncated: false });
    expect(run.finishedAt).toBeInstanceOf(Date);
    const message = await prisma().message.findUniqueOrThrow({ where: { id: messageId } });
    expect(message).toMatchObject({ role: "ASSISTANT", kind: "RESULT", content: "1 row", payload: { rows: 1 }, runId: id });
    const after = await prisma().session.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.context).toEqual({ lastSpec: { entity: "track" } });
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(session.updatedAt.getTime());
  });

  it("leaves the session's context alone when the answer did not move it, and writes nothing for a missing run", async () => {
    const session = await prisma().session.update({ where: { id: (await newSession()).id }, data: { context: { kept: true } } });
    const id = await newRun(session.id);
    await runs.finish(id, session.id, { status: "FAILED", timings: {}, errorCode: "SQL_INVALID", errorMessage: "no" }, { kind: "ERROR", content: "no" });
    expect((await prisma().session.findUniqueOrThrow({ where: { id: session.id } })).context).toEqual({ kept: true });
    expect(await prisma().queryRun.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "FAILED", errorCode: "SQL_INVALID" });

    const missing = randomUUID();
    await runs.finish(missing, session.id, { status: "SUCCEEDED", timings: {} }, { kind: "RESULT", content: "ghost" });
    expect(await prisma().message.count({ where: { sessionId: session.id, content: "ghost" } })).toBe(0);
  });
});
