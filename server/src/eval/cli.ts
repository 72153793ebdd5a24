import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs, UsageError } from "./args.ts";
import { CasesFileError, readCases } from "./cases.ts";
import { evaluate } from "./evaluate.ts";
import { openEvalProduct } from "./product.ts";
import { DatasetLoadError } from "./register.ts";
import type { EvalDataset } from "./run.ts";
import { createProgress } from "./progress.ts";
import { formatReport } from "./report.ts";

const log = (line: string) => process.stderr.write(`${line}\n`);

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  for (const file of [args.cases, ...args.datasets.map((d) => d.path)]) {
    if (!(await exists(file))) throw new UsageError(`File not found: ${file}`);
  }
  const cases = await readCases(args.cases);
  const started = Date.now();
  const databaseUrl = process.env.DATABASE_URL;
  log("starting the product in this process (embedded app database, built-in engine unless ENGINE says otherwise)…");
  const product = await openEvalProduct();
  const loaded = new Map<string, EvalDataset & { close(): Promise<void> }>();
  try {
    for (const d of args.datasets) {
      log(`loading ${d.name} from ${path.basename(d.path)} into ${databaseUrl ? "a new database on DATABASE_URL" : "embedded PGlite"}…`);
      const t0 = Date.now();
      const dataset = await product.register(d.name, d.path, { ...(databaseUrl ? { databaseUrl } : {}), onProgress: log });
      loaded.set(d.name, dataset);
      log(`  ${d.name}: ${dataset.tables} tables, ready in ${Date.now() - t0} ms`);
    }
    const turns = cases.reduce((n, c) => n + c.turns.length, 0);
    log(`running ${cases.length} conversations (${turns} turns)…`);
    const progress = createProgress(process.stderr);
    const results = await evaluate(cases, loaded, (done, total, c, sofar) => progress.update(done, total, sofar, c.id));
    await fs.mkdir(path.dirname(args.out), { recursive: true });
    const lines = results.map(({ id, turn, question, sql, error }) => JSON.stringify({ id, turn, question, sql, error }));
    await fs.writeFile(args.out, `${lines.join("\n")}\n`);
    log(`wrote ${results.length} predictions to ${args.out}`);
    process.stdout.write(`${formatReport(results, Date.now() - started)}\n`);
    return 0;
  } finally {
    for (const d of loaded.values()) await d.close().catch(() => undefined);
    await product.close().catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof CasesFileError || error instanceof DatasetLoadError;
    process.stderr.write(`eval: ${known ? (error as Error).message : `unexpected error: ${(error as Error).stack ?? String(error)}`}\n`);
    process.exit(2);
  },
);
