import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { titleFromQuestion } from "./sessions.service.ts";

const create = `mutation($input: CreateSessionInput) { createSession(input: $input) { session { id title status readOnly expiresAt messageCount } } }`;
const list = `query($first: Int, $after: String, $search: String) {
  sessions(first: $first, after: $after, search: $search) { edges { cursor node { id title } } pageInfo { hasNextPage endCursor } }
}`;
const get = `query($id: ID!) { session(id: $id) { id title status messages(first: 10) { edges { node { id content } } } } }`;

describe("titleFromQuestion", () => {
  it("keeps short questions, cuts long ones at a word", () => {
    expect(titleFromQuestion("  What's the total revenue?  ")).toBe("What's the total revenue");
    const long = titleFromQuestion("Show me the number of orders per region and per month for the last three years please");
    expect(long.endsWith("…")).toBe(true);
    expect(long.length).toBeLessThanOrEqual(61);
    expect(titleFromQuestion("   ")).toBe("New chat");
  });
});

describe.each(modes)("sessions (%s)", (mode) => {
  let t: TestApp;
  let alice: { token: string };
  let bob: { token: string };
  beforeAll(async () => {
    t = await startTestApp(mode);
    alice = await t.signUp();
    bob = await t.signUp();
  });
  afterAll(() => t?.stop());

  it("creates, lists newest first with cursor pagination, renames, ends and deletes", async () => {
    const ids: string[] = [];
    for (const title of ["First", "Second", "Third"]) {
      const res = await t.gql(create, { input: { title } }, alice.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.createSession.session).toMatchObject({ title, status: "ACTIVE", readOnly: false, messageCount: 0 });
      ids.push(res.data!.createSession.session.id);
    }
    const page1 = await t.gql(list, { first: 2 }, alice.token);
    expect(page1.data!.sessions.edges.map((e: any) => e.node.title)).toEqual(["Third", "Second"]);
    expect(page1.data!.sessions.pageInfo.hasNextPage).toBe(true);
    const page2 = await t.gql(list, { first: 2, after: page1.data!.sessions.pageInfo.endCursor }, alice.token);
    expect(page2.data!.sessions.edges.map((e: any) => e.node.title)).toEqual(["First"]);
    expect(page2.data!.sessions.pageInfo.hasNextPage).toBe(false);

    const renamed = await t.gql(
      `mutation($input: RenameSessionInput!) { renameSession(input: $input) { session { id title } } }`,
      { input: { id: ids[0], title: "Revenue questions" } },
      alice.token,
    );
    expect(renamed.data!.renameSession.session.title).toBe("Revenue questions");
    const searched = await t.gql(list, { first: 10, search: "revenue" }, alice.token);
    expect(searched.data!.sessions.edges.map((e: any) => e.node.id)).toEqual([ids[0]]);

    const ended = await t.gql(`mutation($input: SessionIdInput!) { endSession(input: $input) { session { status readOnly } } }`, { input: { id: ids[1] } }, alice.token);
    expect(ended.data!.endSession.session).toEqual({ status: "ENDED", readOnly: true });

    const deleted = await t.gql(`mutation($input: SessionIdInput!) { deleteSession(input: $input) { deletedSessionId } }`, { input: { id: ids[2] } }, alice.token);
    expect(deleted.data!.deleteSession.deletedSessionId).toBe(ids[2]);
    expect((await t.gql(get, { id: ids[2] }, alice.token)).errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("hides one user's sessions from another exactly like missing ones", async () => {
    const mine = (await t.gql(create, {}, alice.token)).data!.createSession.session.id as string;
    const missing = (await t.gql(create, {}, alice.token)).data!.createSession.session.id as string;
    await t.gql(`mutation($input: SessionIdInput!) { deleteSession(input: $input) { deletedSessionId } }`, { input: { id: missing } }, alice.token);

    const attempts = [
      [get, { id: mine }],
      [`mutation($input: RenameSessionInput!) { renameSession(input: $input) { session { id } } }`, { input: { id: mine, title: "mine now" } }],
      [`mutation($input: SessionIdInput!) { endSession(input: $input) { session { id } } }`, { input: { id: mine } }],
      [`mutation($input: SessionIdInput!) { deleteSession(input: $input) { deletedSessionId } }`, { input: { id: mine } }],
    ] as const;
    for (const [query, variables] of attempts) {
      const asBob = await t.gql(query, variables, bob.token);
      const missingVariables = JSON.parse(JSON.stringify(variables).replace(mine, missing));
      const asMissing = await t.gql(query, missingVariables, alice.token);
      expect(asBob.errors![0]!.extensions!.code).toBe("NOT_FOUND");
      expect(asBob.errors![0]!.message).toBe(asMissing.errors![0]!.message);
    }
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: mine }, bob.token);
    expect(node.data?.node ?? null).toBeNull();
    const bobList = await t.gql(list, { first: 50 }, bob.token);
    expect(bobList.data!.sessions.edges).toEqual([]);
    const stillThere = await t.gql(get, { id: mine }, alice.token);
    expect(stillThere.data!.session.status).toBe("ACTIVE");
  });

  it("rejects bad arguments with typed errors and changes nothing", async () => {
    const id = (await t.gql(create, { input: { title: "Keep me" } }, alice.token)).data!.createSession.session.id as string;
    const rename = `mutation($input: RenameSessionInput!) { renameSession(input: $input) { session { title } } }`;
    const bad: [string, Record<string, unknown>, string][] = [
      [rename, { input: { id, title: "x".repeat(201) } }, "BAD_USER_INPUT"],
      [rename, { input: { id, title: "   " } }, "BAD_USER_INPUT"],
      [rename, { input: { id: "garbage", title: "ok" } }, "BAD_USER_INPUT"],
      [rename, { input: { id: "VXNlcjoxMjM=", title: "ok" } }, "BAD_USER_INPUT"],
      [get, { id: "\u0000\u202e" }, "BAD_USER_INPUT"],
      [list, { first: 5, after: "not-a-cursor" }, "BAD_USER_INPUT"],
      [list, { first: -1 }, "BAD_USER_INPUT"],
      [create, { input: { title: "y".repeat(5000) } }, "BAD_USER_INPUT"],
    ];
    for (const [query, variables, code] of bad) {
      const res = await t.gql(query, variables, alice.token);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(variables).slice(0, 60)).toBe(code);
    }
    expect((await t.gql(get, { id }, alice.token)).data!.session.title).toBe("Keep me");
    expect((await t.gql(create, {})).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
  });

  it("expires idle sessions to read-only and purges old ones", async () => {
    const { prisma, sessions } = t.app.services;
    const id = (await t.gql(create, { input: { title: "Idle" } }, alice.token)).data!.createSession.session.id as string;
    const rawId = Buffer.from(id, "base64").toString().split(":")[1]!;
    await prisma.session.update({ where: { id: rawId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.gql(get, { id }, alice.token)).data!.session.status).toBe("EXPIRED");

    const swept = await sessions.sweep();
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect((await prisma.session.findUniqueOrThrow({ where: { id: rawId } })).status).toBe("EXPIRED");
    const userId = (await prisma.session.findUniqueOrThrow({ where: { id: rawId } })).userId;
    await expect(sessions.touch(userId, rawId, "anything")).rejects.toMatchObject({ code: "SESSION_READ_ONLY" });

    const purged = await sessions.sweep(new Date(Date.now() + 31 * 86_400_000));
    expect(purged.purged).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.findUnique({ where: { id: rawId } })).toBeNull();
  });

  it("pushes session changes over WebSocket, only to their owner", async () => {
    const aliceWs = t.ws(alice.token);
    const bobWs = t.ws(bob.token);
    const sub = `subscription { sessionChanged { kind sessionId session { title } } }`;
    const aliceEvents = collect<any>(aliceWs, sub, {}, 2);
    const bobEvents = collect<any>(bobWs, sub, {}, 1, 1500);
    await Promise.all([aliceEvents.ready, bobEvents.ready]);

    const id = (await t.gql(create, { input: { title: "Live" } }, alice.token)).data!.createSession.session.id;
    await t.gql(`mutation($input: RenameSessionInput!) { renameSession(input: $input) { session { id } } }`, { input: { id, title: "Live 2" } }, alice.token);
    const received = await aliceEvents.done;
    expect(received.map((r) => [r.data!.sessionChanged.kind, r.data!.sessionChanged.sessionId])).toEqual([
      ["CREATED", id],
      ["UPDATED", id],
    ]);
    // `session` is the session as it is when the event is delivered: through Redis the rename may already have happened.
    expect(["Live", "Live 2"]).toContain(received[0]!.data!.sessionChanged.session.title);
    expect(received[1]!.data!.sessionChanged.session.title).toBe("Live 2");
    await expect(bobEvents.done).rejects.toThrow(/timed out with 0/);
  });

  it("refuses WebSocket connections with a bad token", async () => {
    const client = t.ws("forged.token.value");
    const outcome = collect<any>(client, `subscription { sessionChanged { kind } }`, {}, 1, 5000).done;
    await expect(outcome).rejects.toThrow();
  });
});
