import type { IncomingMessage, ServerResponse } from "node:http";
import { existsSync } from "node:fs";
import path from "node:path";
import sirv from "sirv";
import { clientDistDir } from "../paths.ts";
import type { Services } from "../services.ts";

export function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}

/** Liveness: the process answers. */
export function healthz(_req: IncomingMessage, res: ServerResponse) {
  sendJson(res, 200, { status: "ok" });
}

/** Readiness: the database (and Redis, when configured) answer. */
export async function readyz(services: Services, _req: IncomingMessage, res: ServerResponse) {
  const database = await services.db
    .ping()
    .then(() => "ok")
    .catch(() => "unreachable");
  const redis = services.config.redisUrl ? (services.redisReady() ? "ok" : "unreachable") : "disabled";
  const ready = database === "ok" && redis !== "unreachable";
  sendJson(res, ready ? 200 : 503, { status: ready ? "ok" : "unavailable", database, redis });
}

/**
 * The built web client, with index.html for client-side routes. Before the
 * client is built, a short page says how to build it.
 */
export function createStaticHandler(dir = clientDistDir) {
  if (!existsSync(path.join(dir, "index.html"))) {
    return (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(503, { "content-type": "text/html; charset=utf-8" });
      res.end("<!doctype html><title>AgentMedha</title><p>The web client is not built yet: run <code>npm start</code> (or <code>npm run build</code>). GraphQL is at <a href=\"/graphql\">/graphql</a>.</p>");
    };
  }
  const serve = sirv(dir, {
    single: true,
    etag: true,
    dev: false,
    // Vite fingerprints everything under assets/; index.html must always be revalidated.
    setHeaders: (res, pathname) =>
      res.setHeader("cache-control", pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache"),
  });
  return (req: IncomingMessage, res: ServerResponse) => serve(req, res, () => sendJson(res, 404, { error: "Not found" }));
}
