import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../graphql/ids.ts";
import { startTestApp, type TestApp } from "../testing/app.ts";
import type { TestDatabase } from "../testing/postgres.ts";
import { addDataSource, askAndWait, shopDatabase } from "./fixtures.ts";

type Role = "admin" | "analyst" | "viewer";

/**
 * What each role may do (see modules/users/roles.ts), checked through the API.
 * "ok" means no error; otherwise the expected error code.
 */
describe("roles", () => {
  let t: TestApp;
  let shop: TestDatabase;
  const tokens = {} as Record<Role, string>;
  let sharedId: string;
  let analystOwnId: string;

  beforeAll(async () => {
    [t, shop] = await Promise.all([startTestApp("services"), shopDatabase()]);
    tokens.admin = (await t.signUp()).token;
    tokens.analyst = (await t.signUp()).token;
    const viewer = await t.signUp();
    tokens.viewer = viewer.token;
    await t.gql(`mutation($id: ID!) { setUserRole(input: { userId: $id, role: VIEWER }) { user { id } } }`, { id: viewer.userId }, tokens.admin);
    sharedId = await addDataSource(t, tokens.analyst, "Shared shop", shop.url);
    analystOwnId = await addDataSource(t, tokens.analyst, "Private shop", shop.url);
    const shared = await t.gql(`mutation($id: ID!) { updateDataSource(input: { id: $id, visibility: SHARED }) { dataSource { visibility } } }`, { id: sharedId }, tokens.admin);
    expect(shared.data!.updateDataSource.dataSource.visibility).toBe("SHARED");
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await shop?.drop();
  });

  async function outcome(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<string> {
    const res = await t.gql(query, variables, tokens[role]);
    return res.errors?.length ? String(res.errors[0]!.extensions?.code) : "ok";
  }

  it("lets viewers ask questions of shared data sources, and keep their own chats, ratings, exports and keys", async () => {
    const listed = await t.gql(`{ dataSources(first: 10) { edges { node { id viewerCanEdit } } } }`, {}, tokens.viewer);
    expect(listed.data!.dataSources.edges.map((e: any) => e.node)).toEqual([{ id: sharedId, viewerCanEdit: false }]);
    const run = await askAndWait(t, tokens.viewer, { message: "How many orders are there?", dataSourceId: sharedId });
    expect(run.status).toBe("SUCCEEDED");
    const answer = await t.gql(`query($id: ID!) { run(id: $id) { answer { id } } }`, { id: run.runId }, tokens.viewer);
    expect(await outcome("viewer", `mutation($id: ID!) { submitFeedback(input: { messageId: $id, rating: POSITIVE }) { feedback { id } } }`, { id: answer.data!.run.answer.id })).toBe("ok");
    const exported = await fetch(`${t.url}/export/${encodeURIComponent(run.runId)}.csv`, { headers: { authorization: `Bearer ${tokens.viewer}` } });
    expect(exported.status).toBe(200);
    expect(await outcome("viewer", `mutation { createApiKey(input: { name: "mine", role: VIEWER }) { secret } }`)).toBe("ok");
    expect(await outcome("viewer", `mutation { createApiKey(input: { name: "more", role: ANALYST }) { secret } }`)).toBe("FORBIDDEN");
  });

  it("keeps data sources, semantic models, verified queries, users and the audit log out of viewers' hands", async () => {
    const attempts: [string, Record<string, unknown>][] = [
      [`mutation { addDataSource(input: { name: "x", connectionUrl: "postgresql://127.0.0.1:1/x" }) { dataSource { id } } }`, {}],
      [`mutation { testDataSource(input: { connectionUrl: "postgresql://127.0.0.1:1/x" }) { ok } }`, {}],
      [`mutation($id: ID) { testDataSource(input: { id: $id }) { ok } }`, { id: sharedId }],
      [`mutation($id: ID!) { updateDataSource(input: { id: $id, name: "mine now" }) { dataSource { id } } }`, { id: sharedId }],
      [`mutation($id: ID!) { refreshDataSource(input: { id: $id }) { dataSource { id } } }`, { id: sharedId }],
      [`mutation($id: ID!) { removeDataSource(input: { id: $id }) { removedDataSourceId } }`, { id: sharedId }],
      [`mutation($id: ID!) { setSynonyms(input: { dataSourceId: $id, entity: "orders", synonyms: ["sales"] }) { __typename } }`, { id: sharedId }],
      [`mutation($id: ID!) { upsertVerifiedQuery(input: { dataSourceId: $id, question: "q", sql: "SELECT 1" }) { __typename } }`, { id: sharedId }],
      [`query($id: ID!) { verifiedQueries(dataSourceId: $id, first: 5) { edges { node { id } } } }`, { id: sharedId }],
      [`{ users(first: 5) { edges { node { id } } } }`, {}],
      [`{ auditLog(first: 5) { edges { node { action } } } }`, {}],
      [`mutation($id: ID!) { setUserRole(input: { userId: $id, role: ADMIN }) { user { id } } }`, { id: toGlobalId("User", "00000000-0000-4000-8000-000000000000") }],
    ];
    for (const [query, variables] of attempts) expect(await outcome("viewer", query, variables), query.slice(0, 60)).toBe("FORBIDDEN");
  });

  it("lets analysts connect and edit their own data sources, but not share them, edit others', or manage users", async () => {
    expect(await outcome("analyst", `mutation($id: ID!) { setSynonyms(input: { dataSourceId: $id, entity: "orders", synonyms: ["purchases"] }) { __typename } }`, { id: analystOwnId })).toBe("ok");
    expect(await outcome("analyst", `mutation($id: ID!) { refreshDataSource(input: { id: $id }) { dataSource { id } } }`, { id: analystOwnId })).toBe("ok");
    expect(await outcome("analyst", `mutation($id: ID!) { updateDataSource(input: { id: $id, visibility: SHARED }) { dataSource { id } } }`, { id: analystOwnId })).toBe("FORBIDDEN");
    expect(await outcome("analyst", `query($id: ID!) { verifiedQueries(dataSourceId: $id, first: 5) { edges { node { id } } } }`, { id: analystOwnId })).toBe("ok");
    expect(await outcome("analyst", `{ users(first: 5) { edges { node { id } } } }`)).toBe("FORBIDDEN");
    expect(await outcome("analyst", `{ auditLog(first: 5) { edges { node { action } } } }`)).toBe("FORBIDDEN");

    // The administrator's own data source is private: to the analyst it does not exist.
    const adminOwn = await addDataSource(t, tokens.admin, "Admin shop", shop.url);
    expect(await outcome("analyst", `mutation($id: ID!) { refreshDataSource(input: { id: $id }) { dataSource { id } } }`, { id: adminOwn })).toBe("NOT_FOUND");
    // Shared with everyone, it can be used but not changed.
    await t.gql(`mutation($id: ID!) { updateDataSource(input: { id: $id, visibility: SHARED }) { dataSource { id } } }`, { id: adminOwn }, tokens.admin);
    expect(await outcome("analyst", `mutation($id: ID!) { setSynonyms(input: { dataSourceId: $id, entity: "orders", synonyms: ["x"] }) { __typename } }`, { id: adminOwn })).toBe("FORBIDDEN");
    expect(await outcome("analyst", `mutation($id: ID!) { removeDataSource(input: { id: $id }) { removedDataSourceId } }`, { id: adminOwn })).toBe("FORBIDDEN");
  });

  it("lets administrators change any data source and model, and manage users", async () => {
    expect(await outcome("admin", `mutation($id: ID!) { setSynonyms(input: { dataSourceId: $id, entity: "orders", synonyms: ["deals"] }) { __typename } }`, { id: analystOwnId })).toBe("ok");
    expect(await outcome("admin", `mutation($id: ID!) { updateDataSource(input: { id: $id, description: "checked" }) { dataSource { id } } }`, { id: analystOwnId })).toBe("ok");
    expect(await outcome("admin", `{ users(first: 5) { edges { node { id } } } auditLog(first: 5) { edges { node { action } } } }`)).toBe("ok");
  });
});
