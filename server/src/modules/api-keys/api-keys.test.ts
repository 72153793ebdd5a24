import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { hashApiKey } from "./keys.ts";

const createKey = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix role active lastUsedAt expiresAt revokedAt } } }`;
const listKeys = `query($includeRevoked: Boolean) { apiKeys(first: 50, includeRevoked: $includeRevoked) { edges { node { id name prefix role active lastUsedAt revokedAt } } } }`;
const revokeKey = `mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id active revokedAt } } }`;
const setRole = `mutation($userId: ID!, $role: Role!) { setUserRole(input: { userId: $userId, role: $role }) { user { id role } previousRole } }`;
const me = `{ me { id email role } }`;
const addSource = `mutation { addDataSource(input: { name: "x", connectionUrl: "postgresql://127.0.0.1:1/nothing" }) { dataSource { id } } }`;

describe.each(modes)("API keys (%s)", (mode) => {
  let t: TestApp;
  let admin: { token: string; userId: string };
  let analyst: { token: string; userId: string };

  beforeAll(async () => {
    t = await startTestApp(mode);
    admin = await t.signUp();
    analyst = await t.signUp();
  });
  afterAll(() => t?.stop());

  async function newKey(token: string, input: Record<string, unknown>) {
    const res = await t.gql(createKey, { input }, token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.createApiKey as { secret: string; apiKey: { id: string; prefix: string; role: string } };
  }

  it("shows the key once, stores only its hash, and lists prefixes without secrets", async () => {
    const created = await newKey(analyst.token, { name: "CI export", role: "VIEWER" });
    expect(created.secret).toMatch(/^amk_[A-Za-z0-9_-]{43}$/);
    expect(created.secret.startsWith(created.apiKey.prefix)).toBe(true);
    expect(created.apiKey).toMatchObject({ name: "CI export", role: "VIEWER", active: true, lastUsedAt: null, revokedAt: null });

    const stored = await t.app.services.prisma.apiKey.findFirstOrThrow({ where: { name: "CI export" } });
    expect(stored.keyHash).toBe(hashApiKey(created.secret));
    expect(JSON.stringify(stored)).not.toContain(created.secret);

    const listed = await t.gql(listKeys, {}, analyst.token);
    expect(listed.data!.apiKeys.edges.map((e: any) => e.node.prefix)).toContain(created.apiKey.prefix);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(created.apiKey.prefix.length));
    // Another user's list does not show it.
    const others = await t.gql(listKeys, {}, admin.token);
    expect(others.data!.apiKeys.edges.map((e: any) => e.node.id)).not.toContain(created.apiKey.id);
  });

  it("authenticates as its owner with the key's role, over HTTP and graphql-ws, and records use", async () => {
    const { secret, apiKey } = await newKey(analyst.token, { name: "viewer key", role: "VIEWER" });
    const who = await t.gql(me, {}, secret);
    // `me.role` is the key's effective role: what the call may do.
    expect(who.data!.me).toMatchObject({ id: analyst.userId, role: "VIEWER" });
    // The key's role is VIEWER: connecting a data source needs ANALYST.
    expect((await t.gql(addSource, {}, secret)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    // Keys cannot manage keys, whatever their role.
    const viaKey = await t.gql(createKey, { input: { name: "more", role: "VIEWER" } }, secret);
    expect(viaKey.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await t.gql(listKeys, {}, secret)).errors![0]!.extensions!.code).toBe("FORBIDDEN");

    const row = await t.app.services.prisma.apiKey.findFirstOrThrow({ where: { prefix: apiKey.prefix } });
    expect(row.lastUsedAt).not.toBeNull();

    const client = t.ws(secret);
    const changes = collect<{ sessionChanged: { kind: string } }>(client, `subscription { sessionChanged { kind } }`, {}, 1);
    await changes.ready;
    await t.gql(`mutation { createSession(input: { title: "via key" }) { session { id } } }`, {}, secret);
    expect((await changes.done)[0]!.data!.sessionChanged.kind).toBe("CREATED");
  });

  it("refuses unknown, revoked and expired keys with typed errors, over HTTP and graphql-ws", async () => {
    expect((await t.gql(me, {}, `amk_${"x".repeat(43)}`)).errors![0]!.extensions!.code).toBe("TOKEN_INVALID");

    const revoked = await newKey(analyst.token, { name: "to revoke", role: "ANALYST" });
    expect((await t.gql(me, {}, revoked.secret)).data!.me.id).toBe(analyst.userId);
    const res = await t.gql(revokeKey, { id: revoked.apiKey.id }, analyst.token);
    expect(res.data!.revokeApiKey.apiKey).toMatchObject({ active: false });
    expect((await t.gql(me, {}, revoked.secret)).errors![0]!.extensions!.code).toBe("TOKEN_INVALID");
    const active = await t.gql(listKeys, {}, analyst.token);
    expect(active.data!.apiKeys.edges.map((e: any) => e.node.id)).not.toContain(revoked.apiKey.id);
    const all = await t.gql(listKeys, { includeRevoked: true }, analyst.token);
    expect(all.data!.apiKeys.edges.map((e: any) => e.node.id)).toContain(revoked.apiKey.id);

    const expiring = await newKey(analyst.token, { name: "expiring", role: "VIEWER", expiresAt: new Date(Date.now() + 3_600_000).toISOString() });
    // Time passes: the stored expiry is moved into the past rather than waiting.
    await t.app.services.prisma.apiKey.updateMany({ where: { prefix: expiring.apiKey.prefix }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.gql(me, {}, expiring.secret)).errors![0]!.extensions!.code).toBe("TOKEN_EXPIRED");

    const closed = await new Promise<number>((resolve) => {
      const client = t.ws(revoked.secret);
      client.on("closed", (event) => resolve((event as { code: number }).code));
      client.subscribe({ query: "subscription { sessionChanged { kind } }" }, { next: () => {}, error: () => {}, complete: () => {} });
    });
    expect(closed).toBe(4403);
  });

  it("never grants more than the owner has: creation is capped, and a demoted owner's keys follow", async () => {
    const past = await t.gql(createKey, { input: { name: "old", role: "VIEWER", expiresAt: new Date(Date.now() - 1000).toISOString() } }, analyst.token);
    expect(past.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const tooHigh = await t.gql(createKey, { input: { name: "root", role: "ADMIN" } }, analyst.token);
    expect(tooHigh.errors![0]!.extensions!.code).toBe("FORBIDDEN");

    const user = await t.signUp();
    const key = await newKey(user.token, { name: "analyst key", role: "ANALYST" });
    expect((await t.gql(setRole, { userId: user.userId, role: "VIEWER" }, admin.token)).errors).toBeUndefined();
    expect((await t.gql(addSource, {}, key.secret)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await t.gql(createKey, { input: { name: "x", role: "ANALYST" } }, user.token)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("lets only the owner (or an administrator) revoke a key; others get NOT_FOUND like a missing key", async () => {
    const key = await newKey(analyst.token, { name: "mine", role: "VIEWER" });
    const stranger = await t.signUp();
    const denied = await t.gql(revokeKey, { id: key.apiKey.id }, stranger.token);
    expect(denied.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    expect(denied.errors![0]!.message).toBe("API key not found.");
    expect((await t.gql(me, {}, key.secret)).data!.me.id).toBe(analyst.userId);
    expect((await t.gql(revokeKey, { id: key.apiKey.id }, admin.token)).data!.revokeApiKey.apiKey.active).toBe(false);
  });
});
