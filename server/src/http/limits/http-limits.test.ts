import { createHash } from "node:crypto";
import { request } from "node:http";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { collect, modes, startTestApp, type TestApp } from "../../testing/app.ts";
import { manifestPath } from "./persisted-manifest.ts";

/** One raw HTTP exchange, for what fetch will not send (chunked bodies, odd content types). */
function raw(url: string, options: { method: string; path: string; headers?: Record<string, string>; body?: string; chunked?: boolean }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const target = new URL(options.path, url);
    const req = request(target, { method: options.method, headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    if (options.chunked) {
      req.setHeader("transfer-encoding", "chunked");
      req.write(options.body ?? "");
    } else if (options.body !== undefined) {
      req.setHeader("content-length", Buffer.byteLength(options.body));
      req.write(options.body);
    }
    req.end();
  });
}

describe("CSRF prevention and request size", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("embedded", { env: { MAX_BODY_BYTES: "4096" } });
  });
  afterAll(() => t?.stop());

  it("answers browser-style simple requests only with the CSRF header; JSON posts and GraphiQL pass", async () => {
    const get = (headers: Record<string, string> = {}) => fetch(`${t.url}/graphql?query=${encodeURIComponent("{ __typename }")}`, { headers });
    const refused = await get();
    expect(refused.status).toBe(403);
    expect((await refused.json()).errors[0].extensions.code).toBe("CSRF_HEADER_REQUIRED");
    const allowed = await get({ "x-graphql-yoga-csrf": "1" });
    expect(allowed.status).toBe(200);
    expect((await allowed.json()).data.__typename).toBe("Query");

    const form = await raw(t.url, { method: "POST", path: "/graphql", headers: { "content-type": "text/plain" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(form.status).toBe(403);
    expect(JSON.parse(form.body).errors[0].extensions.code).toBe("CSRF_HEADER_REQUIRED");
    expect((await t.gql("{ __typename }")).data!.__typename).toBe("Query");

    const graphiql = await fetch(`${t.url}/graphql`, { headers: { accept: "text/html" } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain("<title>AgentMedha GraphQL</title>");
  });

  it("refuses bodies over the limit and bodies without a declared length", async () => {
    const big = await raw(t.url, { method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }", variables: { x: "y".repeat(5000) } }) });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
    const chunked = await raw(t.url, { method: "POST", path: "/graphql", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }), chunked: true });
    expect(chunked.status).toBe(411);
    expect(JSON.parse(chunked.body).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });
});

describe.each(modes)("rate limits (%s)", (mode) => {
  const env = { RATE_LIMIT_USER: "5", RATE_LIMIT_API_KEY: "3", RATE_LIMIT_ANONYMOUS: "6", RATE_LIMIT_WINDOW_SECONDS: "600" };
  let t: TestApp;
  let second: TestApp | undefined;
  beforeAll(async () => {
    t = await startTestApp(mode, { env });
    // Services mode: a second instance of the same deployment shares the counters through Redis.
    if (t.database) second = await startTestApp(mode, { env, databaseUrl: t.database.url });
  });
  afterAll(async () => {
    await second?.stop();
    await t?.stop();
  });

  const post = (url: string, token?: string) =>
    fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: "{ me { id } }" }),
    });

  it("counts per user and per API key, with RateLimit headers and 429 RATE_LIMITED past the quota", async () => {
    const user = await t.signUp();
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await post(i % 2 && second ? second.url : t.url, user.token);
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBe("5");
      remaining.push(res.headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const over = await post(t.url, user.token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await over.json();
    expect(body.errors[0].extensions.code).toBe("RATE_LIMITED");
    expect(body.errors[0].extensions.http).toBeUndefined();
    if (second) expect((await post(second.url, user.token)).status).toBe(429);

    // Over WebSocket too: a subscription is an operation.
    const refused = await new Promise<any>((resolve) => {
      t.ws(user.token).subscribe({ query: "subscription { sessionChanged { kind } }" }, { next: (result) => resolve(result.errors), error: resolve, complete: () => resolve(null) });
    });
    expect(refused[0].extensions.code).toBe("RATE_LIMITED");
  });

  it("gives each API key its own quota, and callers without credentials one per address", async () => {
    const owner = await t.signUp();
    const key = await t.gql(`mutation { createApiKey(input: { name: "k", role: VIEWER }) { secret } }`, {}, owner.token);
    const secret = key.data!.createApiKey.secret as string;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(t.url, secret)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // The owner's own quota is separate from the key's.
    expect((await post(t.url, owner.token)).status).toBe(200);

    // Two sign-ups were anonymous already; four more calls exhaust the address's six.
    const anonymous: number[] = [];
    for (let i = 0; i < 5; i++) anonymous.push((await post(t.url)).status);
    expect(anonymous.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(anonymous[4]).toBe(429);
  });
});

describe("WebSocket limits", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("embedded", { env: { MAX_SUBSCRIPTIONS_PER_CONNECTION: "2", MAX_WS_CONNECTIONS_PER_USER: "2", MAX_WS_CONNECTIONS_PER_IP: "3" } });
  });
  afterAll(() => t?.stop());

  const open = (token?: string) =>
    new Promise<{ socket: WebSocket; closed: Promise<number> } | { refused: number }>((resolve) => {
      const socket = new WebSocket(`${t.url.replace(/^http/, "ws")}/graphql`, "graphql-transport-ws");
      const closed = new Promise<number>((done) => socket.once("close", (code) => done(code)));
      socket.once("unexpected-response", (_req, res) => resolve({ refused: res.statusCode ?? 0 }));
      socket.once("open", () => {
        socket.send(JSON.stringify({ type: "connection_init", payload: token ? { authorization: `Bearer ${token}` } : {} }));
        socket.once("message", () => resolve({ socket, closed }));
        void closed.then(() => resolve({ socket, closed }));
      });
    });

  it("limits operations per connection, connections per user and per address", async () => {
    const user = await t.signUp();
    const client = t.ws(user.token);
    const one = collect(client, "subscription { sessionChanged { kind } }", {}, 1);
    const two = collect(client, "subscription { sessionChanged { kind } }", {}, 1);
    await Promise.all([one.ready, two.ready]);
    const third = await new Promise<any>((resolve) => client.subscribe({ query: "subscription { sessionChanged { kind } }" }, { next: () => {}, error: resolve, complete: () => resolve(null) }));
    expect(third[0].extensions.code).toBe("TOO_MANY_SUBSCRIPTIONS");

    // The client above is the user's first connection; a second is fine, a third is closed with "try again later".
    const second = await open(user.token);
    expect("socket" in second).toBe(true);
    const extra = await open(user.token);
    expect("socket" in extra && (await extra.closed)).toBe(1013);

    // Three connections from this address are open (two for the user, the refused one is gone): a fourth is refused at the upgrade.
    const anonymous = await open();
    expect("socket" in anonymous).toBe(true);
    expect(await open()).toEqual({ refused: 429 });
    if ("socket" in anonymous) anonymous.socket.close();
    if ("socket" in anonymous) await anonymous.closed;
    const again = await open();
    expect("socket" in again).toBe(true);
    if ("socket" in again) again.socket.close();
    if ("socket" in second) second.socket.close();
  });
});

