/**
 * LLM path figures, without a real model: schema-linking recall and speed on
 * the sample databases (bootstrapped with no hand configuration), prompt
 * sizes, and what generateSql adds around a model that answers at once
 * (streaming, extraction, one correction) through the test server.
 * Run: `cd server && npx tsx bench/llm.bench.ts` (needs the local PostgreSQL the tests use).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { createLlmClient } from "../src/llm/client.ts";
import { generateSql } from "../src/llm/generate.ts";
import { buildPrompt } from "../src/llm/prompt.ts";
import { linkSchema } from "../src/llm/schema-linking.ts";
import { jsonReply, startOpenAiTestServer } from "../src/llm/testing/openai-test-server.ts";
import { sharedDir } from "../src/testing/datasets.ts";
import { bootstrapSemanticModel } from "../src/semantic/bootstrap.ts";
import { col, fk, snapshot, table } from "../src/semantic/testing/snapshots.ts";
import type { SemanticModel } from "../src/semantic/types.ts";
import { guardSql } from "../src/sql/guard/guard.ts";
import { introspectPostgres } from "../src/sql/introspect/postgres.ts";
import { createTestDatabase } from "../src/testing/postgres.ts";

const shared = sharedDir;

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return `mean ${mean.toFixed(2)} ms, p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms (n=${samples.length})`;
}

async function loadModel(name: string): Promise<SemanticModel> {
  const database = await createTestDatabase(`bench${name}`);
  const pool = new pg.Pool({ connectionString: database.url, max: 1 });
  try {
    await pool.query(await readFile(path.join(shared, "datasets", name, `${name}.sql`), "utf8"));
    await pool.query("ANALYZE");
    return bootstrapSemanticModel(await introspectPostgres(pool));
  } finally {
    await pool.end();
    await database.drop();
  }
}

interface Turn {
  question: string;
  gold_sql: string;
}

interface Conversation {
  dataset: string;
  turns: Turn[];
}

async function readEval(): Promise<Conversation[]> {
  const lines = (await readFile(path.join(shared, "eval", "dev.jsonl"), "utf8")).trim().split("\n");
  return lines.map((line) => JSON.parse(line) as Conversation);
}

async function linkingFigures(conversations: Conversation[], models: Record<string, SemanticModel>) {
  let goldTables = 0;
  let found = 0;
  let turns = 0;
  let allFound = 0;
  const shownCounts: number[] = [];
  const promptTokens: number[] = [];
  const linkTimes: number[] = [];
  for (const conversation of conversations) {
    const model = models[conversation.dataset]!;
    const history: { question: string; sql: string }[] = [];
    for (const turn of conversation.turns) {
      // The guard reads the gold SQL's tables from PostgreSQL's own parse tree.
      const gold = new Set((await guardSql(turn.gold_sql, { allowedSchemas: ["public"] })).tables.map((t) => t.name));
      const prompt = buildPrompt({ question: turn.question, model, history, examples: [] });
      const shown = new Set(prompt.linked.tables.map((t) => t.entity));
      const hits = [...gold].filter((t) => shown.has(t)).length;
      goldTables += gold.size;
      found += hits;
      turns++;
      if (hits === gold.size) allFound++;
      else console.log(`  missed: "${turn.question}" needs ${[...gold].join(", ")}; shown ${[...shown].join(", ")}`);
      shownCounts.push(shown.size);
      promptTokens.push(prompt.tokens);
      for (let i = 0; i < 20; i++) {
        const start = performance.now();
        linkSchema(turn.question, model);
        linkTimes.push(performance.now() - start);
      }
      history.push({ question: turn.question, sql: turn.gold_sql });
    }
  }
  const tables = Object.values(models).map((m) => m.entities.length);
  console.log(`schema linking over eval/dev.jsonl (${turns} turns, databases of ${tables.join(" and ")} tables):`);
  console.log(`  gold tables shown: ${found}/${goldTables}; turns with every gold table shown: ${allFound}/${turns}`);
  console.log(`  tables shown per prompt: mean ${(shownCounts.reduce((a, b) => a + b, 0) / turns).toFixed(1)}`);
  console.log(`  prompt size: mean ${Math.round(promptTokens.reduce((a, b) => a + b, 0) / turns)} tokens, max ${Math.max(...promptTokens)}`);
  console.log(`  linkSchema time: ${stats(linkTimes)}`);
}

/** A made-up schema of `count` tables in a chain of references, for the time linking takes on large databases. */
function largeModel(count: number): SemanticModel {
  const stems = ["account", "invoice", "payment", "ledger", "asset", "vendor", "contract", "shipment", "warehouse", "employee", "project", "task"];
  const name = (i: number) => `${stems[i % stems.length]}_${Math.floor(i / stems.length)}`;
  const tables = Array.from({ length: count }, (_, i) => {
    const own = name(i);
    const parent = i > 0 ? name(i - 1) : null;
    return table(
      own,
      [
        col(`${own}_id`, "integer", { nullable: false }),
        col("name", "text", { distinct: 500 }),
        col("status", "text", { samples: ["open", "closed", "pending"], distinct: 3 }),
        col("created_at", "timestamp"),
        col("amount", "decimal"),
        col("category", "text", { samples: ["alpha", "beta", "gamma"], distinct: 3 }),
        ...(parent ? [col(`${parent}_id`, "integer")] : []),
      ],
      { primaryKey: [`${own}_id`], foreignKeys: parent ? [fk([`${parent}_id`], parent, [`${parent}_id`])] : [], rowEstimate: 1000 },
    );
  });
  return bootstrapSemanticModel(snapshot(tables));
}

