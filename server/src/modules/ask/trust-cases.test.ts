import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, startTestApp, type TestApp } from "../../testing/app.ts";
import { editMutation } from "../semantic/testing.ts";

// The cases a business user found on the demo data (issue 16, "Why"), replayed over the API:
// the semantic model reaches the SQL wherever its words are written, unknown words are asked
// about rather than answered with something else, and follow-ups edit the right thing.

const askDoc = `mutation($input: AskInput!) { ask(input: $input) { run { id } session { id } } }`;
const progressDoc = `subscription($runId: ID!) { queryProgress(runId: $runId) { seq stage status } }`;
const runDoc = `query($id: ID!) {
  run(id: $id) { status sql chart { title } explanation error { code message } answer { content } clarification { label runnable } candidates { name }
    result(page: 1, pageSize: 200) { columns { name hidden } rows totalRows } }
}`;
const upsertTerm = editMutation("upsertGlossaryTerm", "UpsertGlossaryTermInput");
const setRules = editMutation("setBusinessRules", "SetBusinessRulesInput");

interface Run {
  status: string;
  sql: string | null;
  chart: { title: string } | null;
  explanation: string | null;
  error: { code: string; message: string } | null;
  answer: { content: string } | null;
  clarification: { label: string; runnable: boolean }[];
  candidates: { name: string }[];
  result: { columns: { name: string; hidden: boolean }[]; rows: unknown[][]; totalRows: number } | null;
}