describe("persisted operations", () => {
  const me = "query Me { me { id } }";
  const changes = "subscription Changes { sessionChanged { kind } }";
  const hash = (text: string) => createHash("sha256").update(text).digest("hex");
  let dir: string;
  let t: TestApp;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "agentmedha-persisted-"));
    const file = path.join(dir, "persisted-documents.json");
    await writeFile(file, JSON.stringify({ [hash(me)]: me, [hash(changes)]: changes }));
    t = await startTestApp("embedded", { env: { PERSISTED_OPERATIONS: "only", PERSISTED_OPERATIONS_FILE: file } });
  });
  afterAll(async () => {
    await t?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const byHash = (sha256Hash: string, token: string) =>
    fetch(`${t.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }),
    }).then(async (res) => ({ status: res.status, body: await res.json() }));

  it("runs the web client's operations by hash and nothing else, except for API keys", async () => {
    // Signing up is not among the persisted operations here: the account is made directly.
    const email = `persisted-${Date.now()}@example.com`;
    const user = { ...(await t.app.services.auth.signUp({ email, password: "correct horse 1" })), email };
    const ok = await byHash(hash(me), user.token);
    expect(ok.status).toBe(200);
    expect(ok.body.data.me.id).toMatch(/\S/);
    const unknown = await byHash(hash("query { __typename }"), user.token);
    expect(unknown.body.errors[0].extensions.code).toBe("PERSISTED_OPERATION_NOT_FOUND");
    const arbitrary = await t.gql("{ me { email } }", {}, user.token);
    expect(arbitrary.errors![0]!.extensions!.code).toBe("PERSISTED_OPERATIONS_ONLY");
    // The web client's own text of a persisted operation, laid out differently, counts as that operation.
    const asText = await t.gql("query Me {\n  me {\n    id\n  }\n}", {}, user.token);
    expect(asText.data!.me.id).toBe(ok.body.data.me.id);
    // As urql sends it, with the `__typename`s its cache adds: run as sent, so they come back.
    const withTypenames = await t.gql("query Me { me { id __typename } __typename }", {}, user.token);
    expect(withTypenames.data).toEqual({ me: { id: ok.body.data.me.id, __typename: "User" }, __typename: "Query" });
    const sneaky = await t.gql("query Me { me { id email __typename } }", {}, user.token);
    expect(sneaky.errors![0]!.extensions!.code).toBe("PERSISTED_OPERATIONS_ONLY");

    const owner = await t.app.services.prisma.user.findFirstOrThrow({ where: { email: user.email } });
    const key = await t.app.services.apiKeys.create({ userId: owner.id, role: owner.role }, { name: "k", role: "VIEWER" });
    expect((await t.gql("{ me { email } }", {}, key.secret)).data!.me.email).toBe(user.email);

    // graphql-ws follows the same rules.
    const client = t.ws(user.token);
    const refused = await new Promise<any>((resolve) => client.subscribe({ query: "subscription { sessionChanged { sessionId } }" }, { next: () => {}, error: resolve, complete: () => resolve(null) }));
    expect(refused[0].extensions.code).toBe("PERSISTED_OPERATIONS_ONLY");
    const event = new Promise<any>((resolve, reject) =>
      client.subscribe({ query: "", extensions: { persistedQuery: { version: 1, sha256Hash: hash(changes) } } }, { next: resolve, error: reject, complete: () => {} }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await t.app.services.sessions.create(owner.id, { title: "persisted" });
    expect((await event).data.sessionChanged.kind).toBe("CREATED");
  });
});

describe("persisted operations from the real manifest", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("embedded", { env: { PERSISTED_OPERATIONS: "only" } });
  });
  afterAll(() => t?.stop());

  it("lets every web client operation through in `only` mode, sent as text", async () => {
    const user = await t.app.services.auth.signUp({ email: `manifest-${Date.now()}@example.com`, password: "correct horse 1" });
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, string>;
    for (const text of Object.values(manifest)) {
      if (text.startsWith("subscription")) continue;
      const codes = ((await t.gql(text, {}, user.token)).errors ?? []).map((e) => e.extensions?.code);
      expect(codes.filter((c) => String(c).startsWith("PERSISTED_")), text.slice(0, 60)).toEqual([]);
    }
    expect((await t.gql("{ me { email } }", {}, user.token)).errors![0]!.extensions!.code).toBe("PERSISTED_OPERATIONS_ONLY");
  });
});
