import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../graphql/ids.ts";
import { jsonReply, startOpenAiTestServer, type OpenAiTestServer } from "../../llm/testing/openai-test-server.ts";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { loadSharedDataset } from "../../testing/datasets.ts";
import type { TestDatabase } from "../../testing/postgres.ts";

const ask = `mutation($input: AskInput!) { ask(input: $input) { run { id } } }`;
const progress = `subscription($runId: ID!) { queryProgress(runId: $runId) { stage } }`;
const values = `query($runId: ID!, $field: String!, $search: String, $first: Int) {
  fieldValues(runId: $runId, field: $field, search: $search, first: $first) { values complete }
}`;

let chinook: TestDatabase;
let model: OpenAiTestServer;
beforeAll(async () => {
  [chinook, model] = await Promise.all([loadSharedDataset("chinook"), startOpenAiTestServer({ models: ["test-model"] })]);
}, 120_000);
afterAll(async () => {
  await model?.close();
  await chinook?.drop();
});

describe.each(modes)("fieldValues (%s)", (mode) => {
  let t: TestApp;
  let token: string;
  let sourceId: string;

  async function answered(message: string): Promise<string> {
    const res = await t.gql(ask, { input: { message, dataSourceId: sourceId } }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const runId = res.data.ask.run.id as string;
    await collect(t.ws(token), progress, { runId }, 1000, 30_000).done;
    return runId;
  }

  async function list(variables: Record<string, unknown>, as = token) {
    const res = await t.gql(values, variables, as);
    return { data: res.data?.fieldValues as { values: string[]; complete: boolean } | undefined, code: res.errors?.[0]?.extensions?.code };
  }

  /** The same list read from the database directly. */
  async function fromDatabase(sql: string): Promise<string[]> {
    const source = await t.app.services.prisma.dataSource.findFirstOrThrow({ where: { name: "Music" } });
    const result = await t.app.services.dataSources.executorFor(source).introspectionQueryable().query<{ v: string }>(sql);
    return result.rows.map((r) => r.v);
  }

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: "k", OPENAI_MODEL: "test-model" } });
    token = (await t.signUp()).token;
    const added = await t.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name: "Music", connectionUrl: chinook.url } }, token);
    sourceId = added.data!.addDataSource.dataSource.id;
  }, 120_000);
  afterAll(() => t?.stop());

  it("lists a text field's distinct values in order, searched and capped", async () => {
    const runId = await answered("How many tracks per genre?");
    const all = await list({ runId, field: "genre.name", first: 200 });
    expect(all.data).toEqual({ values: await fromDatabase("SELECT DISTINCT name AS v FROM genre WHERE name IS NOT NULL ORDER BY name"), complete: true });
    expect(all.data!.values.length).toBeGreaterThan(20);

    const searched = await list({ runId, field: "genre.name", search: " RO " });
    expect(searched.data).toEqual({ values: await fromDatabase("SELECT DISTINCT name AS v FROM genre WHERE name ILIKE '%ro%' ORDER BY name"), complete: true });
    expect(searched.data!.values).toContain("Rock");

    const neighbour = await list({ runId, field: "media_type.name", search: "audio" });
    expect(neighbour.data!.values.length).toBeGreaterThan(0);
    expect(neighbour.data!.values.every((v) => /audio/i.test(v))).toBe(true);

    const three = await list({ runId, field: "genre.name", first: 3 });
    expect(three.data).toEqual({ values: all.data!.values.slice(0, 3), complete: false });

    const wildcard = await list({ runId, field: "genre.name", search: "%" });
    expect(wildcard.data).toEqual({ values: [], complete: true });
  });

  it("refuses totals, non-text and unknown fields and out-of-range sizes with typed errors", async () => {
    const runId = await answered("How many tracks per genre?");
    expect((await list({ runId, field: "count" })).code).toBe("REFINE_NOT_SUPPORTED");
    expect((await list({ runId, field: "track.milliseconds" })).code).toBe("REFINE_NOT_SUPPORTED");
    expect((await list({ runId, field: "genre.nope" })).code).toBe("REFINE_UNKNOWN_FIELD");
    expect((await list({ runId, field: "genre.name", first: 0 })).code).toBe("BAD_USER_INPUT");
    expect((await list({ runId, field: "genre.name", first: 201 })).code).toBe("BAD_USER_INPUT");
    expect((await list({ runId, field: "genre.name", search: "x".repeat(101) })).code).toBe("BAD_USER_INPUT");
  });

  it("answers another user's run exactly like a missing one", async () => {
    const runId = await answered("How many tracks per genre?");
    const stranger = await t.signUp();
    const theirs = await list({ runId, field: "genre.name" }, stranger.token);
    const missing = await list({ runId: toGlobalId("QueryRun", randomUUID()), field: "genre.name" });
    const wrongType = await list({ runId: sourceId, field: "genre.name" });
    expect(theirs).toEqual({ data: undefined, code: "NOT_FOUND" });
    expect(missing).toEqual(theirs);
    expect(wrongType).toEqual(theirs);
    expect((await list({ runId, field: "genre.name" }, "")).code).toBe("UNAUTHENTICATED");
  });

  it("lists a column of SQL written by the model from that SQL only, with the search kept literal", async () => {
    const sql = "SELECT name, length(name) AS letters FROM artist ORDER BY letters DESC LIMIT 20";
    model.script(jsonReply({ sql, explanation: "The twenty artists with the longest names.", tables: ["artist"] }));
    const runId = await answered("zorbly artist wibble names flumox");
    const names = await list({ runId, field: "name", first: 200 });
    expect(names.data).toEqual({ values: await fromDatabase(`SELECT DISTINCT name AS v FROM (${sql}) AS q ORDER BY name`), complete: true });
    expect(names.data!.values).toHaveLength(20);
    expect((await list({ runId, field: "name", search: "x'; DROP TABLE artist; --" })).data).toEqual({ values: [], complete: true });
    expect((await list({ runId, field: "letters" })).code).toBe("REFINE_NOT_SUPPORTED");
    expect((await list({ runId, field: "nope" })).code).toBe("REFINE_UNKNOWN_FIELD");
  });
});
