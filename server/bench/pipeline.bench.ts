/**
 * The ask pipeline measured through the real API (HTTP + graphql-ws):
 * session creation, ask → DONE, the first progress event, pipeline overhead
 * over the bare SQL, 2,000 subscribers, and two instances sharing Redis.
 *
 *   npm run bench:pipeline                     embedded (PGlite, in-process pub/sub)
 *   BENCH_SERVICES=1 npm run bench:pipeline    PostgreSQL + Redis (TEST_POSTGRES_URL / TEST_REDIS_URL)
 *
 * Figures go to stdout as tables; progress to stderr.
 */
import { spawn } from "node:child_process";
import readline from "node:readline";
import { createClient } from "graphql-ws";
import WebSocket from "ws";
import { startTestApp, type Mode, type TestApp } from "../src/testing/app.ts";
import { guardSql } from "../src/sql/guard/guard.ts";
import { ms, percentile, printTable, say, type Row } from "./stats.ts";

const mode: Mode = process.env.BENCH_SERVICES ? "services" : "embedded";
const subscriberCount = Number(process.env.BENCH_SUBSCRIBERS ?? 2000);
const questions = [
  "What's the total revenue?",
  "Show revenue by region",
  "Monthly revenue in 2024",
  "Top 10 products by revenue",
  "How many orders per channel?",
  "How many customers are there?",
  "Average order amount by region",
  "Number of orders per year",
];
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);

const progressQuery = "subscription($runId: ID!) { queryProgress(runId: $runId) { seq stage status } }";

async function timeSessionCreate(t: TestApp, token: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    const res = await t.gql(`mutation { createSession(input: { title: "bench" }) { session { id } } }`, {}, token);
    samples.push(performance.now() - started);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
  return samples;
}

