import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDataSource, askAndWait, shopDatabase } from "../../security/fixtures.ts";
import { modes, startTestApp, type TestApp } from "../../testing/app.ts";
import type { TestDatabase } from "../../testing/postgres.ts";

const auditLog = `query($filter: AuditFilter) {
  auditLog(first: 100, filter: $filter) {
    edges { node { at action outcome actor { id } apiKeyId targetType targetId details requestId } }
  }
}`;

type Entry = { action: string; outcome: string; actor: { id: string } | null; apiKeyId: string | null; targetType: string | null; targetId: string | null; details: any; requestId: string | null };

describe.each(modes)("audit log (%s)", (mode) => {
  let t: TestApp;
  let shop: TestDatabase;
  let admin: { token: string; userId: string };
  let analyst: { token: string; userId: string };
  let other: { token: string; userId: string };
  let secretUrl: string;

  beforeAll(async () => {
    [t, shop] = await Promise.all([startTestApp(mode), shopDatabase()]);
    admin = await t.signUp();
    analyst = await t.signUp();
    other = await t.signUp();
    // The local server trusts connections: the password is never checked, only carried.
    const url = new URL(shop.url);
    url.password = "hunter2-secret";
    secretUrl = url.toString();
  });
  afterAll(async () => {
    await t?.stop();
    await shop?.drop();
  });

  async function entries(filter: Record<string, unknown> = {}): Promise<Entry[]> {
    const res = await t.gql(auditLog, { filter }, admin.token);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!.auditLog.edges.map((e: any) => e.node);
  }

  it("records data-source access, sharing, role changes and API keys, with outcomes and no secrets", async () => {
    const sourceId = await addDataSource(t, analyst.token, "Shop", secretUrl);
    const gql = (query: string, variables: Record<string, unknown>, token: string) => t.gql(query, variables, token);
    await gql(`mutation($input: UpdateDataSourceInput!) { updateDataSource(input: $input) { dataSource { id } } }`, { input: { id: sourceId, name: "Shop 2", description: "Orders" } }, analyst.token);
    await gql(`mutation($input: UpdateDataSourceInput!) { updateDataSource(input: $input) { dataSource { id } } }`, { input: { id: sourceId, visibility: "SHARED" } }, admin.token);
    await gql(`mutation($id: ID!) { refreshDataSource(input: { id: $id }) { dataSource { id } } }`, { id: sourceId }, analyst.token);
    await gql(`mutation($id: ID) { testDataSource(input: { id: $id }) { ok } }`, { id: sourceId }, analyst.token);
    await gql(`mutation($url: String) { testDataSource(input: { connectionUrl: $url }) { ok } }`, { url: secretUrl }, analyst.token);
    // Shared, so visible to another analyst, who may not remove it.
    const denied = await gql(`mutation($id: ID!) { removeDataSource(input: { id: $id }) { removedDataSourceId } }`, { id: sourceId }, other.token);
    expect(denied.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const run = await askAndWait(t, analyst.token, { message: "How many orders are there?", dataSourceId: sourceId });
    expect(run.status).toBe("SUCCEEDED");
    const key = await gql(`mutation { createApiKey(input: { name: "audit", role: VIEWER }) { secret apiKey { id } } }`, {}, analyst.token);
    const keyId = key.data!.createApiKey.apiKey.id as string;
    await gql(`mutation($id: ID!) { revokeApiKey(input: { id: $id }) { apiKey { id } } }`, { id: keyId }, analyst.token);
    await gql(`mutation($userId: ID!) { setUserRole(input: { userId: $userId, role: VIEWER }) { user { id } } }`, { userId: other.userId }, admin.token);
    await gql(`mutation($id: ID!) { removeDataSource(input: { id: $id }) { removedDataSourceId } }`, { id: sourceId }, analyst.token);

    // The run's entry is written when it ends, just after the answer is visible.
    await expect.poll(async () => (await entries({ actions: ["DATA_SOURCE_QUERIED"] })).length, { timeout: 5_000 }).toBe(1);
    const log = await entries();
    expect(JSON.stringify(log)).not.toContain("hunter2");
    const summary = log.map((e) => `${e.action}:${e.outcome}`).reverse();
    expect(summary).toEqual([
      "DATA_SOURCE_ADDED:SUCCESS",
      "DATA_SOURCE_UPDATED:SUCCESS",
      "DATA_SOURCE_SHARED:SUCCESS",
      "DATA_SOURCE_REFRESHED:SUCCESS",
      "DATA_SOURCE_TESTED:SUCCESS",
      "DATA_SOURCE_TESTED:SUCCESS",
      "DATA_SOURCE_REMOVED:DENIED",
      "DATA_SOURCE_QUERIED:SUCCESS",
      "API_KEY_CREATED:SUCCESS",
      "API_KEY_REVOKED:SUCCESS",
      "USER_ROLE_CHANGED:SUCCESS",
      "DATA_SOURCE_REMOVED:SUCCESS",
    ]);
    const byAction = (action: string) => log.filter((e) => e.action === action);
    expect(byAction("DATA_SOURCE_ADDED")[0]).toMatchObject({ actor: { id: analyst.userId }, targetType: "DataSource", targetId: sourceId, details: { name: "Shop", host: "127.0.0.1:5432" } });
    expect(byAction("DATA_SOURCE_UPDATED")[0]!.details).toEqual({ fields: ["description", "name"] });
    expect(byAction("DATA_SOURCE_SHARED")[0]!.actor!.id).toBe(admin.userId);
    expect(byAction("DATA_SOURCE_REMOVED").find((e) => e.outcome === "DENIED")).toMatchObject({ actor: { id: other.userId }, targetId: sourceId, details: { code: "FORBIDDEN" } });
    expect(byAction("DATA_SOURCE_QUERIED")[0]!.details).toMatchObject({ status: "SUCCEEDED", rowCount: 1 });
    expect(byAction("USER_ROLE_CHANGED")[0]).toMatchObject({ targetType: "User", details: { role: "VIEWER", previousRole: "ANALYST" } });
    expect(byAction("API_KEY_CREATED")[0]).toMatchObject({ targetId: keyId, details: { name: "audit", role: "VIEWER", expiresAt: null } });
    expect(log.every((e) => e.requestId || e.action === "DATA_SOURCE_QUERIED")).toBe(true);

    const forSource = await entries({ targetId: sourceId });
    expect(new Set(forSource.map((e) => e.targetId))).toEqual(new Set([sourceId]));
    expect(forSource.length).toBe(8);
    const deniedOnly = await entries({ outcome: "DENIED" });
    expect(deniedOnly.map((e) => e.action)).toEqual(["DATA_SOURCE_REMOVED"]);
    expect((await entries({ actorId: admin.userId })).map((e) => e.action).sort()).toEqual(["DATA_SOURCE_SHARED", "USER_ROLE_CHANGED"]);
  });

  it("records what an API key did under that key, and shows the log to administrators only", async () => {
    const key = await t.gql(`mutation { createApiKey(input: { name: "bot", role: ADMIN }) { secret apiKey { id } } }`, {}, admin.token);
    const { secret, apiKey } = key.data!.createApiKey;
    await t.gql(`mutation($userId: ID!) { setUserRole(input: { userId: $userId, role: ANALYST }) { user { id } } }`, { userId: other.userId }, secret);
    const [latest] = await entries({ actions: ["USER_ROLE_CHANGED"] });
    expect(latest).toMatchObject({ actor: { id: admin.userId }, apiKeyId: apiKey.id, outcome: "SUCCESS" });

    for (const token of [analyst.token, other.token]) {
      expect((await t.gql(auditLog, {}, token)).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    }
    expect((await t.gql(auditLog, {})).errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
  });
});
