/**
 * Loads AgentMedha's demo datasets into a PostgreSQL server, one database each
 * (agentmedha_demo_<key>):
 *
 *   npx tsx server/scripts/load-demo-data.ts --url postgresql://user@host:5432/postgres [--only sales[,hr]] [--replace]
 *
 * Exit codes: 0 done, 1 the server failed (unreachable, load error), 2 bad arguments.
 */
import { parseArgs } from "node:util";
import { demoDatasets, isDemoDatasetKey, type DemoDatasetKey } from "../src/demo/catalogue.ts";
import { DemoDataError } from "../src/demo/errors.ts";
import { installDemoDatabases, redactUrl } from "../src/demo/install-postgres.ts";

const usage = "usage: load-demo-data --url postgresql://user:password@host:5432/postgres [--only sales,hr,support] [--replace]";

function fail(code: number, message: string): never {
  console.error(message);
  process.exit(code);
}

let args;
try {
  args = parseArgs({
    options: { url: { type: "string" }, only: { type: "string", multiple: true }, replace: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
  }).values;
} catch (error) {
  fail(2, `error: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
}
if (args.help) {
  console.log(`${usage}\ndatasets: ${demoDatasets.map((d) => `${d.key} (${d.name})`).join(", ")}`);
  process.exit(0);
}
if (!args.url) fail(2, `error: --url is required\n${usage}`);

const requested = (args.only ?? []).flatMap((value) => value.split(",")).map((k) => k.trim()).filter(Boolean);
const unknown = requested.filter((k) => !isDemoDatasetKey(k));
if (unknown.length) fail(2, `error: DEMO_DATASET_UNKNOWN: no demo dataset ${unknown.join(", ")}; choose from ${demoDatasets.map((d) => d.key).join(", ")}`);
const keys: DemoDatasetKey[] = requested.length ? (requested as DemoDatasetKey[]) : demoDatasets.map((d) => d.key);

try {
  const outcomes = await installDemoDatabases({ serverUrl: args.url, keys, replace: args.replace, onProgress: (m) => console.log(m) });
  console.log("");
  for (const o of outcomes) console.log(`${o.status.padEnd(8)} ${o.key.padEnd(8)} ${redactUrl(o.url)}`);
} catch (error) {
  if (error instanceof DemoDataError) fail(error.code === "DEMO_SERVER_BAD_URL" ? 2 : 1, `error: ${error.code}: ${error.message}`);
  throw error;
}