/** Asks, subscribes as soon as `ask` returns, and times the first event and DONE. */
async function timeAsks(t: TestApp, token: string, dataSourceId: string) {
  const ws = createClient({ url: `${t.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false });
  const total: number[] = [];
  const firstEvent: number[] = [];
  const perQuestion = new Map<string, number[]>();
  const runIds = new Map<string, string>();
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const started = performance.now();
      const res = await t.gql(`mutation($input: AskInput!) { ask(input: $input) { run { id } } }`, { input: { message: question, dataSourceId } }, token);
      const returned = performance.now();
      const runId = res.data!.ask.run.id as string;
      let first = Number.NaN;
      await new Promise<void>((resolve, reject) =>
        ws.subscribe({ query: progressQuery, variables: { runId } }, {
          next: () => {
            if (Number.isNaN(first)) first = performance.now() - returned;
          },
          error: reject,
          complete: resolve,
        }),
      );
      const elapsed = performance.now() - started;
      if (round > 0) {
        // The first round warms caches (semantic models, pools, JIT); keep it out of the figures.
        total.push(elapsed);
        firstEvent.push(first);
        perQuestion.set(question, [...(perQuestion.get(question) ?? []), elapsed]);
      }
      runIds.set(question, runId);
    }
  }
  await ws.dispose();
  return { total, firstEvent, perQuestion, runIds };
}

/** The floor: the same final SQL straight on the data source's executor. */
async function timeFloor(t: TestApp, runIds: Map<string, string>) {
  const { prisma, dataSources } = t.app.services;
  const floors = new Map<string, number>();
  for (const [question, globalId] of runIds) {
    const run = await prisma.queryRun.findUniqueOrThrow({ where: { id: Buffer.from(globalId, "base64").toString().split(":")[1]! }, include: { dataSource: true } });
    if (!run.sql || !run.dataSource) continue;
    const guarded = await guardSql(run.sql, { allowedSchemas: run.dataSource.schemas });
    const executor = dataSources.executorFor(run.dataSource);
    const samples: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      await executor.run(guarded, { timeoutMs: 15_000, maxRows: 5_000 });
      if (i > 0) samples.push(performance.now() - started);
    }
    floors.set(question, percentile(samples, 0.5));
  }
  return floors;
}

/** N subscribers (in a separate process) on one run whose events the bench appends at a pipeline's pace. */
async function subscriberLag(t: TestApp, token: string) {
  const { prisma, events } = t.app.services;
  const user = await prisma.user.findFirstOrThrow();
  const session = await prisma.session.create({ data: { userId: user.id, title: "subscribers", expiresAt: new Date(Date.now() + 3_600_000) } });
  const run = await prisma.queryRun.create({ data: { sessionId: session.id, userId: user.id, question: "fan-out", status: "RUNNING", heartbeatAt: new Date() } });
  const runId = Buffer.from(`QueryRun:${run.id}`).toString("base64");
  globalThis.gc?.();
  const before = process.memoryUsage();
  const child = spawn(process.execPath, ["--import", "tsx", "bench/subscribers-client.ts", t.url, token, String(subscriberCount), String(Math.ceil(subscriberCount / 40))], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = readline.createInterface({ input: child.stdout! });
  const next = () => new Promise<any>((resolve) => lines.once("line", (line) => resolve(JSON.parse(line))));
  child.stdin!.write(`${JSON.stringify({ runId })}\n`);
  const ready = await next();
  if (!ready.ready) throw new Error(JSON.stringify(ready));
  await new Promise((r) => setTimeout(r, 1000));
  globalThis.gc?.();
  const during = process.memoryUsage();
  const stages = ["UNDERSTAND", "DISCOVER", "CONTEXT", "PLAN", "COMPILE", "EXECUTE", "VISUALIZE", "SUGGEST"];
  for (const stage of stages) {
    await events.append(run.id, { stage, status: "STARTED" });
    await new Promise((r) => setTimeout(r, 10));
    await events.append(run.id, { stage, status: "COMPLETED", payload: { stage } });
    await new Promise((r) => setTimeout(r, 10));
  }
  await events.append(run.id, { stage: "DONE", status: "COMPLETED" });
  const result = await next();
  child.kill();
  const expected = stages.length * 2 + 1;
  return {
    lags: result.lags as number[],
    exactlyOnce: (result.counts as number[]).every((c) => c === expected) && result.counts.length === subscriberCount,
    heapPerSubscriber: (during.heapUsed - before.heapUsed) / subscriberCount,
    rssPerSubscriber: (during.rss - before.rss) / subscriberCount,
  };
}

/** Two instances on one database and Redis: subscribers on B, runs asked on A. */
async function twoInstances(a: TestApp, token: string, dataSourceId: string) {
  const b = await startTestApp("services", { databaseUrl: a.database!.url, env: benchLimits });
  try {
    let delivered = 0;
    let expected = 0;
    for (const question of questions) {
      const res = await a.gql(`mutation($input: AskInput!) { ask(input: $input) { run { id } } }`, { input: { message: question, dataSourceId } }, token);
      const runId = res.data!.ask.run.id;
      const seen = await Promise.all(
        Array.from({ length: 10 }, () => {
          const ws = createClient({ url: `${b.url.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
          const seqs: number[] = [];
          return new Promise<number[]>((resolve, reject) =>
            ws.subscribe<{ queryProgress: { seq: number } }>({ query: progressQuery, variables: { runId } }, { next: ({ data }) => seqs.push(data!.queryProgress.seq), error: reject, complete: () => resolve(seqs) }),
          ).finally(() => ws.dispose());
        }),
      );
      const stored = await a.app.services.events.list(Buffer.from(runId, "base64").toString().split(":")[1]!);
      expected += stored.length * seen.length;
      delivered += seen.filter((seqs) => JSON.stringify(seqs) === JSON.stringify(stored.map((e) => e.seq))).length * stored.length;
    }
    return { delivered, expected };
  } finally {
    await b.stop();
  }
}

/** One user opens thousands of subscriptions here: the public API's per-user limits would refuse most of them. */
const benchLimits = { RATE_LIMIT_USER: "1000000", MAX_SUBSCRIPTIONS_PER_CONNECTION: "10000", MAX_WS_CONNECTIONS_PER_USER: "10000", MAX_WS_CONNECTIONS_PER_IP: "10000" };

