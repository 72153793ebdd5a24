import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createHash, randomUUID } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Config } from "./config.ts";
import { createMemoryCache, createRedisCache } from "./infra/cache.ts";
import { openAppDatabase } from "./infra/db/database.ts";
import { createLogger, type Logger } from "./infra/logger.ts";
import { createAppPubSub } from "./infra/pubsub.ts";
import { createRedis } from "./infra/redis.ts";
import { createRedisGuard } from "./infra/redis-guard.ts";
import { requestIdFrom, requestScope } from "./infra/request-scope.ts";
import { deriveSecrets, loadMasterSecret } from "./infra/secrets.ts";
import { createStaticHandler, healthz, readyz, sendJson } from "./http/routes.ts";
import { attachWebSocket } from "./http/websocket.ts";
import { createYogaServer } from "./http/yoga.ts";
import { createAuthService } from "./modules/auth/auth.service.ts";
import { createLlmClient } from "./llm/client.ts";
import { handleExport, isExportPath } from "./modules/export/export.route.ts";
import { createConnectionPolicy } from "./modules/data-sources/connection-policy.ts";
import { createConnections } from "./modules/data-sources/connections.ts";
import { createFilePolicy } from "./modules/data-sources/file-policy.ts";
import { createDataSourceService } from "./modules/data-sources/data-sources.service.ts";
import { ensureDemoDataSources } from "./modules/data-sources/demo-sources.ts";
import { createSemanticService } from "./modules/semantic/semantic.service.ts";
import { createSessionService } from "./modules/sessions/sessions.service.ts";
import { createAskService } from "./modules/ask/ask.service.ts";
import { createRefineService } from "./modules/refine/refine.service.ts";
import { createFeedbackService } from "./modules/feedback/feedback.service.ts";
import { createVerifiedService } from "./modules/verified/verified.service.ts";
import { createDiscoveryService } from "./modules/discovery/discovery.service.ts";
import { createEventLog } from "./pipeline/events.ts";
import { createRunFeeds } from "./pipeline/run-feed.ts";
import { createRunner, defaultRunnerOptions } from "./pipeline/runner.ts";
import { createSessionContexts } from "./pipeline/session-context.ts";
import { createRunStore } from "./pipeline/run-store.ts";
import type { Services } from "./services.ts";
import { createApiKeyService } from "./modules/api-keys/api-keys.service.ts";
import { createAuditService } from "./modules/audit/audit.service.ts";
import { auditedEventLog } from "./modules/audit/audit-runs.ts";
import { createUserService } from "./modules/users/users.service.ts";
import { createMemoryRateLimiter, createRedisRateLimiter } from "./http/limits/rate-limiter.ts";
import { createPersistedOperations, maySendOwnDocuments } from "./http/limits/persisted-operations.ts";
import { authenticate } from "./graphql/authenticate.ts";

export interface AppOptions {
  log?: Logger;
  /** Lines telling a person what slow start-up work is doing (loading demo data). */
  progress?: (message: string) => void;
  /** Embedded database location; defaults to `<dataDir>/app-db`. Tests pass `memory://`. */
  embeddedDbDir?: string;
}

export interface App {
  services: Services;
  server: Server;
  /** Listens on `port` (0 = any free port) and resolves the base URL. */
  start(port?: number, host?: string): Promise<string>;
  stop(): Promise<void>;
  demoAccount?: { email: string; password: string };
}

export const demoEmail = "demo@agentmedha.local";

