import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";

const ask = `mutation($input: AskInput!) { ask(input: $input) { run { id status question } session { id title } } }`;
const progress = `subscription($runId: ID!, $afterSeq: Int) { queryProgress(runId: $runId, afterSeq: $afterSeq) { seq stage status payload durationMs } }`;
const runQuery = `query($id: ID!) {
  run(id: $id) {
    id status engine sql explanation question rowCount truncated
    error { code message hint }
    chart { type title x { column } y { column format } alternatives }
    suggestions { index kind label }
    candidates { dataSourceId name score matched }
    clarification { index label runnable }
    result(page: 1, pageSize: 10) { columns { name type } rows totalRows pageCount }
    dataSource { id name }
  }
}`;

type Event = { seq: number; stage: string; status: string; payload: any };

describe.each(modes)("ask pipeline (%s)", (mode) => {
  let t: TestApp;
  let user: { token: string };

  /** Asks and follows the run to its DONE event over WebSocket. */
  async function askAndWait(input: Record<string, unknown>, token = user.token) {
    const res = await t.gql(ask, { input }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const runId = res.data.ask.run.id as string;
    const sub = collect<{ queryProgress: Event }>(t.ws(token), progress, { runId }, 1000, 30_000);
    const events = (await sub.done).map((r) => r.data!.queryProgress);
    const run = (await t.gql(runQuery, { id: runId }, token)).data!.run;
    return { runId, sessionId: res.data.ask.session.id as string, title: res.data.ask.session.title as string, events, run };
  }

  beforeAll(async () => {
    t = await startTestApp(mode, { env: { DEMO_DATA: "true" } });
    user = await t.signUp();
  }, 240_000);
  afterAll(() => t?.stop());

  it("follows the seed's journey: discovery, pick, total revenue, by region", async () => {
    const first = await askAndWait({ message: "Show me sales data" });
    expect(first.title).toBe("Show me sales data");
    expect(first.run.status).toBe("NEEDS_INPUT");
    expect(first.run.candidates[0].name).toBe("Sales");
    expect(first.run.candidates.map((c: any) => c.name)).toEqual(expect.arrayContaining(["Sales", "People / HR", "Customer support"]));
    expect(first.events.at(-1)).toMatchObject({ stage: "DONE", status: "NEEDS_INPUT" });
    expect(first.events.filter((e) => e.stage === "DISCOVER").map((e) => e.status)).toEqual(["STARTED", "NEEDS_INPUT"]);

    const picked = await t.gql(
      `mutation($input: SelectDataSourceInput!) { selectDataSource(input: $input) { session { dataSource { name } } run { id } } }`,
      { input: { sessionId: first.sessionId, dataSourceId: first.run.candidates[0].dataSourceId } },
      user.token,
    );
    expect(picked.data!.selectDataSource.session.dataSource.name).toBe("Sales");
    const continued = picked.data!.selectDataSource.run.id;
    const overview = (await collect<{ queryProgress: Event }>(t.ws(user.token), progress, { runId: continued }, 1000, 30_000).done).map((r) => r.data!.queryProgress);
    expect(overview.at(-1)).toMatchObject({ stage: "DONE", status: "COMPLETED" });
    expect(overview.at(-1)!.payload.message).toContain("Sales");

    const total = await askAndWait({ sessionId: first.sessionId, message: "What's the total revenue?" });
    expect(total.run.status).toBe("SUCCEEDED");
    expect(total.run.dataSource.name).toBe("Sales");
    expect(total.run.result.totalRows).toBe(1);
    expect(total.run.chart.type).toBe("kpi");
    expect(total.run.sql).toMatch(/sum/i);
    expect(total.run.explanation.length).toBeGreaterThan(10);
    const stagesSeen = total.events.filter((e) => e.status === "COMPLETED").map((e) => e.stage);
    expect(stagesSeen).toEqual(["UNDERSTAND", "DISCOVER", "CONTEXT", "PLAN", "COMPILE", "EXECUTE", "VISUALIZE", "SUGGEST", "DONE"]);
    expect(total.events.map((e) => e.seq)).toEqual(total.events.map((_, i) => i + 1));

    const byRegion = await askAndWait({ sessionId: first.sessionId, message: "Show by region" });
    expect(byRegion.run.status).toBe("SUCCEEDED");
    expect(byRegion.run.result.totalRows).toBeGreaterThan(1);
    const measureIndex = byRegion.run.result.columns.length - 1;
    expect(byRegion.run.result.rows.map((r: unknown[]) => r[measureIndex - 1]).sort()).toEqual(["APAC", "EMEA", "LATAM", "North America"]);
    expect(byRegion.run.chart.type).toMatch(/bar|pie/);
    const plan = byRegion.events.find((e) => e.stage === "PLAN" && e.status === "COMPLETED")!.payload;
    expect(plan.followUp).toBe(true);
    // The breakdown keeps the measure of the previous turn.
    const totalFromRegions = byRegion.run.result.rows.reduce((sum: number, row: unknown[]) => sum + Number(row[measureIndex]), 0);
    expect(totalFromRegions).toBeCloseTo(Number(total.run.result.rows[0][0]), 0);
    expect(byRegion.run.suggestions.length).toBeGreaterThanOrEqual(3);
  });

  it("runs a suggestion in one click without parsing text", async () => {
    const base = await askAndWait({ message: "Total revenue by region", dataSourceId: await salesId() });
    expect(base.run.suggestions.length).toBeGreaterThanOrEqual(3);
    const picked = await askAndWait({ sessionId: base.sessionId, message: base.run.suggestions[0].label, pick: { runId: base.runId, suggestion: 0 } });
    expect(picked.run.status).toBe("SUCCEEDED");
    expect(picked.run.engine).toBe("PREPARED");
    expect(picked.run.sql).not.toBe(base.run.sql);
  });

  it("replays missed events to late subscribers and resumes after afterSeq without duplicates", async () => {
    const done = await askAndWait({ message: "How many orders per channel?", dataSourceId: await salesId() });
    const late = (await collect<{ queryProgress: Event }>(t.ws(user.token), progress, { runId: done.runId }, 1000, 10_000).done).map((r) => r.data!.queryProgress);
    expect(late).toEqual(done.events);
    const resumed = (await collect<{ queryProgress: Event }>(t.ws(user.token), progress, { runId: done.runId, afterSeq: 5 }, 1000, 10_000).done).map((r) => r.data!.queryProgress);
    expect(resumed.map((e) => e.seq)).toEqual(done.events.filter((e) => e.seq > 5).map((e) => e.seq));
  });

  it("ends bad questions with an ERROR message and a hint, and keeps the session usable", async () => {
    const sales = await salesId();
    const pasted = await askAndWait({ message: "SELECT * FROM orders; DROP TABLE orders", dataSourceId: sales });
    expect(pasted.run.status).toBe("FAILED");
    expect(pasted.run.error.code).toBe("SQL_NOT_ACCEPTED");
    expect(pasted.run.error.hint).toBeTruthy();
    const messages = await t.gql(`query($id: ID!) { session(id: $id) { messages(first: 10) { edges { node { role kind content } } } } }`, { id: pasted.sessionId }, user.token);
    expect(messages.data!.session.messages.edges.map((e: any) => e.node.kind)).toEqual(["QUESTION", "ERROR"]);
    const after = await askAndWait({ sessionId: pasted.sessionId, message: "How many customers are there?" });
    expect(after.run.status).toBe("SUCCEEDED");

    for (const [message, code] of [["", "BAD_USER_INPUT"], ["x".repeat(4001), "QUESTION_TOO_LONG"]] as const) {
      const res = await t.gql(ask, { input: { message, dataSourceId: sales } }, user.token);
      expect(res.errors![0]!.extensions!.code).toBe(code);
    }
  });

  it("keeps runs private: another user's run is NOT_FOUND everywhere", async () => {
    const mine = await askAndWait({ message: "How many products?", dataSourceId: await salesId() });
    const other = await t.signUp();
    expect((await t.gql(runQuery, { id: mine.runId }, other.token)).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const cancel = await t.gql(`mutation($input: CancelRunInput!) { cancelRun(input: $input) { run { id } } }`, { input: { runId: mine.runId } }, other.token);
    expect(cancel.errors![0]!.extensions!.code).toBe("NOT_FOUND");
    const sub = collect(t.ws(other.token), progress, { runId: mine.runId }, 1, 5_000);
    const outcome = await sub.done.catch((e: Error) => e);
    expect(JSON.stringify(outcome)).toContain("NOT_FOUND");
    const pick = await t.gql(ask, { input: { message: "x", pick: { runId: mine.runId, suggestion: 0 } } }, other.token);
    expect(pick.errors![0]!.extensions!.code).toBe("NOT_FOUND");
  });

  it("pages and sorts results on the server", async () => {
    const listed = await askAndWait({ message: "Revenue by product", dataSourceId: await salesId() });
    const page = `query($id: ID!, $order: ResultOrder) { run(id: $id) { result(page: 2, pageSize: 5, orderBy: $order) { rows totalRows page pageCount columns { name } } } }`;
    const measure = listed.run.result.columns[1].name;
    const sorted = await t.gql(page, { id: listed.runId, order: { column: measure, direction: "DESC" } }, user.token);
    const rows = sorted.data!.run.result.rows as unknown[][];
    expect(rows).toHaveLength(5);
    const values = rows.map((r) => Number(r[1]));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const bad = await t.gql(page, { id: listed.runId, order: { column: "nope", direction: "ASC" } }, user.token);
    expect(bad.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
  });

  it("exports a result as CSV and JSON to its owner only", async () => {
    const done = await askAndWait({ message: "Number of orders per channel", dataSourceId: await salesId() });
    const get = (ext: string, token?: string) => fetch(`${t.url}/export/${encodeURIComponent(done.runId)}.${ext}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const csv = await get("csv", user.token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("attachment;");
    const text = (await csv.text()).replace(/^\ufeff/, "");
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe(done.run.result.columns.map((c: any) => c.name).join(","));
    expect(lines).toHaveLength(done.run.result.totalRows + 1);
    const json = (await (await get("json", user.token)).json()) as { rows: Record<string, unknown>[]; rowCount: number };
    expect(json.rowCount).toBe(done.run.result.totalRows);
    expect(Object.keys(json.rows[0]!)).toEqual(done.run.result.columns.map((c: any) => c.name));

    expect((await get("csv")).status).toBe(401);
    const other = await t.signUp();
    expect((await get("csv", other.token)).status).toBe(404);
    expect((await fetch(`${t.url}/export/garbage.csv`, { headers: { authorization: `Bearer ${user.token}` } })).status).toBe(404);
  });

  async function salesId(): Promise<string> {
    const res = await t.gql(`{ dataSources(first: 10) { edges { node { id name } } } }`, {}, user.token);
    return res.data!.dataSources.edges.find((e: any) => e.node.name === "Sales").node.id;
  }
});
