import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type GraphQLResponse, type TestApp } from "../testing/app.ts";
import { startPostgres, waitFor } from "./services.ts";

const codes = (res: GraphQLResponse) => (res.errors ?? []).map((e) => e.extensions?.code);

describe("the app database restarts", () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  let t: TestApp;

  beforeAll(async () => {
    pg = await startPostgres();
    await pg.admin((c) => c.query("CREATE DATABASE agentmedha"));
    t = await startTestApp("services", { databaseUrl: pg.url.replace(/\/postgres$/, "/agentmedha") });
  });
  afterAll(async () => {
    await t?.stop();
    await pg?.dispose();
  });

  it("fails requests with SERVICE_UNAVAILABLE while it is down, then recovers without a restart, losing nothing", async () => {
    const user = await t.signUp();
    const before = await t.gql(`mutation { createSession(input: { title: "before the outage" }) { session { id } } }`, {}, user.token);
    expect(before.errors).toBeUndefined();

    await pg.stop();
    const attempts = [
      await t.gql(`{ me { id } sessions(first: 5) { edges { node { id } } } }`, {}, user.token),
      await t.gql(`mutation { createSession(input: { title: "during the outage" }) { session { id } } }`, {}, user.token),
      await t.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { email: `outage-${Date.now()}@example.com`, password: "correct horse 1" } }),
    ];
    for (const res of attempts) {
      expect(codes(res).length, JSON.stringify(res)).toBeGreaterThan(0);
      expect(new Set(codes(res)), JSON.stringify(res)).toEqual(new Set(["SERVICE_UNAVAILABLE"]));
    }
    const ready = await fetch(`${t.url}/readyz`);
    expect(ready.status).toBe(503);
    expect((await ready.json()).database).toBe("unreachable");
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);

    await pg.start();
    const back = await waitFor("the API to answer again", async () => {
      const res = await t.gql(`{ sessions(first: 10) { edges { node { title } } } }`, {}, user.token);
      return res.errors ? null : res;
    });
    // What was stored before is intact; what failed during the outage left nothing behind.
    expect(back.data!.sessions.edges.map((e: any) => e.node.title)).toEqual(["before the outage"]);
    expect((await t.gql(`mutation { createSession(input: { title: "after" }) { session { title } } }`, {}, user.token)).data!.createSession.session.title).toBe("after");
    expect((await fetch(`${t.url}/readyz`)).status).toBe(200);
  });
});
