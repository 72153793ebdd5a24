/**
 * `npm run bench`: every benchmark in turn, each printing its own tables.
 * `npm run bench -- pipeline engine` runs only those. Set BENCH_SERVICES=1 to
 * run the pipeline benchmark on PostgreSQL + Redis instead of the embedded mode.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const benches: Record<string, { file: string; about: string; nodeArgs?: string[] }> = {
  engine: { file: "bench/engine.bench.ts", about: "built-in engine: question → SQL on Chinook/Northwind-sized models, introspection of 300 tables" },
  insights: { file: "bench/insights.bench.ts", about: "chart choice and follow-up suggestions" },
  executor: { file: "bench/executor.bench.ts", about: "SQL guard and executors (PostgreSQL, PGlite worker)" },
  llm: { file: "bench/llm.bench.ts", about: "LLM schema linking and prompt building" },
  startup: { file: "bench/startup.bench.ts", about: "npm start: first start with demo data, restarts, first answer after a restart" },
  pipeline: { file: "bench/pipeline.bench.ts", about: "ask pipeline through the API: sessions, ask → done, overhead, 2,000 subscribers", nodeArgs: ["--expose-gc"] },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !benches[w]);
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(", ")}; choose from ${Object.keys(benches).join(", ")}`);
  process.exit(2);
}
let failed = 0;
for (const [name, bench] of Object.entries(benches)) {
  if (wanted.length && !wanted.includes(name)) continue;
  console.log(`\n=== ${name}: ${bench.about} ===`);
  const result = spawnSync(process.execPath, [...(bench.nodeArgs ?? []), "--import", "tsx", bench.file], { cwd: serverDir, stdio: "inherit" });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${name} benchmark exited with ${result.status ?? result.signal}`);
  }
}
process.exit(failed ? 1 : 0);
