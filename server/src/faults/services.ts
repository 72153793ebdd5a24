import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));
}

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

export interface Service {
  url: string;
  port: number;
  /** SIGKILL: the process dies at once, as in a crash. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Stops for good and removes what it stored. */
  dispose(): Promise<void>;
}

/** A Redis of the test's own on a free port, without persistence, so the shared one stays untouched. */
export async function startRedis(): Promise<Service & { freeze(): void; thaw(): void }> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const service = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      await waitFor(`redis on ${port}`, () => reachable(port));
    },
    async kill() {
      if (!child) return;
      const done = exited(child);
      child.kill("SIGKILL");
      await done;
      child = null;
    },
    /** SIGSTOP: connections stay open and nothing answers, as in a network partition or a stalled host. */
    freeze() {
      child?.kill("SIGSTOP");
    },
    thaw() {
      child?.kill("SIGCONT");
    },
    async dispose() {
      service.thaw();
      await service.kill();
    },
  };
  await service.start();
  return service;
}

const pgBin = () => {
  const versions = readdirSync("/usr/lib/postgresql").sort();
  return path.join("/usr/lib/postgresql", versions.at(-1)!, "bin");
};

/** PostgreSQL refuses to run as root: its processes then run as the `postgres` user. */
function postgresUser(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  return { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) };
}

/**
 * A throw-away PostgreSQL cluster of the test's own (initdb into a temp folder,
 * a free port, trust authentication), so the shared server keeps running for
 * everyone else while this one is stopped and killed.
 */
export async function startPostgres(): Promise<Service & { stop(): Promise<void>; admin<T>(run: (client: pg.Client) => Promise<T>, database?: string): Promise<T> }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "agentmedha-pg-"));
  const user = postgresUser();
  if ("uid" in user) chownSync(dir, user.uid, user.gid);
  execFileSync(path.join(pgBin(), "initdb"), ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync"], { stdio: "ignore", ...user });
  let child: ChildProcess | null = null;
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const ready = async () => {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } finally {
      await client.end().catch(() => {});
    }
  };
  const service = {
    url,
    port,
    async start() {
      child = spawn(path.join(pgBin(), "postgres"), ["-D", path.join(dir, "data"), "-p", String(port), "-h", "127.0.0.1", "-k", dir, "-c", "fsync=off"], { stdio: "ignore", ...user });
      await waitFor(`postgres on ${port}`, ready, 30_000);
    },
    /** Fast shutdown: sessions are ended, as in a restart by an operator. */
    async stop() {
      if (!child) return;
      const done = exited(child);
      child.kill("SIGINT");
      await done;
      child = null;
      await waitFor(`postgres on ${port} to stop`, async () => !(await reachable(port)));
    },
    async kill() {
      if (!child) return;
      const done = exited(child);
      child.kill("SIGKILL");
      await done;
      child = null;
    },
    async dispose() {
      await service.stop().catch(() => service.kill());
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    },
    async admin<T>(run: (client: pg.Client) => Promise<T>, database = "postgres") {
      const client = new pg.Client({ connectionString: url.replace(/\/postgres$/, `/${database}`) });
      await client.connect();
      try {
        return await run(client);
      } finally {
        await client.end();
      }
    },
  };
  await service.start();
  return service;
}
