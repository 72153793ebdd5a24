import net from "node:net";

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/** Integration tests need the real services; say so plainly instead of failing one by one. */
export default async function setup() {
  const pgUrl = new URL(process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const redisUrl = new URL(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379");
  const missing: string[] = [];
  if (!(await reachable(pgUrl.hostname, Number(pgUrl.port || 5432)))) missing.push(`PostgreSQL at ${pgUrl.host}`);
  if (!(await reachable(redisUrl.hostname, Number(redisUrl.port || 6379)))) missing.push(`Redis at ${redisUrl.host}`);
  if (missing.length) {
    throw new Error(`Tests need ${missing.join(" and ")}; start them (see .ci/run) or set TEST_POSTGRES_URL / TEST_REDIS_URL.`);
  }
}
