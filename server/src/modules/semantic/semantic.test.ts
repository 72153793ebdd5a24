import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { loadSharedDataset } from "../../testing/datasets.ts";
import type { TestDatabase } from "../../testing/postgres.ts";
import { addSource, askAndWait, editMutation, errorOf, readModel } from "./testing.ts";

const upsertMetric = editMutation("upsertMetric", "UpsertMetricInput");
const deleteMetric = editMutation("deleteMetric", "DeleteMetricInput");
const upsertTerm = editMutation("upsertGlossaryTerm", "UpsertGlossaryTermInput");
const setSynonyms = editMutation("setSynonyms", "SetSynonymsInput");
const setRules = editMutation("setBusinessRules", "SetBusinessRulesInput");
const upsertVerified = editMutation("upsertVerifiedQuery", "UpsertVerifiedQueryInput");
const deleteVerified = editMutation("deleteVerifiedQuery", "DeleteVerifiedQueryInput");
const restore = editMutation("restoreSemanticModelVersion", "RestoreSemanticModelVersionInput");
const upsertJoin = editMutation("upsertJoin", "UpsertJoinInput");
const confirmJoin = editMutation("confirmJoin", "JoinNameInput");
const deleteJoin = editMutation("deleteJoin", "JoinNameInput");

async function scalar(url: string, sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query(sql)).rows[0].n);
  } finally {
    await client.end();
  }
}

