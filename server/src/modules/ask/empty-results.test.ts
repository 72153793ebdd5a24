import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { runScript } from "../../testing/datasets.ts";
import { createTestDatabase, type TestDatabase } from "../../testing/postgres.ts";
import { askAndWait } from "../../security/fixtures.ts";

/** Orders from 2022 to 2024 only: earlier years and large amounts come back empty. */
const ordersSchema = `
  CREATE TABLE orders (order_id int PRIMARY KEY, ordered_at date NOT NULL, status text NOT NULL, amount numeric(10,2) NOT NULL);
  INSERT INTO orders
    SELECT i, date '2022-01-05' + (i * 7) % 1050, (ARRAY['open','shipped','returned'])[1 + i % 3], 10 + (i * 37) % 900
    FROM generate_series(1, 300) AS i;`;

const run = `query($id: ID!) { run(id: $id) { status rowCount suggestions { index kind label } } }`;
const reply = `query($id: ID!) { session(id: $id) { messages(first: 20) { edges { node { role kind content } } } } }`;

describe.each(modes)("an empty answer says why (%s)", (mode) => {
  let t: TestApp;
  let db: TestDatabase;
  let token: string;
  let dataSourceId: string;

  const lastReply = async (sessionId: string) =>
    ((await t.gql(reply, { id: sessionId }, token)).data!.session.messages.edges as { node: { role: string; content: string } }[]).filter((e) => e.node.role === "ASSISTANT").at(-1)!.node.content;

  beforeAll(async () => {
    [t, db] = await Promise.all([startTestApp(mode), createTestDatabase("empty_answers")]);
    await runScript(db.url, ordersSchema);
    token = (await t.signUp()).token;
    const added = await t.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name: "Orders", connectionUrl: db.url } }, token);
    dataSourceId = added.data!.addDataSource.dataSource.id;
  }, 240_000);
  afterAll(async () => {
    await t?.stop();
    await db?.drop();
  });

  it("names the year that emptied it, the range the data covers, and offers the latest year, which returns rows", async () => {
    const asked = await askAndWait(t, token, { message: "How many orders were placed in 2013?", dataSourceId });
    const empty = (await t.gql(run, { id: asked.runId }, token)).data!.run;
    expect(empty).toMatchObject({ status: "SUCCEEDED", rowCount: 1 });
    // A count answers 0 in one row: that is an answer, not an empty result.
    const listed = await askAndWait(t, token, { message: "List the orders placed in 2013", dataSourceId });
    const listing = (await t.gql(run, { id: listed.runId }, token)).data!.run;
    expect(listing).toMatchObject({ status: "SUCCEEDED", rowCount: 0 });
    const text = await lastReply(listed.sessionId);
    expect(text).toMatch(/^No orders in 2013: the data holds orders from 2022-01-\d\d to 2024-1\d-\d\d \(ordered at\)\.$/);
    expect(listing.suggestions).toEqual([{ index: 0, kind: "widen", label: "Show 2024 instead" }]);

    const picked = await askAndWait(t, token, { message: "Show 2024 instead", sessionId: listed.sessionId, pick: { runId: listed.runId, suggestion: 0 } });
    expect(picked.status).toBe("SUCCEEDED");
    expect((await t.gql(run, { id: picked.runId }, token)).data!.run.rowCount).toBeGreaterThan(0);
  });

  it("names a condition no row meets and offers the answer without it", async () => {
    const asked = await askAndWait(t, token, { message: "List the orders with an amount over 5000", dataSourceId });
    const empty = (await t.gql(run, { id: asked.runId }, token)).data!.run;
    expect(empty).toMatchObject({ status: "SUCCEEDED", rowCount: 0 });
    expect(await lastReply(asked.sessionId)).toMatch(/^No orders where .*amount.* 5000; without that condition there are 300\.$/);
    expect(empty.suggestions).toHaveLength(1);
    expect(empty.suggestions[0]).toMatchObject({ kind: "widen", label: expect.stringMatching(/^Without “.*amount.*5000”$/) });
  });
});
