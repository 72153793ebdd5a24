import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../graphql/ids.ts";
import { startTestApp, type TestApp } from "../testing/app.ts";
import { databaseUrl, type TestDatabase } from "../testing/postgres.ts";
import { askAndWait, shopDatabase } from "./fixtures.ts";

/**
 * A data source reaches only what its owner may reach (issue 17): the app's
 * own database never, loopback and private networks only when an
 * administrator allows them, system schemas never; connecting tells
 * non-administrators nothing about what listens at the other end.
 */

const add = `mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id schemas status } } }`;
const update = `mutation($input: UpdateDataSourceInput!) { updateDataSource(input: $input) { dataSource { id schemas } } }`;
const test = `mutation($input: TestDataSourceInput!) { testDataSource(input: $input) { ok } }`;
const upsertVerified = `mutation($input: UpsertVerifiedQueryInput!) { upsertVerifiedQuery(input: $input) { semanticModel { version } } }`;
const auditLog = `query { auditLog(first: 100, filter: { actions: [DATA_SOURCE_TESTED, DATA_SOURCE_ADDED] }) { edges { node { outcome actor { id } details } } } }`;
const setRole = `mutation($userId: ID!, $role: Role!) { setUserRole(input: { userId: $userId, role: $role }) { user { id role } } }`;

type Error = { message: string; extensions?: { code?: string; hint?: string; details?: unknown } };
const firstError = (res: { errors?: Error[] }) => res.errors?.[0];
/** What a caller can read of a failure: code, message, hint and details. */
const visible = (error: Error | undefined) => ({ code: error?.extensions?.code, message: error?.message, hint: error?.extensions?.hint, details: error?.extensions?.details });

