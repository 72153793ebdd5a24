import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { loadSharedDataset, runScript } from "../../testing/datasets.ts";
import { createTestDatabase, databaseUrl, type TestDatabase } from "../../testing/postgres.ts";

const add = `mutation($input: AddDataSourceInput!) {
  addDataSource(input: $input) {
    dataSource { id name status tableCount columnCount visibility ownedByViewer viewerCanEdit schemas lastRefreshedAt
      tables { name kind rowEstimate columns { name type primaryKey references sampleValues } } }
  }
}`;
const getOne = `query($id: ID!) { dataSource(id: $id) { id name status statusMessage tableCount } }`;
const list = `{ dataSources(first: 50) { edges { node { id name } } } }`;

describe.each(modes)("data sources (%s)", (mode) => {
  let t: TestApp;
  let alice: { token: string };
  let bob: { token: string };
  let chinook: TestDatabase;
  let northwind: TestDatabase;
  let odd: TestDatabase;
  let empty: TestDatabase;

  beforeAll(async () => {
    [t, chinook, northwind, odd, empty] = await Promise.all([
      startTestApp(mode),
      loadSharedDataset("chinook"),
      loadSharedDataset("northwind"),
      createTestDatabase("odd"),
      createTestDatabase("empty"),
    ]);
    alice = await t.signUp(); // first account: admin
    bob = await t.signUp();
    await runScript(
      odd.url,
      `CREATE TABLE "Order" ("Id" int PRIMARY KEY, "select" text, "Customer Name" text, "from" date);
       CREATE TABLE "line" (order_id int, qty int, price numeric(8,2));
       INSERT INTO "Order" VALUES (1, 'a', 'Zoë', '2024-01-02'), (2, 'b', 'Ann', '2024-02-03');
       INSERT INTO line VALUES (1, 2, 9.99), (2, 1, 5.00);`,
    );
  });
  afterAll(async () => {
    await t?.stop();
    await Promise.all([chinook, northwind, odd, empty].map((d) => d?.drop()));
  });

  it("adds Chinook and Northwind with no configuration, never returning credentials", async () => {
    const res = await t.gql(add, { input: { name: "Music store", description: "Tracks, albums and invoices", connectionUrl: chinook.url } }, alice.token);
    expect(res.errors).toBeUndefined();
    const source = res.data!.addDataSource.dataSource;
    expect(source).toMatchObject({ name: "Music store", status: "READY", tableCount: 11, visibility: "PRIVATE", ownedByViewer: true, viewerCanEdit: true });
    const invoice = source.tables.find((x: any) => x.name === "invoice");
    expect(invoice.columns.find((c: any) => c.name === "customer_id").references).toBe("customer.customer_id");
    expect(invoice.columns.find((c: any) => c.name === "invoice_id").primaryKey).toBe(true);
    const customer = source.tables.find((x: any) => x.name === "customer");
    expect(customer.columns.find((c: any) => c.name === "country").sampleValues).toContain("Brazil");
    expect(JSON.stringify(res)).not.toContain(chinook.name);

    const nw = await t.gql(add, { input: { name: "Trading", connectionUrl: northwind.url } }, alice.token);
    expect(nw.data!.addDataSource.dataSource).toMatchObject({ status: "READY", tableCount: 14 });

    const model = await t.app.services.semantic.current(Buffer.from(source.id, "base64").toString().split(":")[1]!);
    expect(model!.version).toBe(1);
    expect(model!.model.entities.length).toBe(11);
  });

  it("handles reserved words, mixed case and tables without keys", async () => {
    const res = await t.gql(add, { input: { name: "Odd names", connectionUrl: odd.url } }, alice.token);
    expect(res.errors).toBeUndefined();
    const tables = res.data!.addDataSource.dataSource.tables;
    expect(tables.map((x: any) => x.name).sort()).toEqual(["Order", "line"]);
    expect(tables.find((x: any) => x.name === "Order").columns.map((c: any) => c.name)).toEqual(["Id", "select", "Customer Name", "from"]);
  });

  it("rejects bad connections with typed errors and stores nothing", async () => {
    const before = await t.app.services.prisma.dataSource.count();
    const cases: [string, string][] = [
      ["postgresql://postgres@127.0.0.1:1/nothing", "DATA_SOURCE_UNREACHABLE"],
      [databaseUrl("am_no_such_database_here"), "DATA_SOURCE_NOT_FOUND"],
      ["postgresql://postgres@bad host/x", "DATA_SOURCE_BAD_URL"],
      ["mysql://root@127.0.0.1/x", "DATA_SOURCE_BAD_URL"],
      ["pglite:../../etc", "DATA_SOURCE_BAD_URL"],
      ["postgresql://postgres@127.0.0.1:5432/x?sslmode=sometimes", "DATA_SOURCE_BAD_URL"],
      [empty.url, "DATA_SOURCE_EMPTY"],
    ];
    for (const [connectionUrl, code] of cases) {
      const res = await t.gql(add, { input: { name: `bad ${code}`, connectionUrl } }, alice.token);
      expect(res.errors?.[0]?.extensions?.code, connectionUrl).toBe(code);
      expect(res.errors![0]!.extensions!.hint, connectionUrl).toBeTruthy();
    }
    const duplicate = await t.gql(add, { input: { name: "Music store", connectionUrl: chinook.url } }, alice.token);
    expect(duplicate.errors![0]!.extensions!.code).toBe("DATA_SOURCE_NAME_TAKEN");
    const tooLong = await t.gql(add, { input: { name: "x".repeat(101), connectionUrl: chinook.url } }, alice.token);
    expect(tooLong.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    expect(await t.app.services.prisma.dataSource.count()).toBe(before);

    const tried = await t.gql(`mutation($input: TestDataSourceInput!) { testDataSource(input: $input) { ok latencyMs } }`, { input: { connectionUrl: chinook.url } }, alice.token);
    expect(tried.data!.testDataSource.ok).toBe(true);
    const both = await t.gql(`mutation($input: TestDataSourceInput!) { testDataSource(input: $input) { ok } }`, { input: { connectionUrl: chinook.url, id: "x" } }, alice.token);
    expect(both.errors![0]!.extensions!.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
  });

  it("refreshes after the database changes and survives the database going away", async () => {
    const scratch = await createTestDatabase("scratch");
    try {
      await runScript(scratch.url, `CREATE TABLE region (region_id int PRIMARY KEY, name text); INSERT INTO region VALUES (1, 'North');`);
      const id = (await t.gql(add, { input: { name: "Scratch", connectionUrl: scratch.url } }, alice.token)).data!.addDataSource.dataSource.id;
      await runScript(scratch.url, `CREATE TABLE store (store_id int PRIMARY KEY, region_id int REFERENCES region, opened date);`);
      const refreshed = await t.gql(`mutation($input: DataSourceIdInput!) { refreshDataSource(input: $input) { dataSource { tableCount status } } }`, { input: { id } }, alice.token);
      expect(refreshed.data!.refreshDataSource.dataSource).toEqual({ tableCount: 2, status: "READY" });
      const rawId = Buffer.from(id, "base64").toString().split(":")[1]!;
      expect((await t.app.services.semantic.current(rawId))!.version).toBe(2);

      await t.app.services.connections.close(rawId);
      await scratch.drop();
      const test = await t.gql(`mutation($input: TestDataSourceInput!) { testDataSource(input: $input) { ok } }`, { input: { id } }, alice.token);
      expect(test.errors![0]!.extensions!.code).toBe("DATA_SOURCE_NOT_FOUND");
      const after = await t.gql(getOne, { id }, alice.token);
      expect(after.data!.dataSource).toMatchObject({ status: "UNREACHABLE", tableCount: 2 });
      expect(after.data!.dataSource.statusMessage).toContain("DATA_SOURCE_NOT_FOUND");
      expect((await t.app.services.semantic.current(rawId))!.version).toBe(2);
    } finally {
      await scratch.drop();
    }
  });

  it("keeps data sources private to their owner until an administrator shares them", async () => {
    const mine = (await t.gql(add, { input: { name: "Private music", connectionUrl: chinook.url } }, alice.token)).data!.addDataSource.dataSource.id;
    const bobsOwn = await t.gql(add, { input: { name: "Bob's", connectionUrl: northwind.url } }, bob.token);
    const bobsId = bobsOwn.data!.addDataSource.dataSource.id;

    expect((await t.gql(getOne, { id: mine }, bob.token)).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    for (const mutation of [
      `mutation($input: DataSourceIdInput!) { refreshDataSource(input: $input) { dataSource { id } } }`,
      `mutation($input: DataSourceIdInput!) { removeDataSource(input: $input) { removedDataSourceId } }`,
    ]) {
      expect((await t.gql(mutation, { input: { id: mine } }, bob.token)).errors![0]!.extensions!.code).toBe("NOT_FOUND");
    }
    const bobSees = (await t.gql(list, {}, bob.token)).data!.dataSources.edges.map((e: any) => e.node.id);
    expect(bobSees).toEqual([bobsId]);

    const shareByBob = await t.gql(`mutation($input: UpdateDataSourceInput!) { updateDataSource(input: $input) { dataSource { visibility } } }`, { input: { id: bobsId, visibility: "SHARED" } }, bob.token);
    expect(shareByBob.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const shared = await t.gql(`mutation($input: UpdateDataSourceInput!) { updateDataSource(input: $input) { dataSource { visibility } } }`, { input: { id: mine, visibility: "SHARED", description: "For everyone" } }, alice.token);
    expect(shared.data!.updateDataSource.dataSource.visibility).toBe("SHARED");
    expect((await t.gql(getOne, { id: mine }, bob.token)).data!.dataSource.id).toBe(mine);
    const bobEdits = await t.gql(`mutation($input: DataSourceIdInput!) { removeDataSource(input: $input) { removedDataSourceId } }`, { input: { id: mine } }, bob.token);
    expect(bobEdits.errors![0]!.extensions!.code).toBe("FORBIDDEN");

    const removed = await t.gql(`mutation($input: DataSourceIdInput!) { removeDataSource(input: $input) { removedDataSourceId } }`, { input: { id: bobsId } }, bob.token);
    expect(removed.data!.removeDataSource.removedDataSourceId).toBe(bobsId);
  });
});
