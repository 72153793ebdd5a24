import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonReply, startOpenAiTestServer, type OpenAiTestServer } from "../../llm/testing/openai-test-server.ts";
import { fromGlobalId } from "../../graphql/ids.ts";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { loadSharedDataset } from "../../testing/datasets.ts";
import type { TestDatabase } from "../../testing/postgres.ts";

const ask = `mutation($input: AskInput!) { ask(input: $input) { run { id } session { id } } }`;
const refine = `mutation($input: RefineQueryInput!) { refineQuery(input: $input) { run { id status question } session { id } } }`;
const progress = `subscription($runId: ID!) { queryProgress(runId: $runId) { seq stage status payload } }`;
const runQuery = `query($id: ID!) {
  run(id: $id) {
    id status engine sql spec question explanation
    error { code message }
    result(pageSize: 100) { columns { name } rows totalRows }
    refinableFields { name kind type sortable operators }
    session { id context runs(first: 100) { edges { node { id } } } messageCount }
  }
}`;

const rawId = (globalId: string) => fromGlobalId(globalId, "QueryRun");

let chinook: TestDatabase;
let model: OpenAiTestServer;
beforeAll(async () => {
  [chinook, model] = await Promise.all([loadSharedDataset("chinook"), startOpenAiTestServer({ models: ["test-model"] })]);
}, 120_000);
afterAll(async () => {
  await model?.close();
  await chinook?.drop();
});

