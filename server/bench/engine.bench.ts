/**
 * Built-in engine figures on a Chinook-sized model: question → spec (plan),
 * spec → SQL (compile), and both together, p50/p95 over every question of
 * the eval sets. Also the one-off cost of building a model's lexicon, and
 * connecting (introspection plus the automatic model) of 20, 300 and 1,000 generated tables, the
 * last without declared keys, against their targets. Run: `cd server && npx tsx bench/engine.bench.ts`
 * (datasets from server/src/testing/fixtures, or AGENTMEDHA_SHARED; no server needed: PGlite).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { compile } from "../src/engine/compile/compile.ts";
import { lexiconOf } from "../src/engine/lexicon/build.ts";
import { plan } from "../src/engine/plan.ts";
import { nextState, type ConversationState } from "../src/engine/state.ts";
import { readCases } from "../src/eval/cases.ts";
import { registerDataset } from "../src/eval/register.ts";
import { repoRoot } from "../src/paths.ts";
import { sharedDir } from "../src/testing/datasets.ts";
import { bootstrapSemanticModel } from "../src/semantic/bootstrap.ts";
import { introspectPostgres } from "../src/sql/introspect/postgres.ts";
import { ms, printTable, say } from "./stats.ts";

const shared = sharedDir;
const casesDir = path.join(repoRoot, "server/src/eval/cases");
const ROUNDS = 20;

function stats(measure: string, samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { measure, n: samples.length, "p50 ms": at(0.5).toFixed(3), "p95 ms": at(0.95).toFixed(3), "max ms": sorted[sorted.length - 1]!.toFixed(3) };
}

async function engineFigures(dataset: string) {
  const loaded = await registerDataset(dataset, path.join(shared, `datasets/${dataset}/${dataset}.sql`));
  const files = (await fs.readdir(casesDir)).filter((f) => f.startsWith(dataset) && f.endsWith(".jsonl"));
  const cases = (await Promise.all(files.map((f) => readCases(path.join(casesDir, f))))).flat();
  // The lexicon is built once per model object and cached: measure that first call on a fresh copy.
  const fresh = structuredClone(loaded.model);
  const t0 = performance.now();
  lexiconOf(fresh);
  const lexiconMs = performance.now() - t0;
  // A model re-read from JSON (as a request would) finds the cached lexicon by content.
  const t1 = performance.now();
  lexiconOf(JSON.parse(JSON.stringify(loaded.model)));
  const reuseMs = performance.now() - t1;
  const planMs: number[] = [];
  const compileMs: number[] = [];
  const totalMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      let state: ConversationState | null = null;
      for (const turn of c.turns) {
        const a = performance.now();
        const outcome = plan({ question: turn.question, model: loaded.model, state });
        const b = performance.now();
        if (outcome.kind === "query") compile(outcome.spec, loaded.model);
        const d = performance.now();
        state = nextState(state, turn.question, outcome);
        if (round === 0) continue; // warm-up
        planMs.push(b - a);
        compileMs.push(d - b);
        totalMs.push(d - a);
      }
    }
  }
  await loaded.close();
  return {
    rows: [stats(`${dataset}: plan`, planMs), stats(`${dataset}: compile`, compileMs), stats(`${dataset}: question → SQL`, totalMs)],
    lexiconMs,
    reuseMs,
    entities: loaded.model.entities.length,
  };
}

async function introspectionFigure(tables: number) {
  const db = new PGlite();
  const ddl: string[] = [];
  for (let i = 0; i < tables; i++) {
    ddl.push(`CREATE TABLE t${i} (id int PRIMARY KEY, t${Math.max(0, i - 1)}_id int, label text, amount numeric(10,2), at date);`);
    ddl.push(`INSERT INTO t${i} SELECT g, g, 'v' || (g % 5), g * 1.5, DATE '2024-01-01' + g FROM generate_series(1, 50) g;`);
  }
  await db.exec(ddl.join("\n"));
  const start = performance.now();
  const snapshot = await introspectPostgres(db);
  const introspectMs = performance.now() - start;
  const b = performance.now();
  bootstrapSemanticModel(snapshot);
  const bootstrapMs = performance.now() - b;
  await db.close();
  return { introspectMs, bootstrapMs };
}

/** A schema that declares no keys: every key and reference is inferred from names and sampled values. */
async function keylessIntrospectionFigure(tables: number) {
  const db = new PGlite();
  const ddl: string[] = [];
  for (let i = 0; i < tables; i++) {
    ddl.push(`CREATE TABLE k${i} (id int, k${Math.max(0, i - 1)}_id int, label text, at date);`);
    ddl.push(`INSERT INTO k${i} SELECT g, g, 'v' || (g % 5), DATE '2024-01-01' + g FROM generate_series(1, 50) g;`);
  }
  await db.exec(ddl.join("\n"));
  let progressEvents = 0;
  let lastShown = 0;
  const start = performance.now();
  const snapshot = await introspectPostgres(db, {
    onProgress: (p) => {
      progressEvents += 1;
      if (performance.now() - lastShown > 1_000) {
        lastShown = performance.now();
        say(`  introspecting ${tables} tables: ${p.phase} ${p.done}/${p.total}`);
      }
    },
  });
  const introspectMs = performance.now() - start;
  const b = performance.now();
  bootstrapSemanticModel(snapshot);
  const bootstrapMs = performance.now() - b;
  await db.close();
  return { introspectMs, bootstrapMs, progressEvents, inferred: snapshot.tables.reduce((n, t) => n + t.foreignKeys.length, 0) };
}

const rows = [];
for (const dataset of ["chinook", "northwind"]) {
  const figures = await engineFigures(dataset);
  rows.push(...figures.rows);
  console.log(`${dataset}: ${figures.entities} entities, lexicon built in ${figures.lexiconMs.toFixed(1)} ms (once per model), found again for an equal model re-read from JSON in ${figures.reuseMs.toFixed(1)} ms`);
}
console.table(rows);
say("connecting generated schemas (20, 300 and 1,000 tables)…");
const small = await introspectionFigure(20);
const wide = await introspectionFigure(300);
const keyless = await keylessIntrospectionFigure(1000);
const smallMs = small.introspectMs + small.bootstrapMs;
const keylessMs = keyless.introspectMs + keyless.bootstrapMs;
printTable("connecting: introspection + automatic semantic model (PGlite, 50 rows a table)", [
  { measure: "20 tables, declared keys", value: ms(smallMs), target: "≤ 1 s", ok: smallMs <= 1_000 },
  { measure: "300 tables, declared keys", value: ms(wide.introspectMs + wide.bootstrapMs), target: "" },
  { measure: `1,000 tables, no declared keys (${keyless.inferred} references inferred)`, value: ms(keylessMs), target: "≤ 30 s", ok: keylessMs <= 30_000 },
  { measure: "1,000 tables: progress events while introspecting", value: String(keyless.progressEvents), target: "> 0", ok: keyless.progressEvents > 0 },
]);
process.exit(0);
