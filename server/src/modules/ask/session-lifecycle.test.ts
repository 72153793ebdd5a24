import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { loadSharedDataset } from "../../testing/datasets.ts";
import type { TestDatabase } from "../../testing/postgres.ts";

/**
 * The seed's session scenarios, one test each, over GraphQL (HTTP for
 * queries and mutations, WebSocket for progress), in both modes.
 */

const ask = `mutation($input: AskInput!) { ask(input: $input) { run { id } session { id title } } }`;
const progress = `subscription($runId: ID!) { queryProgress(runId: $runId) { seq stage status payload } }`;
const sessionQuery = `query($id: ID!) {
  session(id: $id) {
    id title status readOnly context expiresAt
    dataSource { name }
    messages(first: 50) { edges { node { role kind content run { id status sql } } } }
  }
}`;

describe.each(modes)("session lifecycle (%s)", (mode) => {
  let t: TestApp;
  let token: string;
  let chinook: TestDatabase;
  let northwind: TestDatabase;
  const ids: Record<string, string> = {};

  async function askAndWait(input: Record<string, unknown>) {
    const res = await t.gql(ask, { input }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const events = (await collect<{ queryProgress: any }>(t.ws(token), progress, { runId: res.data.ask.run.id }, 1000, 30_000).done).map((r) => r.data!.queryProgress);
    return { runId: res.data.ask.run.id as string, sessionId: res.data.ask.session.id as string, title: res.data.ask.session.title as string, done: events.at(-1)! };
  }
  const session = async (id: string) => (await t.gql(sessionQuery, { id }, token)).data!.session;

  beforeAll(async () => {
    [t, chinook, northwind] = await Promise.all([startTestApp(mode), loadSharedDataset("chinook"), loadSharedDataset("northwind")]);
    token = (await t.signUp()).token;
    for (const [name, db, description] of [
      ["Music store", chinook, "Artists, albums, tracks, customers and invoices of a digital music shop"],
      ["Trading company", northwind, "Orders, products, suppliers and shippers of a food trading company"],
    ] as const) {
      const res = await t.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name, description, connectionUrl: db.url } }, token);
      ids[name] = res.data!.addDataSource.dataSource.id;
    }
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await Promise.all([chinook?.drop(), northwind?.drop()]);
  });

  it("create session", async () => {
    const res = await t.gql(`mutation { createSession { session { id title status readOnly } } }`, {}, token);
    expect(res.data!.createSession.session).toMatchObject({ title: "New chat", status: "ACTIVE", readOnly: false });
    ids.empty = res.data!.createSession.session.id;
  });

  it("add message and auto title: the first question titles an untitled session", async () => {
    const first = await askAndWait({ sessionId: ids.empty, message: "How many artists are there?" });
    expect(first.done.status).toBe("COMPLETED");
    expect((await session(ids.empty!)).title).toBe("How many artists are there");
    await askAndWait({ sessionId: ids.empty, message: "How many albums are there?" });
    expect((await session(ids.empty!)).title).toBe("How many artists are there");
  });

  it("set data source", async () => {
    const created = (await t.gql(`mutation { createSession { session { id } } }`, {}, token)).data!.createSession.session.id;
    const res = await t.gql(
      `mutation($input: SelectDataSourceInput!) { selectDataSource(input: $input) { session { dataSource { name } } run { id } } }`,
      { input: { sessionId: created, dataSourceId: ids["Trading company"] } },
      token,
    );
    expect(res.data!.selectDataSource).toEqual({ session: { dataSource: { name: "Trading company" } }, run: null });
    const answered = await askAndWait({ sessionId: created, message: "How many employees are there?" });
    expect(answered.done.status).toBe("COMPLETED");
    ids.trading = created;
  });

  it("discovery → query: a question with no data source picks the one it is about", async () => {
    const res = await askAndWait({ message: "How many invoices per billing country?" });
    expect(res.done.status).toBe("COMPLETED");
    const s = await session(res.sessionId);
    expect(s.dataSource.name).toBe("Music store");
    ids.music = res.sessionId;
  });

  it("update context and carry-forward: the session remembers the data source and the last query", async () => {
    const s = await session(ids.music!);
    expect(s.context.dataSourceId).toBeTruthy();
    expect(s.context.lastRunId).toBeTruthy();
    expect(s.context.engine.lastSpec.dimensions.length).toBe(1);
    expect(s.context.tables).toContain("invoice");
  });

  it("follow-up and context from history: the next turn edits the previous query", async () => {
    const follow = await askAndWait({ sessionId: ids.music, message: "only the top 3" });
    expect(follow.done.status).toBe("COMPLETED");
    const run = (await t.gql(`query($id: ID!) { run(id: $id) { sql result { totalRows columns { name } } } }`, { id: follow.runId }, token)).data!.run;
    expect(run.result.totalRows).toBe(3);
    expect(run.sql).toMatch(/billing_country/);
    expect(run.sql).toMatch(/limit 3/i);
  });

  it("history: messages come back in order with their runs", async () => {
    const s = await session(ids.music!);
    const messages = s.messages.edges.map((e: any) => e.node);
    expect(messages.map((m: any) => `${m.role}:${m.kind}`)).toEqual(["USER:QUESTION", "ASSISTANT:RESULT", "USER:QUESTION", "ASSISTANT:RESULT"]);
    expect(messages[0].content).toBe("How many invoices per billing country?");
    expect(messages[1].run.status).toBe("SUCCEEDED");
    expect(messages[3].run.sql).toMatch(/limit 3/i);
  });

  it("error handling: a failure becomes an ERROR message with a code and hint; the session goes on", async () => {
    const failed = await askAndWait({ sessionId: ids.music, message: "DROP TABLE invoice" });
    expect(failed.done.status).toBe("FAILED");
    expect(failed.done.payload).toMatchObject({ code: "SQL_NOT_ACCEPTED" });
    expect(failed.done.payload.hint).toBeTruthy();
    const after = await askAndWait({ sessionId: ids.music, message: "How many customers are there?" });
    expect(after.done.status).toBe("COMPLETED");
    const unknown = await t.gql(ask, { input: { sessionId: "U2Vzc2lvbjowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA=", message: "hi" } }, token);
    expect(unknown.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("end session: ended sessions are read-only", async () => {
    await t.gql(`mutation($input: SessionIdInput!) { endSession(input: $input) { session { status } } }`, { input: { id: ids.trading } }, token);
    const res = await t.gql(ask, { input: { sessionId: ids.trading, message: "How many orders?" } }, token);
    expect(res.errors![0]!.extensions!.code).toBe("SESSION_READ_ONLY");
    expect((await session(ids.trading!)).readOnly).toBe(true);
  });

  it("expiry and cleanup: idle sessions expire to read-only and are purged after the retention period", async () => {
    const { prisma, sessions } = t.app.services;
    const raw = Buffer.from(ids.empty!, "base64").toString().split(":")[1]!;
    await prisma.session.update({ where: { id: raw }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    expect((await session(ids.empty!)).status).toBe("EXPIRED");
    const res = await t.gql(ask, { input: { sessionId: ids.empty, message: "How many tracks?" } }, token);
    expect(res.errors![0]!.extensions!.code).toBe("SESSION_READ_ONLY");
    await sessions.sweep();
    expect((await prisma.session.findUniqueOrThrow({ where: { id: raw } })).status).toBe("EXPIRED");
    await sessions.sweep(new Date(Date.now() + 40 * 86_400_000));
    expect(await prisma.session.findUnique({ where: { id: raw } })).toBeNull();
    expect(await prisma.message.count({ where: { sessionId: raw } })).toBe(0);
  });
});
