/**
 * SQL sandbox figures: guard time per query, and what the executors add to a
 * trivial query over a bare driver call. Run: `cd server && npx tsx bench/executor.bench.ts`
 * (needs the local PostgreSQL that the tests use).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PgliteExecutor } from "../src/sql/executor/pglite/pglite-executor.ts";
import { PostgresExecutor } from "../src/sql/executor/postgres-executor.ts";
import { guardSql, guardSqlSync, initGuard } from "../src/sql/guard/guard.ts";
import { fixtureTables } from "../src/sql/hostile-corpus/fixture.ts";
import { hostileCorpus } from "../src/sql/hostile-corpus/hostile.ts";
import { legitimateQueries } from "../src/sql/hostile-corpus/legitimate.ts";
import { createTestDatabase } from "../src/testing/postgres.ts";

interface Row {
  measure: string;
  n: number;
  "p50 ms": string;
  "p99 ms": string;
  "mean ms": string;
}

function summarise(measure: string, samples: number[]): Row {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
  return { measure, n: samples.length, "p50 ms": at(0.5).toFixed(3), "p99 ms": at(0.99).toFixed(3), "mean ms": mean.toFixed(3) };
}

async function time(n: number, run: () => Promise<unknown> | unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return samples;
}

const rows: Row[] = [];
const guardOptions = { allowedSchemas: ["public"], knownTables: fixtureTables };
await initGuard();

// Guard: every legitimate query, many times, after a warm-up round.
for (const sql of legitimateQueries) guardSqlSync(sql, guardOptions);
const legitSamples: number[] = [];
for (let round = 0; round < 50; round++) {
  for (const sql of legitimateQueries) legitSamples.push(...(await time(1, () => guardSqlSync(sql, guardOptions))));
}
rows.push(summarise(`guard: legitimate queries (${legitimateQueries.length} distinct)`, legitSamples));
const hostileSamples: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const c of hostileCorpus) {
    hostileSamples.push(
      ...(await time(1, () => {
        try {
          guardSqlSync(c.sql, guardOptions);
        } catch {
          // refusals are what is being timed
        }
      })),
    );
  }
}
rows.push(summarise(`guard: hostile corpus (${hostileCorpus.length} distinct, incl. refusals)`, hostileSamples));

// PostgreSQL: bare pg client vs the executor (read-only transaction + cursor + rollback).
const db = await createTestDatabase("bench");
const client = new pg.Client({ connectionString: db.url });
await client.connect();
const executor = new PostgresExecutor({ connectionUrl: db.url, maxConnections: 2 });
const trivial = await guardSql("SELECT 1 AS one", { allowedSchemas: ["public"] });
const hundredRows = await guardSql("SELECT g, g::text AS label, now() AS at FROM generate_series(1, 100) g", { allowedSchemas: ["public"] });
try {
  await time(50, () => client.query("SELECT 1 AS one"));
  rows.push(summarise("pg: bare client.query('SELECT 1')", await time(500, () => client.query("SELECT 1 AS one"))));
  await time(50, () => executor.run(trivial, { timeoutMs: 5000, maxRows: 100 }));
  rows.push(summarise("pg: executor.run(SELECT 1)", await time(500, () => executor.run(trivial, { timeoutMs: 5000, maxRows: 100 }))));
  rows.push(summarise("pg: executor.run(100 rows, 3 columns)", await time(300, () => executor.run(hundredRows, { timeoutMs: 5000, maxRows: 1000 }))));
  rows.push(
    summarise(
      "pg: guard + executor.run(SELECT 1)",
      await time(300, async () => executor.run(await guardSql("SELECT 1 AS one", { allowedSchemas: ["public"] }), { timeoutMs: 5000, maxRows: 100 })),
    ),
  );
} finally {
  await executor.close();
  await client.end();
  await db.drop();
}

// PGlite: in-process call (what the worker saves the main thread from) vs the worker executor.
const root = await mkdtemp(path.join(tmpdir(), "agentmedha-bench-"));
const dataDir = path.join(root, "data");
const seed = await PGlite.create({ dataDir });
await seed.query("SELECT 1");
rows.push(summarise("pglite: in-process query('SELECT 1')", await time(500, () => seed.query("SELECT 1 AS one"))));
await seed.close();
const embedded = new PgliteExecutor({ source: { dataDir } });
try {
  const open = await time(1, () => embedded.test());
  rows.push(summarise("pglite: worker start + open data dir", open));
  await time(50, () => embedded.run(trivial, { timeoutMs: 5000, maxRows: 100 }));
  rows.push(summarise("pglite: executor.run(SELECT 1) in worker", await time(500, () => embedded.run(trivial, { timeoutMs: 5000, maxRows: 100 }))));
  rows.push(
    summarise("pglite: executor.run(100 rows, 3 columns)", await time(300, () => embedded.run(hundredRows, { timeoutMs: 5000, maxRows: 1000 }))),
  );
  const endless = await guardSql("SELECT count(*) FROM generate_series(1, 10000000000)", { allowedSchemas: ["public"] });
  const overrun: number[] = [];
  const reopen: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await embedded.run(endless, { timeoutMs: 200, maxRows: 1 }).catch(() => undefined);
    overrun.push(performance.now() - start - 200);
    reopen.push(...(await time(1, () => embedded.run(trivial, { timeoutMs: 30_000, maxRows: 1 }))));
  }
  rows.push(summarise("pglite: timeout 200 ms → rejection, beyond the 200 ms", overrun));
  rows.push(summarise("pglite: first query after a terminated worker (reopen)", reopen));
} finally {
  await embedded.close();
  await rm(root, { recursive: true, force: true });
}

console.table(rows);
