import type { Config } from "./config.ts";
import type { Cache } from "./infra/cache.ts";
import type { AppDatabase, Prisma } from "./infra/db/database.ts";
import type { Logger } from "./infra/logger.ts";
import type { PubSub } from "./infra/pubsub.ts";
import type { Secrets } from "./infra/secrets.ts";
import type { AuthService } from "./modules/auth/auth.service.ts";
import type { LlmClient } from "./llm/client.ts";
import type { Connections } from "./modules/data-sources/connections.ts";
import type { DataSourceService } from "./modules/data-sources/data-sources.service.ts";
import type { SemanticService } from "./modules/semantic/semantic.service.ts";
import type { AskService } from "./modules/ask/ask.service.ts";
import type { RefineService } from "./modules/refine/refine.service.ts";
import type { FeedbackService } from "./modules/feedback/feedback.service.ts";
import type { VerifiedService } from "./modules/verified/verified.service.ts";
import type { DiscoveryService } from "./modules/discovery/discovery.service.ts";
import type { EventLog } from "./pipeline/events.ts";
import type { RunFeeds } from "./pipeline/run-feed.ts";
import type { Runner } from "./pipeline/runner.ts";
import type { SessionContexts } from "./pipeline/session-context.ts";
import type { SessionService } from "./modules/sessions/sessions.service.ts";
import type { ApiKeyService } from "./modules/api-keys/api-keys.service.ts";
import type { AuditService } from "./modules/audit/audit.service.ts";
import type { UserService } from "./modules/users/users.service.ts";
import type { RateLimiter } from "./http/limits/rate-limiter.ts";

/** Long-lived parts of one server instance, created once in app.ts. */
export interface Services {
  config: Config;
  log: Logger;
  instanceId: string;
  db: AppDatabase;
  prisma: Prisma;
  pubsub: PubSub;
  cache: Cache;
  secrets: Secrets;
  redisReady: () => boolean;
  /** The OpenAI-compatible model, when one is configured. */
  llm: LlmClient | null;
  auth: AuthService;
  sessions: SessionService;
  connections: Connections;
  semantic: SemanticService;
  dataSources: DataSourceService;
  discovery: DiscoveryService;
  events: EventLog;
  runFeeds: RunFeeds;
  contexts: SessionContexts;
  runner: Runner;
  ask: AskService;
  refine: RefineService;
  feedback: FeedbackService;
  verified: VerifiedService;
  apiKeys: ApiKeyService;
  users: UserService;
  audit: AuditService;
  /** Shared through Redis when configured, else per instance. */
  rateLimiter: RateLimiter;
}