describe.each(modes)("refineQuery (%s)", (mode) => {
  let t: TestApp;
  let token: string;
  let sourceId: string;

  async function follow(runId: string) {
    const events = (await collect<{ queryProgress: { stage: string; status: string; payload: any } }>(t.ws(token), progress, { runId }, 1000, 30_000).done).map((r) => r.data!.queryProgress);
    const run = (await t.gql(runQuery, { id: runId }, token)).data!.run;
    return { events, run };
  }

  async function askAndWait(message: string, sessionId?: string) {
    const res = await t.gql(ask, { input: { message, dataSourceId: sourceId, sessionId } }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return follow(res.data.ask.run.id);
  }

  async function refineAndWait(runId: string, refinement: Record<string, unknown>) {
    const res = await t.gql(refine, { input: { runId, refinement } }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    expect(res.data.refineQuery.run.status).toMatch(/PENDING|RUNNING/);
    return follow(res.data.refineQuery.run.id);
  }

  /** A refusal: its code, after checking that nothing new was stored in the session. */
  async function refusal(runId: string, refinement: Record<string, unknown>): Promise<string> {
    const before = (await t.gql(runQuery, { id: runId }, token)).data!.run.session;
    const res = await t.gql(refine, { input: { runId, refinement } }, token);
    expect(res.data ?? null).toBeNull();
    const after = (await t.gql(runQuery, { id: runId }, token)).data!.run.session;
    expect(after.runs.edges).toHaveLength(before.runs.edges.length);
    expect(after.messageCount).toBe(before.messageCount);
    expect(after.context).toEqual(before.context);
    return res.errors![0]!.extensions!.code as string;
  }

  const column = (run: any, name: string) => run.result.columns.findIndex((c: { name: string }) => c.name === name);

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: "k", OPENAI_MODEL: "test-model" } });
    token = (await t.signUp()).token;
    const added = await t.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name: "Music", connectionUrl: chinook.url } }, token);
    sourceId = added.data!.addDataSource.dataSource.id;
  }, 120_000);
  afterAll(() => t?.stop());

  it("refines an engine answer with every refinement type, each a new run in the same session", async () => {
    const base = await askAndWait("How many tracks per genre?");
    expect(base.run).toMatchObject({ status: "SUCCEEDED", engine: "BUILTIN" });
    expect(base.run.result.totalRows).toBe(25);
    const fields = new Map(base.run.refinableFields.map((f: { name: string }) => [f.name, f]));
    expect(fields.get("genre.name")).toMatchObject({ kind: "FIELD", type: "text", sortable: true, operators: expect.arrayContaining(["IN", "CONTAINS"]) });
    expect(fields.get("count")).toMatchObject({ kind: "MEASURE", sortable: true });

    const filtered = await refineAndWait(base.run.id, { addFilter: { field: "genre.name", operator: "IN", values: ["Rock", "Jazz"] } });
    expect(filtered.run).toMatchObject({ status: "SUCCEEDED", engine: "REFINEMENT", question: "How many tracks per genre? — Name is one of Rock, Jazz" });
    expect(filtered.run.session.id).toBe(base.run.session.id);
    expect(filtered.run.result.rows.map((r: unknown[]) => r[column(filtered.run, "name")]).sort()).toEqual(["Jazz", "Rock"]);
    expect(filtered.run.session.context.lastRunId).toBe(rawId(filtered.run.id));
    expect(filtered.events.find((e) => e.stage === "PLAN" && e.status === "COMPLETED")!.payload.engine).toBe("REFINEMENT");
    const stored = await t.app.services.prisma.queryRun.findUniqueOrThrow({ where: { id: rawId(filtered.run.id) } });
    expect(stored.parentRunId).toBe(rawId(base.run.id));

    const topThree = await refineAndWait(base.run.id, { changeLimit: { limit: 3 } });
    const counts = topThree.run.result.rows.map((r: unknown[]) => Number(r[column(topThree.run, "count")]));
    expect(counts).toHaveLength(3);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBe(1297);

    const sorted = await refineAndWait(base.run.id, { changeSort: { field: "count", direction: "ASC" } });
    const ascending = sorted.run.result.rows.map((r: unknown[]) => Number(r[column(sorted.run, "count")]));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    const byName = await refineAndWait(base.run.id, { changeSort: { field: "genre.name", direction: "DESC" } });
    const names = byName.run.result.rows.map((r: unknown[]) => r[column(byName.run, "name")] as string);
    expect(names[0]).toBe("World");

    const wider = await refineAndWait(base.run.id, { addColumns: { fields: ["media_type.name"] } });
    expect(wider.run.result.columns.length).toBeGreaterThan(base.run.result.columns.length);
    expect(wider.run.result.totalRows).toBeGreaterThan(25);
    const total = (run: any) => run.result.rows.reduce((s: number, r: unknown[]) => s + Number(r[column(run, "count")]), 0);
    expect(total(wider.run)).toBe(3503);

    const simpler = await refineAndWait(wider.run.id, { simplify: {} });
    expect(simpler.run.question).toContain("without the grouping by");
    expect(simpler.run.result.totalRows).toBe(25);
    expect(simpler.run.session.context.lastRunId).toBe(rawId(simpler.run.id));
  });

  it("refuses bad refinements of an engine answer with typed errors and stores nothing", async () => {
    const base = await askAndWait("How many tracks per genre?");
    const id = base.run.id;
    expect(await refusal(id, { addFilter: { field: "genre.colour", operator: "EQ", values: ["x"] } })).toBe("REFINE_UNKNOWN_FIELD");
    expect(await refusal(id, { addFilter: { field: "genre.name", operator: "GT", values: ["x"] } })).toBe("REFINE_BAD_OPERATOR");
    expect(await refusal(id, { addFilter: { field: "track.milliseconds", operator: "GT", values: ["long"] } })).toBe("REFINE_BAD_VALUE");
    expect(await refusal(id, { addFilter: { field: "track.milliseconds", operator: "GT", values: [] } })).toBe("REFINE_BAD_VALUE");
    expect(await refusal(id, { changeLimit: { limit: -1 } })).toBe("REFINE_BAD_LIMIT");
    expect(await refusal(id, { changeLimit: { limit: 10_001 } })).toBe("REFINE_BAD_LIMIT");
    expect(await refusal(id, { changeSort: { field: "track.name", direction: "ASC" } })).toBe("REFINE_NOT_SUPPORTED");
    expect(await refusal(id, { addColumns: { fields: ["genre.name"] } })).toBe("REFINE_NOT_SUPPORTED");
    expect(await refusal(id, { addColumns: { fields: [] } })).toBe("BAD_USER_INPUT");
    expect(await refusal(id, { changeLimit: { limit: 3 }, simplify: {} })).toBe("BAD_USER_INPUT");
    const total = await askAndWait("How many tracks are there?");
    expect(total.run.result.rows).toEqual([[3503]]);
    expect(await refusal(total.run.id, { simplify: { steps: 1 } })).toBe("REFINE_NOTHING_TO_SIMPLIFY");

    const stranger = await t.signUp();
    const foreign = await t.gql(refine, { input: { runId: id, refinement: { changeLimit: { limit: 2 } } } }, stranger.token);
    expect(foreign.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("refines SQL written by the model by wrapping it, over its result columns only", async () => {
    const sql = "SELECT name, length(name) AS letters FROM artist ORDER BY letters DESC LIMIT 20";
    model.script(jsonReply({ sql, explanation: "The twenty artists with the longest names.", tables: ["artist"] }));
    const base = await askAndWait("zorbly artist wibble names flumox");
    expect(base.run).toMatchObject({ status: "SUCCEEDED", engine: "LLM", sql, spec: null });
    expect(base.run.refinableFields.map((f: { name: string; kind: string }) => [f.name, f.kind])).toEqual([
      ["name", "COLUMN"],
      ["letters", "COLUMN"],
    ]);
    const requests = model.chatRequests().length;

    const filtered = await refineAndWait(base.run.id, { addFilter: { field: "letters", operator: "GTE", values: ["60"] } });
    expect(filtered.run).toMatchObject({ status: "SUCCEEDED", engine: "REFINEMENT", spec: null });
    expect(filtered.run.sql).toContain(`FROM (\n${sql}\n) AS q`);
    expect(filtered.run.sql).toContain(`WHERE q."letters" >= 60`);
    expect(filtered.run.explanation).toContain("letters is at least 60");
    const letters = filtered.run.result.rows.map((r: unknown[]) => r[1] as number);
    expect(letters.length).toBeGreaterThan(0);
    expect(letters.length).toBeLessThan(20);
    expect(letters.every((n: number) => n >= 60)).toBe(true);
    expect(filtered.events.find((e) => e.stage === "SUGGEST")!.status).toBe("SKIPPED");

    const sorted = await refineAndWait(filtered.run.id, { changeSort: { field: "name", direction: "ASC" } });
    const names = sorted.run.result.rows.map((r: unknown[]) => r[0] as string);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(sorted.run.sql.match(/FROM \(/g)).toHaveLength(1);
    expect(sorted.run.sql).toContain(`WHERE q."letters" >= 60`);

    const two = await refineAndWait(sorted.run.id, { changeLimit: { limit: 2 } });
    expect(two.run.result.rows).toEqual(sorted.run.result.rows.slice(0, 2));

    const undone = await refineAndWait(two.run.id, { simplify: { steps: 1 } });
    expect(undone.run.result.rows).toEqual(sorted.run.result.rows);
    expect(undone.run.session.context.lastRunId).toBe(rawId(undone.run.id));
    expect(model.chatRequests().length).toBe(requests);

    expect(await refusal(base.run.id, { addColumns: { fields: ["artist.artist_id"] } })).toBe("REFINE_NOT_SUPPORTED");
    expect(await refusal(base.run.id, { addFilter: { field: "artist.name", operator: "EQ", values: ["x"] } })).toBe("REFINE_UNKNOWN_FIELD");
    expect(await refusal(base.run.id, { addFilter: { field: "name", operator: "GT", values: ["x"] } })).toBe("REFINE_BAD_OPERATOR");
    expect(await refusal(base.run.id, { addFilter: { field: "letters", operator: "EQ", values: ["x'; DROP TABLE artist; --"] } })).toBe("REFINE_BAD_VALUE");
    expect(await refusal(base.run.id, { changeLimit: { limit: 0 } })).toBe("REFINE_BAD_LIMIT");
    expect(await refusal(base.run.id, { changeSort: { field: "nope", direction: "ASC" } })).toBe("REFINE_UNKNOWN_FIELD");
    expect(await refusal(base.run.id, { simplify: {} })).toBe("REFINE_NOTHING_TO_SIMPLIFY");
  });

  it("keeps a hostile filter value inside a literal", async () => {
    model.script(jsonReply({ sql: "SELECT name FROM artist ORDER BY name LIMIT 5", explanation: "Five artists.", tables: ["artist"] }));
    const base = await askAndWait("blorp five artist snorkel");
    const hostile = "x'); DELETE FROM artist; --";
    const refined = await refineAndWait(base.run.id, { addFilter: { field: "name", operator: "NEQ", values: [hostile] } });
    expect(refined.run.status).toBe("SUCCEEDED");
    expect(refined.run.result.totalRows).toBe(5);
    const executor = t.app.services.dataSources.executorFor(await t.app.services.prisma.dataSource.findFirstOrThrow({ where: { name: "Music" } }));
    const count = await executor.introspectionQueryable().query<{ n: number }>("SELECT count(*)::int AS n FROM artist");
    expect(count.rows[0]!.n).toBe(275);
  });
});