/** A TCP port that accepts connections and never says a word. */
async function listen(server: net.Server | http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

describe("what a data source may reach (services)", () => {
  /** Defaults: no allowed hosts, viewers on sign-up. */
  let strict: TestApp;
  /** Loopback allowed, as the rest of the suite runs. */
  let loose: TestApp;
  let shop: TestDatabase;
  let admin: { token: string; userId: string };
  let analyst: { token: string; userId: string };
  let viewer: { token: string; userId: string };
  let looseAdmin: { token: string };
  let looseAnalyst: { token: string; userId: string };
  const sockets: net.Socket[] = [];
  const silent = net.createServer((socket) => sockets.push(socket));
  const notPostgres = http.createServer((_req, res) => res.end("hello"));
  let silentPort: number;
  let httpPort: number;
  let closedPort: number;

  beforeAll(async () => {
    [strict, loose, shop, silentPort, httpPort] = await Promise.all([
      startTestApp("services", { env: { DATA_SOURCE_ALLOWED_HOSTS: "", SIGNUP_ROLE: "" } }),
      startTestApp("services"),
      shopDatabase(),
      listen(silent),
      listen(notPostgres),
    ]);
    const closed = net.createServer();
    closedPort = await listen(closed);
    await new Promise((resolve) => closed.close(resolve));
    admin = await strict.signUp();
    analyst = await strict.signUp();
    viewer = await strict.signUp();
    expect((await strict.gql(setRole, { userId: analyst.userId, role: "ANALYST" }, admin.token)).errors).toBeUndefined();
    looseAdmin = await loose.signUp();
    looseAnalyst = await loose.signUp();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    silent.close();
    notPostgres.close();
    await Promise.all([strict?.stop(), loose?.stop(), shop?.drop()]);
  });

  it("signs people up as viewers, who cannot connect data sources", async () => {
    const me = await strict.gql(`{ me { role } }`, {}, viewer.token);
    expect(me.data!.me.role).toBe("VIEWER");
    const before = await strict.app.services.prisma.dataSource.count();
    expect(firstError(await strict.gql(add, { input: { name: "Mine", connectionUrl: "postgresql://u@db.example.com/x" } }, viewer.token))?.extensions?.code).toBe("FORBIDDEN");
    expect(firstError(await strict.gql(test, { input: { connectionUrl: "postgresql://u@db.example.com/x" } }, viewer.token))?.extensions?.code).toBe("FORBIDDEN");
    expect(await strict.app.services.prisma.dataSource.count()).toBe(before);
  });

  it("never connects the app's own database, however the URL spells it, even with loopback allowed", async () => {
    for (const t of [strict, loose]) {
      const own = new URL(t.database!.url);
      const name = own.pathname.slice(1);
      const spellings = [
        t.database!.url,
        `postgresql://postgres@127.0.0.1:5432/${name}`,
        `postgresql://postgres@localhost/${name}`,
        `postgres://postgres@[::1]:5432/${name}`,
        `postgresql://postgres@127.0.0.1:5432/${name.toUpperCase()}`,
        `postgresql://postgres@db.example.com/${name}?host=/var/run/postgresql`,
        `postgresql://postgres@db.example.com/${name}?host=/tmp`,
        `postgresql://postgres@db.example.com/${name}?host=localhost`,
        `postgresql://postgres@127.0.0.1/elsewhere?dbname=${name}`,
        `postgresql://postgres@2130706433/${name}`,
        `postgresql://postgres@0.0.0.0/${name}`,
      ];
      const tokens = t === strict ? [admin.token, analyst.token] : [looseAdmin.token, looseAnalyst.token];
      const before = await t.app.services.prisma.dataSource.count();
      for (const token of tokens) {
        for (const connectionUrl of spellings) {
          const added = firstError(await t.gql(add, { input: { name: "Own", connectionUrl, schemas: ["public"] } }, token));
          const tried = firstError(await t.gql(test, { input: { connectionUrl } }, token));
          expect([connectionUrl, added?.extensions?.code, tried?.extensions?.code]).toEqual([connectionUrl, "DATA_SOURCE_HOST_NOT_ALLOWED", "DATA_SOURCE_HOST_NOT_ALLOWED"]);
        }
      }
      expect(await t.app.services.prisma.dataSource.count()).toBe(before);
    }
  });

  it("refuses loopback, private and link-local hosts unless allowed, and connects the allowed ones", async () => {
    const refused = [
      shop.url,
      databaseUrl(shop.name).replace("127.0.0.1", "localhost"),
      "postgresql://postgres@10.0.0.1/shop",
      "postgresql://postgres@192.168.1.10:5432/shop",
      "postgresql://postgres@172.16.0.1/shop",
      "postgresql://postgres@169.254.169.254/shop",
      "postgresql://postgres@[fe80::1]/shop",
      "postgresql://postgres@[::ffff:127.0.0.1]/shop",
    ];
    const before = await strict.app.services.prisma.dataSource.count();
    for (const connectionUrl of refused) {
      const res = await strict.gql(add, { input: { name: "Shop", connectionUrl } }, analyst.token);
      expect([connectionUrl, firstError(res)?.extensions?.code]).toEqual([connectionUrl, "DATA_SOURCE_HOST_NOT_ALLOWED"]);
      expect(firstError(res)!.extensions!.hint).toContain("DATA_SOURCE_ALLOWED_HOSTS");
    }
    expect(await strict.app.services.prisma.dataSource.count()).toBe(before);

    const allowed = await loose.gql(add, { input: { name: "Shop", connectionUrl: shop.url } }, looseAnalyst.token);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data!.addDataSource.dataSource.status).toBe("READY");
    // Loopback is allowed there, private networks are not.
    expect(firstError(await loose.gql(test, { input: { connectionUrl: "postgresql://postgres@10.0.0.1/shop" } }, looseAnalyst.token))?.extensions?.code).toBe(
      "DATA_SOURCE_HOST_NOT_ALLOWED",
    );
  });

  it("refuses system schemas on add and update, and the guard refuses catalogue reads of an older source that lists them", async () => {
    const token = looseAnalyst.token;
    for (const schemas of [["public", "pg_catalog"], ["information_schema"], ["pg_toast"], ["PG_CATALOG"], ["pg_temp_3"]]) {
      const res = await loose.gql(add, { input: { name: "Catalogue", connectionUrl: shop.url, schemas } }, token);
      expect(visible(firstError(res))).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining(`"${schemas.at(-1)}"`) });
    }
    const created = await loose.gql(add, { input: { name: "Shop schemas", connectionUrl: shop.url, schemas: ["public"] } }, token);
    const id = created.data!.addDataSource.dataSource.id as string;
    const refused = await loose.gql(update, { input: { id, schemas: ["public", "pg_catalog"] } }, token);
    expect(visible(firstError(refused))).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining('"pg_catalog"') });

    // A source stored before this rule, with pg_catalog among its schemas.
    const rawId = Buffer.from(id, "base64").toString().split(":")[1]!;
    await loose.app.services.prisma.dataSource.update({ where: { id: rawId }, data: { schemas: ["public", "pg_catalog"] } });
    for (const sql of ["SELECT rolname, rolpassword FROM pg_catalog.pg_authid", "SELECT rolname, rolpassword FROM pg_authid", "SELECT * FROM information_schema.tables"]) {
      const res = await loose.gql(upsertVerified, { input: { dataSourceId: id, question: "Who are the roles?", sql } }, token);
      expect([sql, firstError(res)?.extensions?.code]).toEqual([sql, "SQL_FORBIDDEN_SCHEMA"]);
      expect(JSON.stringify(res)).not.toMatch(/SCRAM-SHA-256|md5[0-9a-f]{32}/);
    }
  });

  it("caps the connect timeout whatever the URL says", async () => {
    const started = performance.now();
    const res = await loose.gql(test, { input: { connectionUrl: `postgresql://postgres@127.0.0.1:${silentPort}/x?connect_timeout=40` } }, looseAnalyst.token);
    const seconds = (performance.now() - started) / 1000;
    expect(firstError(res)?.extensions?.code).toBe("DATA_SOURCE_CONNECTION_FAILED");
    // The 5-second cap, with room for a busy machine; the URL asked for 40.
    expect(seconds).toBeLessThan(12);
    expect(seconds).toBeGreaterThan(4);
  });

  it("tells non-administrators one thing whatever answered, and administrators (and the audit log) what it was", async () => {
    const targets = {
      closed: `postgresql://postgres@127.0.0.1:${closedPort}/x`,
      notPostgres: `postgresql://postgres@127.0.0.1:${httpPort}/x`,
      silent: `postgresql://postgres@127.0.0.1:${silentPort}/x?connect_timeout=1`,
      unknownDatabase: `postgresql://postgres@127.0.0.1:5432/am_no_such_database`,
      unknownRole: `postgresql://no_such_role_here@127.0.0.1:5432/postgres`,
      tls: `postgresql://postgres@127.0.0.1:${httpPort}/x?sslmode=require`,
    };
    const concealed = async () => {
      const entries = (await loose.gql(auditLog, {}, looseAdmin.token)).data!.auditLog.edges.map((e: any) => e.node);
      return entries.filter((e: any) => e.outcome === "FAILED" && e.details?.code === "DATA_SOURCE_CONNECTION_FAILED");
    };
    const earlier = (await concealed()).length;
    const before = await loose.app.services.prisma.dataSource.count();
    const forAnalyst: Record<string, unknown>[] = [];
    for (const connectionUrl of Object.values(targets)) {
      const tried = visible(firstError(await loose.gql(test, { input: { connectionUrl } }, looseAnalyst.token)));
      const added = visible(firstError(await loose.gql(add, { input: { name: "Probe", connectionUrl } }, looseAnalyst.token)));
      expect(added).toEqual(tried);
      forAnalyst.push(tried);
    }
    expect(forAnalyst[0]).toMatchObject({ code: "DATA_SOURCE_CONNECTION_FAILED", message: "Could not connect to the database." });
    expect(forAnalyst.every((e) => JSON.stringify(e) === JSON.stringify(forAnalyst[0]))).toBe(true);
    expect(await loose.app.services.prisma.dataSource.count()).toBe(before);

    const forAdmin: string[] = [];
    for (const connectionUrl of Object.values(targets)) {
      forAdmin.push(firstError(await loose.gql(test, { input: { connectionUrl } }, looseAdmin.token))!.extensions!.code!);
    }
    // The TLS failure (a server that refuses the SSL request) has no SQLSTATE: QUERY_FAILED.
    expect(forAdmin).toEqual(["DATA_SOURCE_UNREACHABLE", "DATA_SOURCE_UNREACHABLE", "DATA_SOURCE_UNREACHABLE", "DATA_SOURCE_NOT_FOUND", "DATA_SOURCE_AUTH_FAILED", "QUERY_FAILED"]);

    const all = await concealed(); // newest first
    const failed = all.slice(0, all.length - earlier);
    expect(failed.length).toBe(Object.keys(targets).length * 2);
    const causes = new Set(failed.map((e: any) => e.details.cause));
    expect(causes).toContain("DATA_SOURCE_NOT_FOUND");
    expect(causes).toContain("DATA_SOURCE_AUTH_FAILED");
    expect(causes).toContain("DATA_SOURCE_UNREACHABLE");
    expect(failed.find((e: any) => e.details.cause === "DATA_SOURCE_AUTH_FAILED").details.causeMessage).toContain("no_such_role_here");
  });

  it("hides why a stored source cannot be reached from everyone but administrators", async () => {
    const scratch = await shopDatabase();
    const created = await loose.gql(add, { input: { name: "Scratch", connectionUrl: scratch.url } }, looseAnalyst.token);
    const id = created.data!.addDataSource.dataSource.id as string;
    await loose.app.services.connections.close(Buffer.from(id, "base64").toString().split(":")[1]!);
    await scratch.drop();
    const tried = firstError(await loose.gql(test, { input: { id } }, looseAnalyst.token));
    expect(tried?.extensions?.code).toBe("DATA_SOURCE_CONNECTION_FAILED");
    const refreshed = firstError(await loose.gql(`mutation($id: ID!) { refreshDataSource(input: { id: $id }) { dataSource { id } } }`, { id }, looseAnalyst.token));
    expect(refreshed?.extensions?.code).toBe("DATA_SOURCE_CONNECTION_FAILED");
    const status = `query($id: ID!) { dataSource(id: $id) { status statusMessage } }`;
    expect((await loose.gql(status, { id }, looseAnalyst.token)).data!.dataSource).toEqual({ status: "UNREACHABLE", statusMessage: "DATA_SOURCE_CONNECTION_FAILED: Could not connect to the database." });
    expect((await loose.gql(status, { id }, looseAdmin.token)).data!.dataSource.statusMessage).toContain("DATA_SOURCE_NOT_FOUND");

    const asked = await askAndWait(loose, looseAnalyst.token, { message: "How many orders are there?", dataSourceId: id });
    expect(asked).toMatchObject({ status: "FAILED", errorCode: "DATA_SOURCE_CONNECTION_FAILED" });
    const run = await loose.gql(`query($id: ID!) { run(id: $id) { error { message } events { stage status payload } } }`, { id: asked.runId }, looseAnalyst.token);
    expect(run.data!.run.error.message).toBe("Could not connect to the database.");
    expect(JSON.stringify(run.data!.run.events)).not.toMatch(/DATA_SOURCE_NOT_FOUND|does not exist/);
  });
});