async function main() {
  say(`pipeline bench (${mode}): starting the server with the demo data…`);
  const t = await startTestApp(mode, { env: { DEMO_DATA: "true", ...benchLimits } });
  try {
    const token = (await t.signUp()).token;
    const sources = await t.gql(`{ dataSources(first: 10) { edges { node { id name } } } }`, {}, token);
    const sales = sources.data!.dataSources.edges.find((e: any) => e.node.name === "Sales").node.id as string;

    say("session create × 200…");
    const sessions = await timeSessionCreate(t, token);
    say(`ask → done: ${questions.length} questions × ${rounds} rounds…`);
    const asks = await timeAsks(t, token, sales);
    say("the floor: the same SQL straight on the data source…");
    const floors = await timeFloor(t, asks.runIds);
    const overheads: number[] = [];
    const perQuestionRows: Row[] = [];
    for (const [question, samples] of asks.perQuestion) {
      const p50 = percentile(samples, 0.5);
      const floor = floors.get(question) ?? Number.NaN;
      overheads.push(p50 - floor);
      perQuestionRows.push({ measure: question, value: `${ms(p50)} vs ${ms(floor)} (×${(p50 / floor).toFixed(1)})`, target: "overhead ≤ 15 ms", ok: p50 - floor <= 15 });
    }
    say(`${subscriberCount} subscribers on one run…`);
    const fanOut = await subscriberLag(t, token);

    printTable(`Pipeline (${mode}${mode === "embedded" ? ": PGlite app database, demo data in PGlite workers" : ": PostgreSQL + Redis"})`, [
      { measure: "session create via GraphQL, p50", value: ms(percentile(sessions, 0.5)), target: "≤ 5 ms", ok: percentile(sessions, 0.5) <= 5 },
      { measure: "ask → done (built-in engine), p50", value: ms(percentile(asks.total, 0.5)), target: "≤ 40 ms", ok: percentile(asks.total, 0.5) <= 40 },
      { measure: "ask → done, p99", value: ms(percentile(asks.total, 0.99)), target: "≤ 150 ms", ok: percentile(asks.total, 0.99) <= 150 },
      { measure: "first progress event after ask returns, p50", value: ms(percentile(asks.firstEvent, 0.5)), target: "≤ 20 ms", ok: percentile(asks.firstEvent, 0.5) <= 20 },
      { measure: "pipeline overhead over the bare SQL, p50", value: ms(percentile(overheads, 0.5)), target: "≤ 15 ms", ok: percentile(overheads, 0.5) <= 15 },
      { measure: `${subscriberCount} subscribers: event lag p50`, value: ms(percentile(fanOut.lags, 0.5)) },
      { measure: `${subscriberCount} subscribers: event lag p99`, value: ms(percentile(fanOut.lags, 0.99)), target: "≤ 100 ms", ok: percentile(fanOut.lags, 0.99) <= 100 },
      { measure: `${subscriberCount} subscribers: every event exactly once`, value: fanOut.exactlyOnce ? "yes" : "NO", ok: fanOut.exactlyOnce },
      { measure: "server heap per subscriber", value: `${(fanOut.heapPerSubscriber / 1024).toFixed(1)} KiB` },
      { measure: "server RSS per subscriber", value: `${(fanOut.rssPerSubscriber / 1024).toFixed(1)} KiB` },
    ]);
    printTable("ask → done p50 per question vs the same SQL run directly (floor)", perQuestionRows);

    if (mode === "services") {
      say("two instances sharing Redis…");
      const shared = await twoInstances(t, token, sales);
      printTable("Two instances sharing PostgreSQL + Redis (10 subscribers on B per run asked on A)", [
        { measure: "events delivered exactly once, in order", value: `${shared.delivered}/${shared.expected}`, target: "all", ok: shared.delivered === shared.expected },
      ]);
    }
  } finally {
    await t.stop();
  }
  process.exit(0);
}

await main();
