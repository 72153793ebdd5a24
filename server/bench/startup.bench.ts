/**
 * Start-up of the `npm start` process (src/main.ts, embedded database, demo data): the first
 * start on an empty data folder, restarts on the same folder, and the first answer after a
 * restart. It runs what `npm start` runs, the server's build (dist/, built first); the floor is
 * Node starting an empty module.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ms, percentile, printTable, say } from "./stats.ts";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const restarts = Number(process.env.BENCH_RESTARTS ?? 3);

interface Started {
  child: ChildProcess;
  url: string;
  email: string;
  password: string;
  ms: number;
}

function start(dataDir: string): Promise<Started> {
  const began = performance.now();
  const child = spawn(process.execPath, ["--enable-source-maps", "dist/main.mjs"], {
    cwd: serverDir,
    env: { ...process.env, AGENTMEDHA_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", LOG_FORMAT: "text" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let stdout = "";
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code} before it answered:\n${stdout}`)));
    child.stdout!.on("data", (chunk) => {
      stdout += chunk;
      const url = /running at (http:\S+)/.exec(stdout)?.[1];
      const account = /Demo account: (\S+) \/ (\S+)/.exec(stdout);
      if (url && account) resolve({ child, url, email: account[1]!, password: account[2]!, ms: performance.now() - began });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function gql<T = any>(url: string, query: string, variables: object = {}, token?: string): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

/** Log-in, then one question on the demo data, timed from the ask until the run has finished. */
async function firstAnswer(s: Started): Promise<number> {
  const { logIn } = await gql(s.url, "mutation($i: LogInInput!) { logIn(input: $i) { token } }", { i: { email: s.email, password: s.password } });
  const began = performance.now();
  const { ask } = await gql(s.url, "mutation($i: AskInput!) { ask(input: $i) { run { id } } }", { i: { message: "How many customers are there?" } }, logIn.token);
  for (;;) {
    const { run } = await gql(s.url, "query($id: ID!) { run(id: $id) { status } }", { id: ask.run.id }, logIn.token);
    if (run.status === "SUCCEEDED") return performance.now() - began;
    if (!["PENDING", "RUNNING"].includes(run.status)) throw new Error(`the first question ended ${run.status}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function floor(): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "agentmedha-bench-floor-"));
  const file = path.join(dir, "empty.mjs");
  await writeFile(file, "export {};\n");
  const began = performance.now();
  spawnSync(process.execPath, [file], { cwd: serverDir });
  const took = performance.now() - began;
  await rm(dir, { recursive: true, force: true });
  return took;
}

say("building the server (npm run build)…");
const built = spawnSync("npm", ["run", "--silent", "build"], { cwd: serverDir, stdio: "inherit" });
if (built.status !== 0) throw new Error("the server build failed");
const dataDir = await mkdtemp(path.join(os.tmpdir(), "agentmedha-bench-start-"));
try {
  const bare = await floor();
  say("first start (empty data folder, demo data loads)…");
  const first = await start(dataDir);
  await stop(first.child);
  const again: number[] = [];
  const answers: number[] = [];
  for (let i = 0; i < restarts; i++) {
    say(`restart ${i + 1}/${restarts}…`);
    const s = await start(dataDir);
    again.push(s.ms);
    answers.push(await firstAnswer(s));
    await stop(s.child);
  }
  const restart = percentile(again, 0.5);
  const answer = percentile(answers, 0.5);
  printTable(`start-up of npm start (embedded, demo data; floor: node of an empty module ${ms(bare)})`, [
    { measure: "first start → answering (empty data folder)", value: ms(first.ms), target: "≤ 20 s", ok: first.ms <= 20_000 },
    { measure: `restart → answering, p50 of ${restarts}`, value: ms(restart), target: "≤ 3 s", ok: restart <= 3_000 },
    { measure: "first question after a restart (ask → SUCCEEDED), p50", value: ms(answer), target: "≤ 1 s", ok: answer <= 1_000 },
  ]);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
