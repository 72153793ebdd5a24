import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const serverDir = path.resolve(__dirname, "..");

/** What `npm start` runs: the server's build (dist/), built once for this file. */
function launch(env: Record<string, string>): { child: ChildProcess; output: () => { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, ["--enable-source-maps", "dist/main.mjs"], {
    cwd: serverDir,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  return { child, output: () => ({ stdout, stderr }) };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("main (the `npm start` process)", () => {
  let dataDir: string;
  beforeAll(async () => {
    const built = spawnSync("npm", ["run", "--silent", "build"], { cwd: serverDir, encoding: "utf8" });
    expect(built.status, built.stderr).toBe(0);
    dataDir = await mkdtemp(path.join(os.tmpdir(), "agentmedha-main-"));
  }, 60_000);
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it.each([
    [{ PORT: "eighty" }, /^agentmedha: Invalid configuration: PORT .*"eighty"/],
    [{ DATABASE_URL: "mysql://nope" }, /^agentmedha: Invalid configuration: DATABASE_URL must be a postgres/],
    [{ REDIS_URL: "localhost:6379" }, /^agentmedha: Invalid configuration: REDIS_URL must be a redis/],
    [{ ENGINE: "llm" }, /^agentmedha: Invalid configuration: ENGINE=llm needs OPENAI_API_KEY/],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:1/none" }, /^agentmedha: Cannot prepare the database at postgresql:\/\/postgres@127\.0\.0\.1:1\/none/],
  ])("stops with one clear line for %o", async (env, message) => {
    const { child, output } = launch({ AGENTMEDHA_DATA_DIR: dataDir, ...env });
    expect(await exited(child)).toBe(1);
    const { stderr } = output();
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr.trim()).toMatch(message);
  });

  it("serves the client and the API on embedded defaults, keeps data across restarts, stops on SIGTERM", async () => {
    const first = launch({ AGENTMEDHA_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });
    const url = await waitFor(() => /running at (http:\S+)/.exec(first.output().stdout)?.[1], 150_000);
    const account = /Demo account: (\S+) \/ (\S+)/.exec(first.output().stdout)!;
    expect(account).not.toBeNull();

    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const gql = (query: string, variables?: object, token?: string) =>
      fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json() as Promise<any>);
    expect((await gql("{ __typename }")).data).toEqual({ __typename: "Query" });
    const login = await gql(`mutation($i: LogInInput!) { logIn(input: $i) { token } }`, { i: { email: account[1], password: account[2] } });
    const token = login.data.logIn.token;
    await gql(`mutation { createSession(input: { title: "Survives restarts" }) { session { id } } }`, {}, token);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);

    first.child.kill("SIGTERM");
    expect(await exited(first.child)).toBe(0);

    const second = launch({ AGENTMEDHA_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1" });
    const url2 = await waitFor(() => /running at (http:\S+)/.exec(second.output().stdout)?.[1], 60_000);
    expect(second.output().stdout).toContain(`Demo account: ${account[1]} / ${account[2]}`);
    const again = await fetch(`${url2}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ sessions(first: 5) { edges { node { title } } } }" }),
    }).then((r) => r.json() as Promise<any>);
    expect(again.data.sessions.edges.map((e: any) => e.node.title)).toContain("Survives restarts");
    second.child.kill("SIGTERM");
    expect(await exited(second.child)).toBe(0);
    // Two real start-ups, the first loading the demo data: generous for a busy CI machine.
  }, 240_000);
});
