import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonReply, startOpenAiTestServer, type OpenAiTestServer } from "../../llm/testing/openai-test-server.ts";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { loadSharedDataset } from "../../testing/datasets.ts";
import type { TestDatabase } from "../../testing/postgres.ts";

const ask = `mutation($input: AskInput!) { ask(input: $input) { run { id } } }`;
const progress = `subscription($runId: ID!) { queryProgress(runId: $runId) { stage status } }`;
const runQuery = `query($id: ID!) { run(id: $id) { id status engine sql answer { id } result(pageSize: 3) { rows totalRows } } }`;
const submit = `mutation($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { feedback { id rating } } }`;
const queue = `query($id: ID!, $status: VerifiedQueryStatus) {
  verifiedQueries(dataSourceId: $id, status: $status, first: 20) {
    edges { node { id question normalizedQuestion sql status live verifiedAt feedback { rating category comment } } }
  }
}`;
const modelQueries = `query($id: ID!) { node(id: $id) { ... on DataSource { semanticModel { version verifiedQueries { question sql } } } } }`;
const update = `mutation($input: UpdateVerifiedQueryInput!) { updateVerifiedQuery(input: $input) { verifiedQuery { id question sql status live } } }`;
const promote = `mutation($input: PromoteVerifiedQueryInput!) {
  promoteVerifiedQuery(input: $input) { verifiedQuery { id status live reviewedAt } dataSource { semanticModel { version verifiedQueries { question sql } } } }
}`;
const reject = `mutation($input: RejectVerifiedQueryInput!) { rejectVerifiedQuery(input: $input) { verifiedQuery { id status live note } } }`;

const fixedSql = "SELECT g.name AS genre, count(*) AS tracks FROM track t JOIN genre g ON g.genre_id = t.genre_id GROUP BY g.name ORDER BY tracks DESC";

let chinook: TestDatabase;
beforeAll(async () => {
  chinook = await loadSharedDataset("chinook");
}, 120_000);
afterAll(() => chinook?.drop());

async function setUp(t: TestApp) {
  await t.signUp();
  const owner = await t.signUp();
  const added = await t.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name: "Music", connectionUrl: chinook.url } }, owner.token);
  return { owner, sourceId: added.data!.addDataSource.dataSource.id as string };
}

describe.each(modes)("the learning loop (%s)", (mode) => {
  let t: TestApp;
  let owner: { token: string };
  let sourceId: string;

  async function answer(message: string) {
    const res = await t.gql(ask, { input: { message, dataSourceId: sourceId } }, owner.token);
    const runId = res.data!.ask.run.id as string;
    await collect(t.ws(owner.token), progress, { runId }, 1000, 30_000).done;
    const run = (await t.gql(runQuery, { id: runId }, owner.token)).data!.run;
    return { ...run, messageId: run.answer.id as string };
  }
  const rate = (messageId: string, rating: string, category?: string, comment?: string) => t.gql(submit, { input: { messageId, rating, category, comment } }, owner.token);
  const rows = async (status?: string) => (await t.gql(queue, { id: sourceId, status }, owner.token)).data!.verifiedQueries.edges.map((e: any) => e.node);

  beforeAll(async () => {
    t = await startTestApp(mode);
    ({ owner, sourceId } = await setUp(t));
  }, 120_000);
  afterAll(() => t?.stop());

  it("ask → rate wrong → fix and promote → the same question gets the verified SQL; rated wrong again it is flagged; rejected it is gone", async () => {
    const first = await answer("How many tracks per genre?");
    expect(first.engine).toBe("BUILTIN");
    await rate(first.messageId, "NEGATIVE", "WRONG_RESULT", "Should show genre names only");

    const [flagged] = await rows("FLAGGED");
    expect(flagged).toMatchObject({ question: "How many tracks per genre?", normalizedQuestion: "how many tracks per genre", sql: first.sql, live: false });
    expect(flagged.feedback).toEqual({ rating: "NEGATIVE", category: "WRONG_RESULT", comment: "Should show genre names only" });

    const refused = await t.gql(update, { input: { id: flagged.id, sql: "DELETE FROM track" } }, owner.token);
    expect(refused.errors![0]!.extensions!.code).toBe("SQL_NOT_READ_ONLY");
    const unknown = await t.gql(update, { input: { id: flagged.id, sql: "SELECT colour FROM genre" } }, owner.token);
    expect(unknown.errors![0]!.extensions!.code).toBe("QUERY_FAILED");
    expect((await rows("FLAGGED"))[0].sql).toBe(first.sql);

    const fixed = await t.gql(update, { input: { id: flagged.id, sql: fixedSql } }, owner.token);
    expect(fixed.data!.updateVerifiedQuery.verifiedQuery).toMatchObject({ sql: fixedSql, status: "FLAGGED", live: false });
    const promoted = await t.gql(promote, { input: { id: flagged.id } }, owner.token);
    expect(promoted.data!.promoteVerifiedQuery.verifiedQuery).toMatchObject({ status: "VERIFIED", live: true });
    expect(promoted.data!.promoteVerifiedQuery.dataSource.semanticModel).toEqual({ version: 2, verifiedQueries: [{ question: "How many tracks per genre?", sql: fixedSql }] });

    const again = await answer("how many tracks per genre");
    expect(again).toMatchObject({ status: "SUCCEEDED", engine: "VERIFIED", sql: fixedSql });
    expect(again.result.rows[0]).toEqual(["Rock", 1297]);
    const refined = await t.gql(`mutation($input: RefineQueryInput!) { refineQuery(input: $input) { run { id } } }`, { input: { runId: again.id, refinement: { changeLimit: { limit: 2 } } } }, owner.token);
    const refinedId = refined.data!.refineQuery.run.id;
    await collect(t.ws(owner.token), progress, { runId: refinedId }, 1000, 30_000).done;
    const top2 = (await t.gql(runQuery, { id: refinedId }, owner.token)).data!.run;
    expect(top2).toMatchObject({ engine: "REFINEMENT", result: { rows: again.result.rows.slice(0, 2) } });
    expect(top2.sql).toContain(`FROM (\n${fixedSql}\n) AS q\nLIMIT 2`);

    await rate(again.messageId, "NEGATIVE", "MISUNDERSTOOD");
    const [reflagged] = await rows("FLAGGED");
    expect(reflagged).toMatchObject({ id: flagged.id, live: true });
    expect((await answer("How many tracks per genre?")).engine).toBe("VERIFIED");

    const rejected = await t.gql(reject, { input: { id: flagged.id, note: "Counts belong to the engine" } }, owner.token);
    expect(rejected.data!.rejectVerifiedQuery.verifiedQuery).toMatchObject({ status: "REJECTED", live: false, note: "Counts belong to the engine" });
    const model = (await t.gql(modelQueries, { id: sourceId }, owner.token)).data!.node.semanticModel;
    expect(model).toEqual({ version: 3, verifiedQueries: [] });
    expect((await answer("How many tracks per genre?")).engine).toBe("BUILTIN");
  });

  it("turns good answers into candidates, withdraws them when the rating turns bad, and ignores slowness", async () => {
    const albums = await answer("How many albums are there?");
    await rate(albums.messageId, "POSITIVE");
    const [candidate] = await rows("CANDIDATE");
    expect(candidate).toMatchObject({ question: "How many albums are there?", sql: albums.sql, live: false });
    await rate(albums.messageId, "POSITIVE");
    expect(await rows("CANDIDATE")).toHaveLength(1);

    await rate(albums.messageId, "NEGATIVE", "WRONG_RESULT");
    expect(await rows("CANDIDATE")).toHaveLength(0);
    expect((await rows("FLAGGED")).map((r: any) => r.question)).toContain("How many albums are there?");

    const artists = await answer("How many artists are there?");
    const before = (await rows()).length;
    await rate(artists.messageId, "NEGATIVE", "SLOW");
    expect(await rows()).toHaveLength(before);
  });

  it("lets only the data source's owner or an administrator review", async () => {
    const [row] = await rows();
    const stranger = await t.signUp();
    const listed = await t.gql(queue, { id: sourceId }, stranger.token);
    expect(listed.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const promoted = await t.gql(promote, { input: { id: row.id } }, stranger.token);
    expect(promoted.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: row.id }, stranger.token);
    expect(node.data?.node ?? null).toBeNull();
    expect((await rows()).find((r: any) => r.id === row.id).status).toBe(row.status);
  });
});

