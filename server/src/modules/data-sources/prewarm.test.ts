import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../testing/app.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres.ts";
import { addSource } from "../semantic/testing.ts";
import { prewarmSharedSources } from "./prewarm.ts";

const share = `mutation($input: UpdateDataSourceInput!) { updateDataSource(input: $input) { dataSource { visibility } } }`;

describe("prewarming shared data sources after start", () => {
  let t: TestApp;
  let shared: TestDatabase;
  let gone: TestDatabase;
  let privateDb: TestDatabase;

  beforeAll(async () => {
    [t, shared, gone, privateDb] = await Promise.all([startTestApp("embedded"), createTestDatabase("warm"), createTestDatabase("gone"), createTestDatabase("private")]);
    for (const db of [shared, gone, privateDb]) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query("CREATE TABLE plants (plant_id int PRIMARY KEY, name text); INSERT INTO plants VALUES (1, 'fern')");
      await client.end();
    }
    const admin = await t.signUp();
    for (const [name, db, visibility] of [["Shared", shared, "SHARED"], ["Gone", gone, "SHARED"], ["Mine", privateDb, "PRIVATE"]] as const) {
      const added = await t.gql(addSource, { input: { name, connectionUrl: db.url } }, admin.token);
      const id = added.data!.addDataSource.dataSource.id;
      if (visibility === "SHARED") expect((await t.gql(share, { input: { id, visibility } }, admin.token)).data!.updateDataSource.dataSource.visibility).toBe("SHARED");
    }
    await gone.drop();
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
    await Promise.all([shared, privateDb].map((d) => d?.drop()));
  });

  it("opens every shared, ready source it can reach, skips private ones, and only logs one that fails", async () => {
    expect(await prewarmSharedSources(t.app.services)).toBe(1);
  }, 30_000);
});
