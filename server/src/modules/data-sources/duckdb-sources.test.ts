import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";

const add = `mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id dialect status tables { name rowEstimate columns { name type references } } } } }`;
const ask = `mutation($input: AskInput!) { ask(input: $input) { run { id } } }`;
const progress = `subscription($runId: ID!) { queryProgress(runId: $runId) { stage status } }`;
const runQuery = `query($id: ID!) { run(id: $id) { status sql error { code message } result { columns { name type } rows } } }`;

/** An invented delivery network: three depots, six shipments. */
const depots = "depot_id,name,city\n1,Harbour Depot,Portsmouth\n2,Hill Depot,Sheffield\n3,Marsh Depot,Norwich\n";
const shipments = [
  "shipment_id,depot_id,weight_kg,shipped_on,status",
  "1,1,120.5,2024-03-01,delivered",
  "2,1,80,2024-03-04,delivered",
  "3,2,45.25,2024-03-05,returned",
  "4,2,200,2024-03-09,delivered",
  "5,1,10,2024-03-11,lost",
  "6,3,64,2024-03-12,delivered",
].join("\n");

describe.each(modes)("DuckDB data sources over the API (%s)", (mode) => {
  let t: TestApp;
  let files: string;
  let token: string;
  let dataSourceId: string;

  async function askAndWait(message: string) {
    const res = await t.gql(ask, { input: { message, dataSourceId } }, token);
    if (!res.data) throw new Error(JSON.stringify(res.errors));
    const runId = res.data.ask.run.id as string;
    await collect(t.ws(token), progress, { runId }, 1000, 60_000).done;
    return (await t.gql(runQuery, { id: runId }, token)).data!.run;
  }

  beforeAll(async () => {
    files = await mkdtemp(path.join(os.tmpdir(), "agentmedha-files-"));
    await mkdir(path.join(files, "deliveries"));
    await writeFile(path.join(files, "deliveries", "depots.csv"), depots);
    await writeFile(path.join(files, "deliveries", "shipments.csv"), shipments);
    await mkdir(path.join(files, "escape"));
    await symlink("/etc/hostname", path.join(files, "escape", "hostname.csv"));
    t = await startTestApp(mode, { env: { FILE_SOURCES_DIR: files } });
    token = (await t.signUp()).token;
    const added = await t.gql(add, { input: { name: "Deliveries", connectionUrl: `duckdb://${path.join(files, "deliveries")}` } }, token);
    if (!added.data) throw new Error(JSON.stringify(added.errors));
    dataSourceId = added.data.addDataSource.dataSource.id;
  }, 240_000);

  afterAll(async () => {
    await t?.stop();
    await rm(files, { recursive: true, force: true });
  });

  it("adds a folder of CSV files as a DUCKDB source whose tables, counts and references were read", async () => {
    const source = (await t.gql(`query($id: ID!) { node(id: $id) { ... on DataSource { dialect status tables { name rowEstimate columns { name type references } } } } }`, { id: dataSourceId }, token)).data!.node;
    expect([source.dialect, source.status]).toEqual(["DUCKDB", "READY"]);
    const tables = Object.fromEntries(source.tables.map((table: { name: string }) => [table.name, table]));
    expect(Object.keys(tables).sort()).toEqual(["depots", "shipments"]);
    expect([tables.depots.rowEstimate, tables.shipments.rowEstimate]).toEqual([3, 6]);
    expect(tables.shipments.columns.find((c: { name: string }) => c.name === "depot_id")).toMatchObject({ type: "bigint", references: "depots.depot_id" });
  });

  it("answers questions in plain English with the files' values", async () => {
    const counted = await askAndWait("How many shipments are there?");
    expect([counted.status, counted.error]).toEqual(["SUCCEEDED", null]);
    expect(counted.result.rows).toEqual([[6]]);

    const byDepot = await askAndWait("Total weight kg of shipments by depot name");
    expect([byDepot.status, byDepot.error]).toEqual(["SUCCEEDED", null]);
    expect(byDepot.sql).toMatch(/join/i);
    const name = byDepot.result.columns.findIndex((c: { name: string }) => c.name === "name");
    const weight = byDepot.result.columns.findIndex((c: { type: string }) => c.type === "float");
    const totals = Object.fromEntries((byDepot.result.rows as (string | number)[][]).map((row) => [row[name], row[weight]]));
    expect(totals).toEqual({ "Harbour Depot": 210.5, "Hill Depot": 245.25, "Marsh Depot": 64 });

    const weekly = await askAndWait("Shipments per week in March 2024");
    expect([weekly.status, weekly.result?.rows]).toEqual(["SUCCEEDED", [["2024-02-26", 1], ["2024-03-04", 3], ["2024-03-11", 2]]]);

    const delivered = await askAndWait("How many shipments were delivered?");
    expect([delivered.status, delivered.result?.rows]).toEqual(["SUCCEEDED", [[4]]]);
  });

  it("reads changed files again on refresh", async () => {
    await writeFile(path.join(files, "deliveries", "shipments.csv"), `${shipments}\n7,3,5,2024-03-20,delivered\n`);
    const refreshed = await t.gql(`mutation($input: DataSourceIdInput!) { refreshDataSource(input: $input) { dataSource { status tables { name rowEstimate } } } }`, { input: { id: dataSourceId } }, token);
    if (!refreshed.data) throw new Error(JSON.stringify(refreshed.errors));
    const tables = refreshed.data.refreshDataSource.dataSource.tables as { name: string; rowEstimate: number }[];
    expect(tables.find((table) => table.name === "shipments")?.rowEstimate).toBe(7);
    const counted = await askAndWait("How many shipments are there?");
    expect(counted.result.rows).toEqual([[7]]);
  });

  it("refuses paths outside FILE_SOURCES_DIR and files that link out, with DATA_SOURCE_PATH_NOT_ALLOWED", async () => {
    const outside = await t.gql(add, { input: { name: "Etc", connectionUrl: "duckdb:///etc" } }, token);
    expect(outside.errors?.[0]?.extensions?.code).toBe("DATA_SOURCE_PATH_NOT_ALLOWED");
    const climbing = await t.gql(add, { input: { name: "Climb", connectionUrl: `duckdb://${files}/deliveries/../../` } }, token);
    expect(climbing.errors?.[0]?.extensions?.code).toBe("DATA_SOURCE_PATH_NOT_ALLOWED");
    const linked = await t.gql(add, { input: { name: "Linked", connectionUrl: `duckdb://${files}/escape` } }, token);
    expect(linked.errors?.[0]?.extensions?.code).toBe("DATA_SOURCE_PATH_NOT_ALLOWED");
  });
});