describe.each(modes)("semantic model over GraphQL (%s)", (mode) => {
  let t: TestApp;
  let chinook: TestDatabase;
  let admin: { token: string };
  let owner: { token: string };
  let stranger: { token: string };
  let sourceId: string;

  const edit = async (doc: string, input: Record<string, unknown>, token = owner.token) => {
    const res = await t.gql(doc, { input: { dataSourceId: sourceId, ...input } }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    return Object.values(res.data)[0].semanticModel;
  };
  const current = async (token = owner.token) => (await t.gql(readModel, { id: sourceId }, token)).data!.dataSource;

  beforeAll(async () => {
    [t, chinook] = await Promise.all([startTestApp(mode), loadSharedDataset("chinook")]);
    admin = await t.signUp(); // the first account is the administrator
    owner = await t.signUp();
    stranger = await t.signUp();
    const res = await t.gql(addSource, { input: { name: "Music", connectionUrl: chinook.url } }, owner.token);
    sourceId = res.data!.addDataSource.dataSource.id;
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await chinook?.drop();
  });

  it("reads the bootstrapped model as typed objects, with its versions", async () => {
    const source = await current();
    const model = source.semanticModel;
    expect(model.version).toBe(1);
    expect(model.entities).toHaveLength(11);
    const line = model.entities.find((e: any) => e.name === "invoice_line");
    expect(line).toMatchObject({ table: "invoice_line", schema: "public", kind: "TABLE", primaryKey: ["invoice_line_id"] });
    expect(line.fields.find((f: any) => f.name === "unit_price")).toMatchObject({ role: "MEASURE", money: true, type: "decimal" });
    expect(line.fields.find((f: any) => f.name === "invoice_id").role).toBe("FOREIGN_KEY");
    const customer = model.entities.find((e: any) => e.name === "customer");
    expect(customer.fields.find((f: any) => f.name === "country").sampleValues).toContain("Brazil");
    expect(model.joins).toContainEqual(expect.objectContaining({ from: "invoice_line", to: "invoice", fromColumns: ["invoice_id"], inferred: false }));
    expect(model.metrics.find((m: any) => m.origin === "GENERATED")).toBeDefined();
    expect(model.rules).toEqual({ fiscalYearStartMonth: 1, defaultFilters: [] });
    expect(model.yaml).toContain("entities:");
    expect(source.semanticModelVersions).toEqual([{ version: 1, note: "Bootstrapped from the database", current: true }]);
    // Not readable by someone else: the data source itself is NOT_FOUND.
    expect(errorOf(await t.gql(readModel, { id: sourceId }, stranger.token)).code).toBe("NOT_FOUND");
  });

  it("answers with a new metric, a glossary term and synonyms once they are added", async () => {
    const before = await askAndWait(t, owner.token, { message: "total listening time per style for epic tracks", dataSourceId: sourceId });
    expect(before.sql ?? "").not.toContain("3600000");

    let model = await edit(upsertMetric, {
      name: "listening_hours",
      entity: "track",
      expression: "sum(milliseconds) / 3600000.0",
      synonyms: ["listening time"],
      description: "Hours of music",
    });
    expect(model.metrics.find((m: any) => m.name === "listening_hours")).toMatchObject({ origin: "USER", label: "Listening hours", entity: "track" });
    model = await edit(upsertTerm, {
      term: "epic",
      synonyms: ["epics"],
      definition: "Longer than ten minutes",
      maps: { filter: { entity: "track", condition: { field: "milliseconds", op: "GT", values: ["600000"] } } },
    });
    expect(model.glossary[0]).toMatchObject({ term: "epic", maps: { kind: "FILTER", entity: "track", condition: { field: "milliseconds", op: "GT", values: ["600000"] } } });
    model = await edit(setSynonyms, { entity: "genre", synonyms: [" style ", "Style", "musical style"] });
    expect(model.entities.find((e: any) => e.name === "genre").extraSynonyms).toEqual(["style", "musical style"]);
    model = await edit(setSynonyms, { entity: "track", field: "composer", synonyms: ["songwriter"] });
    expect(model.version).toBe(5);

    const run = await askAndWait(t, owner.token, { message: "total listening time per style for epic tracks", dataSourceId: sourceId });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.sql).toContain(`sum("t"."milliseconds") / 3600000.0`);
    expect(run.sql).toMatch(/"milliseconds" > 600000/);
    expect(run.sql).toMatch(/join "genre"/i);
    const hours = run.result.rows.reduce((sum: number, row: unknown[]) => sum + Number(row.at(-1)), 0);
    expect(hours).toBeCloseTo((await scalar(chinook.url, "SELECT sum(milliseconds) / 3600000.0 AS n FROM track WHERE milliseconds > 600000")), 6);

    const bySongwriter = await askAndWait(t, owner.token, { message: "tracks per songwriter", dataSourceId: sourceId });
    expect(bySongwriter.sql).toMatch(/group by "t"\."composer"/i);
  }, 120_000);

  it("applies default filters and the fiscal year to questions", async () => {
    const model = await edit(setRules, {
      fiscalYearStartMonth: 4,
      defaultFilters: [{ entity: "invoice", condition: { field: "billing_country", op: "NE", values: ["USA"] }, description: "Domestic sales are booked elsewhere" }],
    });
    expect(model.rules).toEqual({
      fiscalYearStartMonth: 4,
      defaultFilters: [{ entity: "invoice", description: "Domestic sales are booked elsewhere", condition: { field: "billing_country", op: "NE", values: ["USA"] } }],
    });
    const run = await askAndWait(t, owner.token, { message: "How many invoices in fiscal year 2022?", dataSourceId: sourceId });
    expect(run.status).toBe("SUCCEEDED");
    expect(run.sql).toMatch(/"billing_country" (<>|!=) 'USA'/);
    expect(run.sql).toContain("2021-04-01");
    const expected = await scalar(chinook.url, "SELECT count(*) AS n FROM invoice WHERE billing_country <> 'USA' AND invoice_date >= '2021-04-01' AND invoice_date < '2022-04-01'");
    expect(Number(run.result.rows[0][0])).toBe(expected);
    // Cleared again, questions see every invoice.
    await edit(setRules, { defaultFilters: [] });
    const all = await askAndWait(t, owner.token, { message: "How many invoices?", dataSourceId: sourceId });
    expect(Number(all.result.rows[0][0])).toBe(await scalar(chinook.url, "SELECT count(*) AS n FROM invoice"));
  }, 120_000);

  it("answers a verified question with its SQL, until it is deleted", async () => {
    const sql = "SELECT billing_country, count(*) AS invoices FROM invoice GROUP BY billing_country ORDER BY invoices DESC LIMIT 3";
    const model = await edit(upsertVerified, { question: "Our three biggest markets?", sql: `${sql};`, note: "Checked by finance" });
    expect(model.verifiedQueries).toEqual([{ question: "Our three biggest markets?", sql, note: "Checked by finance" }]);
    const run = await askAndWait(t, owner.token, { message: "our three biggest markets", dataSourceId: sourceId });
    expect(run).toMatchObject({ status: "SUCCEEDED", engine: "VERIFIED", sql });
    expect(run.result.totalRows).toBe(3);
    expect((await edit(deleteVerified, { question: "OUR THREE BIGGEST MARKETS" })).verifiedQueries).toEqual([]);
  }, 60_000);

  it("refuses bad edits with typed errors and stores nothing", async () => {
    await edit(upsertTerm, { term: "airtime", definition: "Hours of music", maps: { metric: "listening_hours" } });
    const { version } = (await current()).semanticModel;
    const cases: [string, Record<string, unknown>, string][] = [
      [upsertMetric, { name: "broken", entity: "track", expression: "sum(milliseconds" }, "METRIC_EXPRESSION_INVALID"],
      [upsertMetric, { name: "per_row", entity: "track", expression: "milliseconds / 1000" }, "METRIC_EXPRESSION_INVALID"],
      [upsertMetric, { name: "sneaky", entity: "track", expression: "sum(length(pg_read_file('/etc/passwd')))" }, "METRIC_EXPRESSION_INVALID"],
      [upsertMetric, { name: "ghost", entity: "track", expression: "sum(plays)" }, "METRIC_UNKNOWN_COLUMNS"],
      [upsertMetric, { name: "nowhere", entity: "concert", expression: "count(*)" }, "SEMANTIC_MODEL_UNKNOWN_REFERENCES"],
      [upsertMetric, { name: "bad name!", entity: "track", expression: "count(*)" }, "BAD_USER_INPUT"],
      [upsertTerm, { term: "loud", maps: { field: { entity: "track", field: "volume" } } }, "SEMANTIC_MODEL_UNKNOWN_REFERENCES"],
      [upsertTerm, { term: "odd", maps: { filter: { entity: "track", condition: { field: "milliseconds", op: "GT", values: ["long"] } } } }, "BAD_USER_INPUT"],
      [upsertTerm, { term: "two", maps: { entity: "track", metric: "listening_hours" } }, "BAD_USER_INPUT"],
      [setSynonyms, { entity: "track", field: "lyrics", synonyms: ["words"] }, "SEMANTIC_MODEL_UNKNOWN_REFERENCES"],
      [setSynonyms, { entity: "track", synonyms: Array.from({ length: 51 }, (_, i) => `w${i}`) }, "BAD_USER_INPUT"],
      [setRules, { fiscalYearStartMonth: 13 }, "BAD_USER_INPUT"],
      [setRules, { defaultFilters: [{ entity: "invoice", condition: { field: "total", op: "IN", values: [] } }] }, "BAD_USER_INPUT"],
      [upsertVerified, { question: "wipe", sql: "DELETE FROM track" }, "SQL_NOT_READ_ONLY"],
      [upsertVerified, { question: "two", sql: "SELECT 1; SELECT 2" }, "SQL_MULTIPLE_STATEMENTS"],
      [upsertVerified, { question: "elsewhere", sql: "SELECT * FROM concerts" }, "SQL_UNKNOWN_OBJECT"],
      [deleteMetric, { name: "never_there" }, "NOT_FOUND"],
      // A glossary term points at it.
      [deleteMetric, { name: "listening_hours" }, "SEMANTIC_MODEL_UNKNOWN_REFERENCES"],
      [restore, { version: 99 }, "NOT_FOUND"],
    ];
    for (const [doc, input, code] of cases) {
      const res = await t.gql(doc, { input: { dataSourceId: sourceId, ...input } }, owner.token);
      expect({ input, code: errorOf(res).code }).toEqual({ input, code });
    }
    const unknown = errorOf(await t.gql(upsertTerm, { input: { dataSourceId: sourceId, term: "loud", maps: { field: { entity: "track", field: "volume" } } } }, owner.token));
    expect(unknown.details!.problems).toEqual([expect.objectContaining({ target: "track.volume", message: "unknown field" })]);
    const columns = errorOf(await t.gql(upsertMetric, { input: { dataSourceId: sourceId, name: "ghost", entity: "track", expression: "sum(plays) + max(skips)" } }, owner.token));
    expect(columns.details).toEqual({ metric: "ghost", entity: "track", columns: ["plays", "skips"] });
    expect((await current()).semanticModel.version).toBe(version);
  }, 60_000);

  it("lets only the owner or an administrator edit, and keeps unreadable sources hidden", async () => {
    const { version } = (await current()).semanticModel;
    const input = { dataSourceId: sourceId, entity: "artist", synonyms: ["band"] };
    expect(errorOf(await t.gql(setSynonyms, { input }, stranger.token)).code).toBe("NOT_FOUND");
    expect(errorOf(await t.gql(setSynonyms, { input })).code).toBe("UNAUTHENTICATED");
    // Shared with everyone by an administrator: others read it but still may not edit it.
    const share = await t.gql(`mutation($input: UpdateDataSourceInput!) { updateDataSource(input: $input) { dataSource { visibility } } }`, { input: { id: sourceId, visibility: "SHARED" } }, admin.token);
    expect(share.data!.updateDataSource.dataSource.visibility).toBe("SHARED");
    expect((await current(stranger.token)).semanticModel.version).toBe(version);
    expect(errorOf(await t.gql(setSynonyms, { input }, stranger.token)).code).toBe("FORBIDDEN");
    expect((await current()).semanticModel.version).toBe(version);
    const byAdmin = await edit(setSynonyms, { entity: "artist", synonyms: ["band"] }, admin.token);
    expect(byAdmin.version).toBe(version + 1);
    expect(byAdmin.entities.find((e: any) => e.name === "artist").extraSynonyms).toEqual(["band"]);
  });

  it("keeps every version: reads an old one, restores it, and refuses edits based on a stale version", async () => {
    const now = await current();
    const latest = now.semanticModel.version;
    expect(now.semanticModelVersions.map((v: any) => v.version)).toEqual(Array.from({ length: latest }, (_, i) => latest - i));
    expect(now.semanticModelVersions[0].current).toBe(true);
    expect(now.semanticModelVersions.map((v: any) => v.note)).toContain("Metric listening_hours added");
    const first = (await t.gql(readModel, { id: sourceId, version: 1 }, owner.token)).data!.dataSource.semanticModel;
    expect(first.version).toBe(1);
    expect(first.metrics.some((m: any) => m.name === "listening_hours")).toBe(false);
    expect((await t.gql(readModel, { id: sourceId, version: 999 }, owner.token)).data!.dataSource.semanticModel).toBeNull();

    const stale = await t.gql(setSynonyms, { input: { dataSourceId: sourceId, entity: "artist", synonyms: ["band"], expectedVersion: latest - 1 } }, owner.token);
    expect(errorOf(stale).code).toBe("SEMANTIC_MODEL_CONFLICT");

    const restored = await edit(restore, { version: 1, expectedVersion: latest });
    expect(restored.version).toBe(latest + 1);
    expect(restored.metrics).toEqual(first.metrics);
    expect(restored.glossary).toEqual([]);
    const run = await askAndWait(t, owner.token, { message: "total listening time per style for epic tracks", dataSourceId: sourceId });
    expect(run.sql ?? "").not.toContain("3600000");
    // Restoring the version that is already current stores nothing new.
    expect((await edit(restore, { version: latest + 1 })).version).toBe(latest + 1);
  }, 60_000);

  it("adds, confirms and removes joins, with typed errors", async () => {
    const declared = (await current()).semanticModel.joins.find((j: any) => j.from === "invoice" && j.to === "customer");
    expect(declared).toMatchObject({ inferred: false, confirmed: false, userDefined: false, evidence: null });
    expect(errorOf(await t.gql(confirmJoin, { input: { dataSourceId: sourceId, name: declared.name } }, owner.token)).code).toBe("BAD_USER_INPUT");
    expect(errorOf(await t.gql(deleteJoin, { input: { dataSourceId: sourceId, name: "nope" } }, owner.token)).code).toBe("NOT_FOUND");
    const badColumn = await t.gql(upsertJoin, { input: { dataSourceId: sourceId, from: "invoice", fromColumns: ["nope"], to: "customer", toColumns: ["customer_id"] } }, owner.token);
    expect(errorOf(badColumn).code).toBe("SEMANTIC_MODEL_UNKNOWN_REFERENCES");

    const added = await edit(upsertJoin, { name: "billing_city", from: "invoice", fromColumns: ["billing_city"], to: "customer", toColumns: ["city"] });
    expect(added.joins.find((j: any) => j.name === "billing_city")).toMatchObject({ from: "invoice", to: "customer", inferred: false, userDefined: true });
    const removed = await edit(deleteJoin, { name: "billing_city" });
    expect(removed.joins.some((j: any) => j.name === "billing_city")).toBe(false);
    expect(removed.version).toBe(added.version + 1);
  }, 60_000);
});