async function createServices(config: Config, log: Logger, options: AppOptions) {
  const closers: (() => Promise<unknown>)[] = [];
  const db = await openAppDatabase({
    databaseUrl: config.databaseUrl,
    embeddedDir: options.embeddedDbDir ?? path.join(config.dataDir, "app-db"),
  });
  closers.push(() => db.close());

  const instanceId = randomUUID();
  let redisReady = () => false;
  let pubsub = createAppPubSub();
  let cache = createMemoryCache();
  let rateLimiter = createMemoryRateLimiter(config.rateLimit.windowMs);
  if (config.redisUrl) {
    const publish = createRedis(config.redisUrl, log, "publish");
    const subscribe = createRedis(config.redisUrl, log, "subscribe");
    const commands = createRedis(config.redisUrl, log, "commands");
    closers.push(async () => Promise.all([publish, subscribe, commands].map((r) => r.quit().catch(() => r.disconnect()))));
    pubsub = createAppPubSub({ publish, subscribe, instanceId, log });
    const guard = createRedisGuard(commands, log);
    cache = createRedisCache(guard);
    // Counters are per deployment (its database), so deployments sharing a Redis do not share quotas.
    const deployment = createHash("sha256").update(config.databaseUrl ?? config.dataDir).digest("hex").slice(0, 12);
    rateLimiter = createRedisRateLimiter(guard, config.rateLimit.windowMs, rateLimiter, `am:rl:${deployment}:`);
    redisReady = () => guard.available && [publish, subscribe].every((r) => r.status === "ready");
  }

  const master = await loadMasterSecret(config.secret, config.dataDir, Boolean(config.databaseUrl), log);
  const secrets = deriveSecrets(master);
  const { prisma } = db;
  const policy = createConnectionPolicy({ allowedHosts: config.dataSourceAllowedHosts, appDatabaseUrl: config.databaseUrl });
  const connections = createConnections({ dataDir: config.dataDir, policy, files: createFilePolicy(config.fileSourcesDir) });
  closers.push(() => connections.closeAll());
  const semantic = createSemanticService({ prisma, cache });
  const dataSources = createDataSourceService({ prisma, secrets, connections, semantic, config, log });
  const audit = createAuditService({ prisma, log });
  const events = auditedEventLog(createEventLog({ prisma, pubsub, log }), audit);
  const runFeeds = createRunFeeds({ events, pubsub, log });
  closers.push(async () => runFeeds.close());
  const contexts = createSessionContexts({ prisma, cache });
  // Filled in below: the runner needs the finished services object.
  const services = {
    config,
    log,
    instanceId,
    db,
    prisma,
    pubsub,
    cache,
    secrets,
    redisReady,
    llm: config.openai.apiKey || config.openai.baseUrl ? createLlmClient(config.openai) : null,
    auth: createAuthService({ prisma, cache, tokenKey: secrets.tokenKey, tokenTtlSeconds: config.tokenTtlSeconds, signUp: config.signUp }),
    sessions: createSessionService({ prisma, pubsub, ttlMs: config.sessionTtlMs, retentionMs: config.sessionRetentionMs }),
    connections,
    semantic,
    dataSources,
    discovery: createDiscoveryService({ prisma, dataSources, semantic }),
    events,
    runFeeds,
    contexts,
    apiKeys: createApiKeyService({ prisma, log, adminOnly: config.persistedOperations.mode === "only" }),
    users: createUserService({ prisma, forgetUser: (userId) => services.auth.forgetUser(userId) }),
    audit,
    rateLimiter,
  } as Services;
  // Heartbeats several times per staleness period, so a live instance is never taken for dead.
  const staleAfterMs = config.runStaleAfterMs;
  const runnerOptions = { ...defaultRunnerOptions, staleAfterMs, heartbeatMs: Math.min(defaultRunnerOptions.heartbeatMs, Math.max(100, Math.round(staleAfterMs / 6))) };
  const runs = createRunStore(prisma);
  services.runner = createRunner({ services, events, contexts, runs, instanceId, log, prisma, pubsub }, runnerOptions);
  services.ask = createAskService(services, services.runner, contexts, runs);
  services.refine = createRefineService(services);
  services.verified = createVerifiedService(services);
  services.feedback = createFeedbackService(services);
  // Runs stop before the connections and database they use close.
  closers.push(() => services.runner.stop());
  const close = async () => {
    for (const closer of closers.reverse()) await closer().catch((error) => log.warn({ err: error }, "close failed"));
  };
  return { services, close };
}