function largeSchemaFigures() {
  for (const count of [100, 300]) {
    const model = largeModel(count);
    const question = "total payment amount per vendor for closed contracts in 2024";
    linkSchema(question, model);
    const times: number[] = [];
    let tokens = 0;
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      tokens = linkSchema(question, model).tokens;
      times.push(performance.now() - start);
    }
    console.log(`linkSchema on a made-up ${count}-table schema (${count * 6} columns): ${stats(times)}; ${tokens} schema tokens`);
  }
}

async function generationOverhead(model: SemanticModel, question: string, sql: string) {
  const server = await startOpenAiTestServer({ models: ["bench"] });
  const client = createLlmClient({ baseUrl: server.baseUrl, model: "bench", maxRetries: 0 });
  const validate = async (s: string) => (s === sql ? { ok: true as const } : { ok: false as const, code: "QUERY_FAILED", error: "column wrong does not exist" });
  const run = () => generateSql({ client, question, model, history: [], examples: [], validate });
  try {
    const once: number[] = [];
    const corrected: number[] = [];
    let tokens = 0;
    for (let i = 0; i < 60; i++) {
      server.script(jsonReply({ sql, explanation: "The answer.", tables: [] }, { chunkSize: 4 }));
      const start = performance.now();
      await run();
      if (i >= 10) once.push(performance.now() - start);
    }
    for (let i = 0; i < 40; i++) {
      server.script(jsonReply({ sql: "SELECT wrong" }), jsonReply({ sql }, { chunkSize: 4 }));
      const start = performance.now();
      const result = await generateSql({
        client,
        question,
        model,
        history: [],
        examples: [],
        validate,
        onEvent: (e) => {
          if (e.type === "token") tokens++;
        },
      });
      if (result.attempts.length !== 2) throw new Error("expected a correction");
      if (i >= 10) corrected.push(performance.now() - start);
    }
    console.log("generateSql around an instant model (local test server, real HTTP + SSE):");
    console.log(`  one attempt (SSE chunks of 4 characters): ${stats(once)}`);
    console.log(`  two attempts (one correction): ${stats(corrected)}; ${Math.round(tokens / 40)} token events a run`);
  } finally {
    await server.close();
  }
}

const conversations = await readEval();
const started = performance.now();
const models: Record<string, SemanticModel> = {};
for (const name of new Set(conversations.map((c) => c.dataset))) models[name] = await loadModel(name);
console.log(`load + introspect + bootstrap of the sample databases: ${(performance.now() - started).toFixed(0)} ms`);
await linkingFigures(conversations, models);
largeSchemaFigures();
const first = conversations[0]!;
await generationOverhead(models[first.dataset]!, first.turns[0]!.question, first.turns[0]!.gold_sql);
