import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createClient, type Client } from "graphql-ws";
import pino from "pino";
import WebSocket from "ws";
import { buildApp, type App } from "../app.ts";
import { loadConfig } from "../config.ts";
import { createTestDatabase, dropDatabasesLike, type TestDatabase } from "./postgres.ts";

export const testRedisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export type Mode = "embedded" | "services";
/** Both ways the product runs: `npm start` defaults, and real PostgreSQL + Redis. */
export const modes: Mode[] = ["embedded", "services"];

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestApp {
  app: App;
  url: string;
  database?: TestDatabase;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  ws(token?: string): Client;
  /** Signs up a fresh user and returns its token. */
  signUp(email?: string, password?: string): Promise<{ token: string; userId: string; email: string }>;
  stop(): Promise<void>;
}

let counter = 0;

export interface TestAppOptions {
  env?: Record<string, string>;
  /** Share another test app's database (a second instance of the same deployment). */
  databaseUrl?: string;
}

export async function startTestApp(mode: Mode, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "agentmedha-test-"));
  const database = mode === "services" && !options.databaseUrl ? await createTestDatabase("app") : undefined;
  const databaseUrl = options.databaseUrl ?? database?.url;
  const config = loadConfig({
    NODE_ENV: "test",
    AGENTMEDHA_DATA_DIR: dataDir,
    AGENTMEDHA_SECRET: "test-secret-that-is-long-enough-for-the-rules",
    DEMO_USER: "false",
    DEMO_DATA: "false",
    // Test databases live on the local server, and most suites sign up people who add them.
    // Tests of the connection policy and sign-up roles pass "" to get the defaults back.
    DATA_SOURCE_ALLOWED_HOSTS: "127.0.0.1,localhost,::1",
    SIGNUP_ROLE: "analyst",
    ...(mode === "services" ? { DATABASE_URL: databaseUrl, REDIS_URL: testRedisUrl } : {}),
    ...options.env,
  });
  const app = await buildApp(config, {
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    embeddedDbDir: mode === "embedded" ? "memory://" : undefined,
  });
  const url = await app.start(0, "127.0.0.1");
  const clients: Client[] = [];

  const gql: TestApp["gql"] = async (query, variables, token) => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as never;
  };

  return {
    app,
    url,
    database,
    gql,
    ws(token) {
      const client = createClient({
        url: `${url.replace(/^http/, "ws")}/graphql`,
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: 0,
        lazy: true,
      });
      clients.push(client);
      return client;
    },
    async signUp(email = `user${++counter}-${Date.now()}@example.com`, password = "correct horse 1") {
      const res = await gql<{ signUp: { token: string; user: { id: string } } }>(
        `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }`,
        { input: { email, password } },
      );
      if (!res.data?.signUp) throw new Error(`sign-up failed: ${JSON.stringify(res.errors)}`);
      return { token: res.data.signUp.token, userId: res.data.signUp.user.id, email };
    },
    async stop() {
      await Promise.all(clients.map((c) => c.dispose()));
      await app.stop();
      await database?.drop();
      if (database) await dropDatabasesLike(`${database.name}_demo_%`);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Collects the next `count` results of a subscription, failing after `timeoutMs`. */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>, count: number, timeoutMs = 10_000) {
  const results: GraphQLResponse<T>[] = [];
  let subscribed!: () => void;
  const ready = new Promise<void>((resolve) => (subscribed = resolve));
  const done = new Promise<GraphQLResponse<T>[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out with ${results.length}/${count} results`)), timeoutMs);
    const unsubscribe = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          results.push(value as GraphQLResponse<T>);
          if (results.length >= count) {
            clearTimeout(timer);
            unsubscribe();
            resolve(results);
          }
        },
        error: (error) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(JSON.stringify(error)));
        },
        complete: () => {
          clearTimeout(timer);
          resolve(results);
        },
      },
    );
    // The server subscribes right after `connection_ack`; a short pause lets it finish
    // before the test triggers events (only for topics without replay).
    client.on("connected", () => setTimeout(subscribed, 200));
  });
  return { ready, done };
}