describe("verified queries as examples for the language model", () => {
  let model: OpenAiTestServer;
  let t: TestApp;

  beforeAll(async () => {
    model = await startOpenAiTestServer({ models: ["test-model"] });
    t = await startTestApp("embedded", { env: { OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: "k", OPENAI_MODEL: "test-model" } });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await model?.close();
  });

  it("sends promoted queries in the prompt and answers their question without the model", async () => {
    const { owner, sourceId } = await setUp(t);
    const sql = "SELECT name FROM artist ORDER BY name LIMIT 3";
    model.script(jsonReply({ sql, explanation: "Three artists.", tables: ["artist"] }));
    const res = await t.gql(ask, { input: { message: "zorbly three artist flumox", dataSourceId: sourceId } }, owner.token);
    const runId = res.data!.ask.run.id;
    await collect(t.ws(owner.token), progress, { runId }, 1000, 30_000).done;
    const run = (await t.gql(runQuery, { id: runId }, owner.token)).data!.run;
    expect(run.engine).toBe("LLM");
    await t.gql(submit, { input: { messageId: run.answer.id, rating: "POSITIVE" } }, owner.token);
    const [candidate] = (await t.gql(queue, { id: sourceId, status: "CANDIDATE" }, owner.token)).data!.verifiedQueries.edges.map((e: any) => e.node);
    expect(candidate.sql).toBe(sql);
    await t.gql(promote, { input: { id: candidate.id } }, owner.token);

    const requests = model.chatRequests().length;
    const repeat = await t.gql(ask, { input: { message: "Zorbly three artist flumox!", dataSourceId: sourceId } }, owner.token);
    await collect(t.ws(owner.token), progress, { runId: repeat.data!.ask.run.id }, 1000, 30_000).done;
    expect((await t.gql(runQuery, { id: repeat.data!.ask.run.id }, owner.token)).data!.run).toMatchObject({ engine: "VERIFIED", sql });
    expect(model.chatRequests().length).toBe(requests);

    model.script(jsonReply({ sql: "SELECT count(*) AS n FROM artist", explanation: "Count.", tables: ["artist"] }));
    const other = await t.gql(ask, { input: { message: "blorp artist snorkel tally", dataSourceId: sourceId } }, owner.token);
    await collect(t.ws(owner.token), progress, { runId: other.data!.ask.run.id }, 1000, 30_000).done;
    const prompt = JSON.stringify(model.chatRequests().at(-1)!.body.messages);
    expect(prompt).toContain("zorbly three artist flumox");
    expect(prompt).toContain(sql);
  });
});
