import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hang, jsonReply, reply, startOpenAiTestServer, type OpenAiTestServer } from "../../llm/testing/openai-test-server.ts";
import { collect, startTestApp, type TestApp } from "../../testing/app.ts";
import { loadSharedDataset } from "../../testing/datasets.ts";
import type { TestDatabase } from "../../testing/postgres.ts";

const ask = `mutation($input: AskInput!) { ask(input: $input) { run { id } } }`;
const progress = `subscription($runId: ID!) { queryProgress(runId: $runId) { seq stage status payload } }`;
const runQuery = `query($id: ID!) { run(id: $id) { status engine sql error { code hint } result(pageSize: 5) { rows totalRows } } }`;
type Event = { seq: number; stage: string; status: string; payload: any };

describe("asking through an OpenAI-compatible model (hybrid engine)", () => {
  let model: OpenAiTestServer;
  let chinook: TestDatabase;
  let t: TestApp;
  let token: string;
  let sourceId: string;

  async function askAndWait(message: string, whileRunning?: (runId: string) => Promise<void>) {
    const res = await t.gql(ask, { input: { message, dataSourceId: sourceId } }, token);
    const runId = res.data!.ask.run.id as string;
    const events = collect<{ queryProgress: Event }>(t.ws(token), progress, { runId }, 1000, 30_000);
    await whileRunning?.(runId);
    const list = (await events.done).map((r) => r.data!.queryProgress);
    return { runId, events: list, run: (await t.gql(runQuery, { id: runId }, token)).data!.run };
  }

  beforeAll(async () => {
    [model, chinook] = await Promise.all([startOpenAiTestServer({ models: ["test-model"] }), loadSharedDataset("chinook")]);
    t = await startTestApp("embedded", { env: { OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: "k", OPENAI_MODEL: "test-model" } });
    token = (await t.signUp()).token;
    const added = await t.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name: "Music", connectionUrl: chinook.url } }, token);
    sourceId = added.data!.addDataSource.dataSource.id;
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await model?.close();
    await chinook?.drop();
  });

  it("lets the built-in engine answer what it reads with confidence, without calling the model", async () => {
    const before = model.chatRequests().length;
    const { run } = await askAndWait("How many artists are there?");
    expect(run).toMatchObject({ status: "SUCCEEDED", engine: "BUILTIN" });
    expect(model.chatRequests().length).toBe(before);
  });

  it("asks the model when the engine cannot read the question: streamed, validated, executed", async () => {
    const sql = "SELECT name, length(name) AS letters FROM artist ORDER BY letters DESC LIMIT 3";
    model.script(jsonReply({ sql, explanation: "The three artists with the longest names.", tables: ["artist"] }, { chunkSize: 5 }));
    const { run, events } = await askAndWait("zorbly artist wibble names flumox");
    expect(run).toMatchObject({ status: "SUCCEEDED", engine: "LLM", sql });
    expect(run.result.totalRows).toBe(3);
    const writing = events.filter((e) => e.stage === "PLAN" && e.status === "PROGRESS" && e.payload.phase === "WRITING");
    expect(writing.length).toBeGreaterThan(0);
    expect(sql.startsWith(writing.at(-1)!.payload.sql.slice(0, 10))).toBe(true);
    const plan = events.find((e) => e.stage === "PLAN" && e.status === "COMPLETED")!.payload;
    expect(plan).toMatchObject({ engine: "LLM", attempts: 1 });
    expect(plan.usage.totalTokens).toBeGreaterThan(0);
    const prompt = JSON.stringify(model.chatRequests().at(-1)!.body.messages);
    expect(prompt).toContain("artist");
  });

  it("sends a failing SQL back to the model and runs the corrected one", async () => {
    model.script(
      reply("```sql\nSELECT nme FROM artist LIMIT 2\n```"),
      jsonReply({ sql: "SELECT name FROM artist ORDER BY name LIMIT 2", explanation: "Two artists.", tables: ["artist"] }),
    );
    const { run, events } = await askAndWait("blorp two artist snorkel");
    expect(run).toMatchObject({ status: "SUCCEEDED", engine: "LLM" });
    const correcting = events.filter((e) => e.payload?.phase === "CORRECTING");
    expect(correcting).toHaveLength(1);
    expect(correcting[0]!.payload.code).toBe("QUERY_FAILED");
    const second = JSON.stringify(model.chatRequests().at(-1)!.body.messages);
    expect(second).toContain("nme");
  });

  it("refuses a model's write and fails with a typed error once corrections run out", async () => {
    model.script(...Array.from({ length: 3 }, () => jsonReply({ sql: "DELETE FROM artist", explanation: "", tables: [] })));
    const { run } = await askAndWait("grobble the artist zap");
    expect(run.status).toBe("FAILED");
    expect(run.error.code).toBe("LLM_SQL_INVALID");
    const count = await t.app.services.dataSources.executorFor(
      (await t.app.services.prisma.dataSource.findFirstOrThrow({ where: { name: "Music" } })),
    ).introspectionQueryable().query<{ n: number }>("SELECT count(*)::int AS n FROM artist");
    expect(count.rows[0]!.n).toBe(275);
  });

  it("cancelling a run aborts the request to the model", async () => {
    model.script(hang());
    const before = model.chatRequests().length;
    const { run } = await askAndWait("flibber artist quux", async (runId) => {
      for (let waited = 0; model.chatRequests().length === before; waited += 50) {
        if (waited > 10_000) throw new Error("the request never reached the model");
        await new Promise((r) => setTimeout(r, 50));
      }
      const cancelled = await t.gql(`mutation($input: CancelRunInput!) { cancelRun(input: $input) { run { id } } }`, { input: { runId } }, token);
      expect(cancelled.errors).toBeUndefined();
    });
    expect(run.status).toBe("CANCELLED");
    expect((await model.chatRequests().at(-1)!.closed).early).toBe(true);
  });
});