describe("answers a business user can trust, on the demo data (embedded)", () => {
  let t: TestApp;
  let token: string;
  const ids: Record<string, string> = {};

  async function ask(message: string, where: { dataSourceId?: string; sessionId?: string }): Promise<{ run: Run; sessionId: string }> {
    const res = await t.gql(askDoc, { input: { message, ...where } }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const runId = res.data.ask.run.id as string;
    await collect(t.ws(token), progressDoc, { runId }, 1000, 30_000).done;
    const run = await t.gql(runDoc, { id: runId }, token);
    if (!run.data) throw new Error(JSON.stringify(run.errors));
    return { run: run.data.run as Run, sessionId: res.data.ask.session.id as string };
  }
  /** One conversation in one session; returns every turn's run. */
  async function conversation(source: string, questions: string[]): Promise<Run[]> {
    const runs: Run[] = [];
    let sessionId: string | undefined;
    for (const message of questions) {
      const turn = await ask(message, sessionId ? { sessionId } : { dataSourceId: ids[source]! });
      sessionId = turn.sessionId;
      runs.push(turn.run);
    }
    return runs;
  }
  const edit = async (doc: string, source: string, input: Record<string, unknown>) => {
    const res = await t.gql(doc, { input: { dataSourceId: ids[source], ...input } }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
  };
  const total = (run: Run) => run.result!.rows.reduce((sum, row) => sum + Number(row.at(-1)), 0);

  beforeAll(async () => {
    t = await startTestApp("embedded", { env: { DEMO_DATA: "true" } });
    token = (await t.signUp()).token; // the first account administers the shared demo sources
    const sources = await t.gql(`{ dataSources(first: 10) { edges { node { id name } } } }`, {}, token);
    for (const { node } of sources.data!.dataSources.edges as { node: { id: string; name: string } }[]) ids[node.name] = node.id;
  }, 240_000);
  afterAll(() => t?.stop());

  it("applies a glossary term for a metric, and its synonym, as that metric", async () => {
    await edit(upsertTerm, "Sales", { term: "turnover", synonyms: ["takings"], definition: "What we sold", maps: { metric: "revenue" } });
    const [revenue] = await conversation("Sales", ["revenue by region"]);
    for (const question of ["turnover by region", "takings by region"]) {
      const [run] = await conversation("Sales", [question]);
      expect({ question, status: run!.status, sql: run!.sql }).toEqual({ question, status: "SUCCEEDED", sql: revenue!.sql });
      expect(run!.result!.rows).toEqual(revenue!.result!.rows);
    }
  }, 60_000);

  it("counts what a glossary filter term picks: “number of big orders”", async () => {
    await edit(upsertTerm, "Sales", { term: "big order", definition: "Over 5,000", maps: { filter: { entity: "orders", condition: { field: "amount", op: "GT", values: ["5000"] } } } });
    const [big] = await conversation("Sales", ["number of big orders"]);
    const [all] = await conversation("Sales", ["number of orders"]);
    expect(big!.status).toBe("SUCCEEDED");
    expect(big!.sql).toMatch(/"amount" > 5000/);
    const count = Number(big!.result!.rows[0]![0]);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(Number(all!.result!.rows[0]![0]));
  }, 60_000);

  it("applies a default rule on orders to every revenue question, also where only the order lines are summed, and says so", async () => {
    await edit(setRules, "Sales", {
      defaultFilters: [{ entity: "orders", condition: { field: "status", op: "NOT_IN", values: ["cancelled", "returned"] }, description: "exclude cancelled and returned orders" }],
    });
    const runs: Record<string, Run> = {};
    for (const question of ["total revenue", "revenue by region", "revenue by segment", "revenue by country", "revenue in 2023"]) {
      const [run] = await conversation("Sales", [question]);
      runs[question] = run!;
      expect({ question, status: run!.status }).toEqual({ question, status: "SUCCEEDED" });
      expect(run!.sql, question).toMatch(/"status" not in \('cancelled', 'returned'\)/);
      expect(run!.explanation, question).toContain("exclude cancelled and returned orders");
    }
    // Two answers about the same revenue agree: the total is the sum of its breakdowns.
    const whole = Number(runs["total revenue"]!.result!.rows[0]![0]);
    for (const breakdown of ["revenue by region", "revenue by segment", "revenue by country"]) expect(total(runs[breakdown]!)).toBeCloseTo(whole, 2);
    await edit(setRules, "Sales", { defaultFilters: [] });
  }, 90_000);

  it.each([
    ["average shoe_size by region", "shoe_size"],
    ["flux capacitance of each customer", "flux capacitance"],
    ["how many spaceships were launched per planet", "spaceships"],
    ["purple monkey dishwasher", "purple"],
  ])("asks about what the data does not have instead of answering something else: %s", async (question, word) => {
    const [run] = await conversation("Sales", [question]);
    expect(run!.status).toBe("NEEDS_INPUT");
    expect(run!.sql).toBeNull();
    expect(run!.candidates).toEqual([]);
    expect(run!.answer?.content).toContain(`“${word}”`);
  }, 30_000);

  it("asks what an average of a total is taken per, offering ready answers, rather than repeating the sum", async () => {
    const [sum, average] = await conversation("Sales", ["total revenue by region", "what about the average instead"]);
    expect(sum!.status).toBe("SUCCEEDED");
    expect(average!.status).toBe("NEEDS_INPUT");
    expect(average!.sql).toBeNull();
    expect(average!.clarification.map((o) => o.label)).toContain("The average revenue per order");
    expect(average!.clarification.every((o) => o.runnable)).toBe(true);
    const [perOrder] = await conversation("Sales", ["average revenue per order"]);
    expect(perOrder!.status).toBe("SUCCEEDED");
    expect(perOrder!.sql).toMatch(/^select avg\("per_group"\."revenue"\)/);
  }, 60_000);

  it("swaps the grouping for the rows ranked next: “top 10 departments” after a breakdown by gender", async () => {
    const [byGender, top] = await conversation("People / HR", ["headcount by gender", "top 10 departments"]);
    expect(byGender!.sql).toMatch(/group by "e"\."gender"/);
    expect(top!.status).toBe("SUCCEEDED");
    expect(top!.sql).toMatch(/group by "d"\."department_id", "d"\."name" order by "count" desc limit 10$/);
  }, 60_000);

  it("turns a top 5 into a time series on “by month instead”: no ranking limit, ordered by month", async () => {
    const [top, monthly] = await conversation("Sales", ["top 5 products by revenue", "by month instead"]);
    expect(top!.sql).toMatch(/limit 5$/);
    expect(monthly!.status).toBe("SUCCEEDED");
    expect(monthly!.sql).not.toMatch(/limit/);
    expect(monthly!.sql).toMatch(/order by "month" asc$/);
    expect(monthly!.result!.totalRows).toBeGreaterThan(5);
  }, 60_000);

  it("removes the period again on “all years again”, back to the first answer", async () => {
    const [all, only, again] = await conversation("Sales", ["revenue by region", "only 2023", "all years again"]);
    expect(only!.sql).toContain("2023-01-01");
    expect(again!.status).toBe("SUCCEEDED");
    expect(again!.sql).toBe(all!.sql);
    expect(again!.result!.rows).toEqual(all!.result!.rows);
  }, 60_000);

  it("reads like a report: a breakdown largest first, titled from what it shows after each follow-up", async () => {
    const [byCountry, only2023, top3] = await conversation("Sales", ["revenue by country", "only 2023", "top 3"]);
    const values = byCountry!.result!.rows.map((row) => Number(row.at(-1)));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect([byCountry, only2023, top3].map((r) => r!.chart?.title)).toEqual(["Revenue by country", "Revenue by country, in 2023", "Revenue by country, in 2023, top 3"]);
    expect(top3!.result!.rows).toEqual(only2023!.result!.rows.slice(0, 3));
  }, 60_000);

  it("keeps every measure asked for: “revenue and quantity by category”", async () => {
    const [both] = await conversation("Sales", ["revenue and quantity by category"]);
    expect(both!.status).toBe("SUCCEEDED");
    expect(both!.sql).toMatch(/as "revenue", sum\("oi"\."quantity"\) as "sum_quantity"/);
    expect(both!.chart?.title).toBe("Revenue and total quantity by product category");
    // The category's key is kept for exports but hidden beside its name.
    expect(both!.result!.columns).toEqual([
      { name: "category_id", hidden: true },
      { name: "name", hidden: false },
      { name: "revenue", hidden: false },
      { name: "sum_quantity", hidden: false },
    ]);
  }, 60_000);

  it("groups by fiscal quarter and fiscal year once the fiscal year start is set", async () => {
    await edit(setRules, "Sales", { fiscalYearStartMonth: 4 });
    const [quarters, years, whole] = (await Promise.all(["revenue by fiscal quarter", "revenue by fiscal year", "total revenue"].map((q) => conversation("Sales", [q])))).map(([run]) => run!) as [Run, Run, Run];
    expect(quarters.status).toBe("SUCCEEDED");
    expect(quarters.sql).toContain(`date_trunc('quarter', "o"."order_date" - interval '3 months') + interval '3 months'`);
    expect(quarters.chart?.title).toBe("Revenue by fiscal quarter");
    // January is the fourth quarter of a fiscal year starting in April, April the first.
    const byStart = new Map(quarters.result!.rows.map((row) => [String(row[0]).slice(0, 10), Number(row[1])]));
    expect([byStart.get("2023-01-01"), byStart.get("2023-04-01")]).toEqual([4, 1]);
    expect(years.sql).toContain(`extract(year from "o"."order_date" + interval '9 months')`);
    const sum = Number(whole.result!.rows[0]![0]);
    expect(total(quarters)).toBeCloseTo(sum, 2);
    expect(total(years)).toBeCloseTo(sum, 2);
    await edit(setRules, "Sales", { fiscalYearStartMonth: 1 });
  }, 60_000);
});
