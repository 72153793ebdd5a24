import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDataSource, askAndWait } from "../security/fixtures.ts";
import { startTestApp, type TestApp } from "../testing/app.ts";
import { runScript } from "../testing/datasets.ts";
import { slowShopSql } from "./fixtures.ts";
import { startPostgres } from "./services.ts";

describe("a data source becomes unreachable in the middle of a session", () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  let t: TestApp;

  beforeAll(async () => {
    pg = await startPostgres();
    await pg.admin((c) => c.query("CREATE DATABASE shop"));
    await runScript(pg.url.replace(/\/postgres$/, "/shop"), slowShopSql);
    t = await startTestApp("services");
  });
  afterAll(async () => {
    await t?.stop();
    await pg?.dispose();
  });

  it("fails the question with DATA_SOURCE_UNREACHABLE, shows the status, keeps the session, and recovers", async () => {
    const user = await t.signUp();
    const sourceId = await addDataSource(t, user.token, "Shop", pg.url.replace(/\/postgres$/, "/shop"));
    const first = await askAndWait(t, user.token, { message: "How many orders are there?", dataSourceId: sourceId });
    expect(first.status).toBe("SUCCEEDED");

    await pg.stop();
    const failed = await askAndWait(t, user.token, { message: "How many products are there?", sessionId: first.sessionId });
    expect(failed).toMatchObject({ status: "FAILED", errorCode: "DATA_SOURCE_UNREACHABLE" });
    const source = await t.gql(`query($id: ID!) { dataSource(id: $id) { status statusMessage } }`, { id: sourceId }, user.token);
    expect(source.data!.dataSource.status).toBe("UNREACHABLE");
    expect(source.data!.dataSource.statusMessage).toMatch(/^DATA_SOURCE_UNREACHABLE/);
    const tested = await t.gql(`mutation($id: ID) { testDataSource(input: { id: $id }) { ok } }`, { id: sourceId }, user.token);
    expect(tested.errors![0]!.extensions!.code).toBe("DATA_SOURCE_UNREACHABLE");

    // The session keeps working and keeps its history.
    const session = await t.gql(`query($id: ID!) { session(id: $id) { readOnly messages(first: 10) { edges { node { role kind } } } } }`, { id: first.sessionId }, user.token);
    expect(session.data!.session.readOnly).toBe(false);
    expect(session.data!.session.messages.edges.map((e: any) => `${e.node.role}:${e.node.kind}`)).toEqual(["USER:QUESTION", "ASSISTANT:RESULT", "USER:QUESTION", "ASSISTANT:ERROR"]);
    const run = await t.gql(`query($id: ID!) { run(id: $id) { rowCount } }`, { id: first.runId }, user.token);
    expect(run.data!.run.rowCount).toBe(1);

    await pg.start();
    const recovered = await askAndWait(t, user.token, { message: "How many products are there?", sessionId: first.sessionId });
    expect(recovered.status).toBe("SUCCEEDED");
    const after = await t.gql(`query($id: ID!) { dataSource(id: $id) { status statusMessage } }`, { id: sourceId }, user.token);
    expect(after.data!.dataSource).toEqual({ status: "READY", statusMessage: null });
  });
});