async function ensureDemoAccount(services: Services) {
  const file = path.join(services.config.dataDir, "demo-account.json");
  return services.auth.ensureDemoUser(
    demoEmail,
    async () => {
      const saved = await readFile(file, "utf8").catch(() => null);
      return saved ? (JSON.parse(saved) as { password?: string }).password ?? null : null;
    },
    (password) => writeFile(file, JSON.stringify({ email: demoEmail, password }, null, 2), { mode: 0o600 }),
  );
}

/** Wires one server instance: services, GraphQL over HTTP and WebSocket, health, static client, jobs. */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? createLogger(config);
  const { services, close: closeServices } = await createServices(config, log, options);
  const persisted = createPersistedOperations(config.persistedOperations, async (authorization) => maySendOwnDocuments((await authenticate(services, authorization)).viewer));
  const yoga = createYogaServer(services, persisted);
  const serveClient = createStaticHandler();

  // A line per request suits a log collector (JSON); at a terminal it would bury the start banner.
  const requestLevel = config.logFormat === "json" ? "info" : "debug";
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = requestIdFrom(req.headers["x-request-id"]);
    res.setHeader("x-request-id", requestId);
    const started = performance.now();
    res.on("finish", () => {
      const entry = { method: req.method, url: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) };
      if (req.url?.startsWith("/healthz") || req.url?.startsWith("/readyz")) log.debug(entry, "request");
      else log[requestLevel](entry, "request");
    });
    await requestScope.run({ requestId }, async () => {
      const url = new URL(req.url ?? "/", "http://local");
      if (url.pathname === "/healthz") return healthz(req, res);
      if (url.pathname === "/readyz") return readyz(services, req, res);
      if (isExportPath(url.pathname)) return handleExport(services, req, res, url.pathname);
      if (url.pathname === yoga.graphqlEndpoint) {
        // A body without a declared length (chunked) could grow past the limit unseen: refuse it.
        if (req.headers["transfer-encoding"] && req.method !== "GET") {
          return sendJson(res, 411, {
            errors: [{ message: "Send the request with a Content-Length header.", extensions: { code: "BAD_USER_INPUT" } }],
          });
        }
        const length = Number(req.headers["content-length"] ?? 0);
        if (length > config.maxBodyBytes) {
          return sendJson(res, 413, {
            errors: [{ message: `Request body exceeds ${config.maxBodyBytes} bytes.`, extensions: { code: "PAYLOAD_TOO_LARGE" } }],
          });
        }
        return yoga.handle(req, res, { requestId, req });
      }
      return serveClient(req, res);
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      log.error({ err: error }, "request failed");
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "Unexpected error.", extensions: { code: "INTERNAL" } }] });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  const ws = attachWebSocket(server, yoga, services, persisted);

  const sweepEvery = Math.min(5 * 60_000, Math.max(1_000, config.sessionTtlMs / 10));
  let sweeper: NodeJS.Timeout | undefined;
  let runSweeper: NodeJS.Timeout | undefined;
  const demoAccount = config.demoUser ? await ensureDemoAccount(services) : undefined;
  if (config.demoData) await ensureDemoDataSources(services, options.progress);

  return {
    services,
    server,
    demoAccount,
    async start(port = config.port, host = config.host) {
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => resolve());
      });
      // An embedded database has exactly one server: whatever was running before this start is dead.
      await services.runner.sweep(services.db.kind === "embedded").catch((error) => log.warn({ err: error }, "run sweep failed"));
      sweeper = setInterval(() => {
        services.sessions.sweep().catch((error) => log.warn({ err: error }, "session sweep failed"));
      }, sweepEvery);
      sweeper.unref();
      runSweeper = setInterval(() => {
        services.runner.sweep().catch((error) => log.warn({ err: error }, "run sweep failed"));
      }, Math.min(15_000, Math.max(500, config.runStaleAfterMs / 2)));
      runSweeper.unref();
      const address = server.address() as AddressInfo;
      const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
      return config.publicUrl ?? `http://${shownHost}:${address.port}`;
    },
    async stop() {
      clearInterval(sweeper);
      clearInterval(runSweeper);
      // Stop accepting, tell WebSocket clients, let in-flight requests finish briefly, then close the rest.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await ws.close();
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(forced);
      await yoga.dispose();
      await closeServices();
    },
  };
}

