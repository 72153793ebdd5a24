import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDataSource, askAndWait, shopDatabase } from "../../security/fixtures.ts";
import { startTestApp, type TestApp } from "../../testing/app.ts";
import { runScript } from "../../testing/datasets.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres.ts";
import { fromGlobalId } from "../../graphql/ids.ts";

describe("result exports", () => {
  let t: TestApp;
  let shop: TestDatabase;
  let user: { token: string; userId: string };
  let runId: string;

  beforeAll(async () => {
    [t, shop] = await Promise.all([startTestApp("embedded", { env: { RATE_LIMIT_EXPORTS: "3" } }), shopDatabase()]);
    user = await t.signUp();
    const dataSourceId = await addDataSource(t, user.token, "Shop", shop.url);
    runId = (await askAndWait(t, user.token, { message: "How many orders?", dataSourceId })).runId;
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await shop?.drop();
  });

  const download = (id: string, ext: string, token: string) => fetch(`${t.url}/export/${encodeURIComponent(id)}.${ext}`, { headers: { authorization: `Bearer ${token}` } });
  const entries = () => t.app.services.prisma.auditLog.findMany({ where: { action: "RESULT_EXPORTED" }, orderBy: { at: "asc" } });

  it("records each download in the audit log with its run, format and row count", async () => {
    const csv = await download(runId, "csv", user.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("ratelimit-remaining")).toBe("2");
    await csv.text();
    const [entry] = await entries();
    expect(entry).toMatchObject({ actorId: fromGlobalId(user.userId, "User"), outcome: "SUCCESS", targetType: "QueryRun", targetId: fromGlobalId(runId, "QueryRun") });
    expect(entry!.details).toEqual({ runId: fromGlobalId(runId, "QueryRun"), format: "csv", rowCount: 1 });
    expect(entry!.ip).toMatch(/\S/);

    // Another user's run is refused like a missing one, and the attempt is recorded.
    const stranger = await t.signUp();
    expect((await download(runId, "json", stranger.token)).status).toBe(404);
    const denied = (await entries()).at(-1)!;
    expect(denied).toMatchObject({ actorId: fromGlobalId(stranger.userId, "User"), outcome: "DENIED", targetId: fromGlobalId(runId, "QueryRun") });
  });

  it("limits downloads per caller (RATE_LIMIT_EXPORTS) with a typed 429, separately from the API's quota", async () => {
    const other = await t.signUp();
    const owned = await askAndWait(t, other.token, { message: "How many products?", dataSourceId: await addDataSource(t, other.token, "Shop", shop.url) });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await download(owned.runId, "json", other.token);
      statuses.push(res.status);
      await res.text();
    }
    const before = (await entries()).length;
    const over = await download(owned.runId, "json", other.token);
    expect([...statuses, over.status]).toEqual([200, 200, 200, 429]);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await over.json()) as { error: { code: string; retryAfterSeconds: number } };
    expect(body.error.code).toBe("RATE_LIMITED");
    expect(body.error.retryAfterSeconds).toBeGreaterThan(0);
    // Nothing was exported, so nothing is recorded; the caller's GraphQL calls still work.
    expect((await entries()).length).toBe(before);
    expect((await t.gql(`{ me { id } }`, {}, other.token)).errors).toBeUndefined();
  });
});

describe("an export over the byte cap", () => {
  let t: TestApp;
  let shop: TestDatabase;

  beforeAll(async () => {
    // Ten notes fit in an answer; the two hundred an export re-runs for do not fit in 1 KiB.
    [t, shop] = await Promise.all([
      startTestApp("embedded", { env: { MAX_RESULT_ROWS: "10", MAX_RESULT_BYTES: "1024", MAX_ROW_BYTES: "1024", MAX_VALUE_BYTES: "1024" } }),
      createTestDatabase("notes"),
    ]);
    await runScript(shop.url, "CREATE TABLE note (id int PRIMARY KEY, body text NOT NULL); INSERT INTO note SELECT g, repeat('n', 40) FROM generate_series(1, 200) g;");
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await shop?.drop();
  });

  it("fails RESULT_TOO_LARGE rather than writing a file cut short, and records the failure", async () => {
    const user = await t.signUp();
    const dataSourceId = await addDataSource(t, user.token, "Notes", shop.url);
    const asked = await askAndWait(t, user.token, { message: "List all notes", dataSourceId });
    const run = (await t.gql(`query($id: ID!) { run(id: $id) { status rowCount result(page: 1, pageSize: 1) { truncated } } }`, { id: asked.runId }, user.token)).data!.run;
    expect(run).toMatchObject({ status: "SUCCEEDED", rowCount: 10, result: { truncated: true } });

    const res = await fetch(`${t.url}/export/${encodeURIComponent(asked.runId)}.csv`, { headers: { authorization: `Bearer ${user.token}` } });
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({ code: "RESULT_TOO_LARGE", message: "The result is larger than 1 KiB, the limit for one result." });
    const [entry] = await t.app.services.prisma.auditLog.findMany({ where: { action: "RESULT_EXPORTED" } });
    expect(entry).toMatchObject({ outcome: "FAILED", details: { runId: fromGlobalId(asked.runId, "QueryRun"), format: "csv", code: "RESULT_TOO_LARGE" } });
  });
});