describe("closed sign-up", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("embedded", { env: { SIGNUP_CLOSED: "true" } });
  });
  afterAll(() => t?.stop());

  it("creates the first account (the administrator) and refuses every later one with SIGNUP_CLOSED", async () => {
    const first = await t.signUp("owner@example.com");
    expect((await t.gql(`{ me { role } }`, {}, first.token)).data!.me.role).toBe("ADMIN");
    const signUp = `mutation($input: SignUpInput!) { signUp(input: $input) { token } }`;
    // An e-mail that has an account gets the same answer: a closed installation tells nobody which ones do.
    for (const email of ["newcomer@example.com", "owner@example.com"]) {
      const res = await t.gql(signUp, { input: { email, password: "correct horse 1" } });
      expect(res.data ?? null).toBeNull();
      expect(firstError(res)?.extensions?.code).toBe("SIGNUP_CLOSED");
    }
    expect(await t.app.services.prisma.user.count()).toBe(1);
  });
});

describe("demo data sources installed by the server (services, no allowed hosts)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("services", { env: { DATA_SOURCE_ALLOWED_HOSTS: "", SIGNUP_ROLE: "", DEMO_DATA: "true" } });
  }, 240_000);
  afterAll(() => t?.stop());

  it("are registered on the app's own server and keep connecting, although it is loopback", async () => {
    const demos = await t.app.services.prisma.dataSource.findMany({ where: { isDemo: true } });
    expect(demos.length).toBeGreaterThan(0);
    expect(demos.every((s) => s.status === "READY")).toBe(true);
    const admin = await t.signUp();
    for (const source of demos) {
      const { rows } = await t.app.services.dataSources.executorFor(source).introspectionQueryable().query<{ one: number }>("SELECT 1 AS one");
      expect(rows[0]!.one).toBe(1);
    }
    const id = toGlobalId("DataSource", demos[0]!.id);
    expect((await t.gql(test, { input: { id } }, admin.token)).data!.testDataSource.ok).toBe(true);
    // The same database typed in by a person is refused: only the server's own registration is trusted.
    const url = t.app.services.secrets.open(demos[0]!.connectionEncrypted);
    expect(firstError(await t.gql(test, { input: { connectionUrl: url } }, admin.token))?.extensions?.code).toBe("DATA_SOURCE_HOST_NOT_ALLOWED");
  });
});
