import path from "node:path";
import ipaddr from "ipaddr.js";
import { z } from "zod";
import { repoRoot } from "./paths.ts";
import { defaultMaxBytes, defaultMaxRowBytes, defaultMaxValueBytes } from "./sql/executor/executor.ts";

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const postgresUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^postgres(ql)?:$/.test(new URL(v).protocol), "must be a postgres:// or postgresql:// URL");
const redisUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^rediss?:$/.test(new URL(v).protocol), "must be a redis:// or rediss:// URL");
const httpUrl = z.string().refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), "must be an http(s) URL");

const commaList = (v: string) => v.split(",").map((s) => s.trim()).filter(Boolean);
const hostName = /^\[?[a-z0-9](?:[a-z0-9_.:-]*[a-z0-9])?\]?\.?$/i;
/** Host names, IP addresses, CIDR ranges and absolute socket directories. */
const allowedHosts = z
  .string()
  .refine(
    (v) => commaList(v).every((e) => e.startsWith("/") || ipaddr.isValidCIDR(e) || ipaddr.isValid(e) || hostName.test(e)),
    "must list host names, IP addresses, CIDR ranges (10.0.0.0/8) or socket directories, separated by commas",
  )
  .transform(commaList);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("0.0.0.0"),
  PUBLIC_URL: httpUrl.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_FORMAT: z.enum(["text", "json"]).default("text"),
  AGENTMEDHA_DATA_DIR: z.string().min(1).optional(),
  AGENTMEDHA_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: redisUrl.optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: httpUrl.optional(),
  OPENAI_MODEL: z.string().min(1).optional(),
  ENGINE: z.enum(["builtin", "llm", "hybrid"]).optional(),
  CORS_ORIGINS: z.string().optional(),
  DEMO_DATA: boolish.default(true),
  DEMO_USER: boolish.optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(24),
  SESSION_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(30),
  TOKEN_TTL_HOURS: z.coerce.number().positive().max(24 * 90).default(24 * 7),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  MAX_RESULT_ROWS: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  MAX_RESULT_BYTES: z.coerce.number().int().min(1024).max(1_073_741_824).default(defaultMaxBytes),
  MAX_ROW_BYTES: z.coerce.number().int().min(1024).max(268_435_456).default(defaultMaxRowBytes),
  MAX_VALUE_BYTES: z.coerce.number().int().min(1024).max(268_435_456).default(defaultMaxValueBytes),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
  TRUST_PROXY: boolish.default(false),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  RATE_LIMIT_USER: z.coerce.number().int().min(1).max(1_000_000).default(600),
  RATE_LIMIT_API_KEY: z.coerce.number().int().min(1).max(1_000_000).default(300),
  RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(1).max(1_000_000).default(120),
  RATE_LIMIT_EXPORTS: z.coerce.number().int().min(1).max(1_000_000).default(30),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(100).default(15),
  MAX_QUERY_COST: z.coerce.number().int().min(10).max(10_000_000).default(25_000),
  MAX_QUERY_ALIASES: z.coerce.number().int().min(0).max(1_000).default(15),
  MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(0).max(1_000).default(20),
  MAX_QUERY_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(3_000),
  MAX_SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().min(1).max(10_000).default(25),
  MAX_WS_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
  MAX_WS_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).max(10_000).default(20),
  RUN_STALE_AFTER_SECONDS: z.coerce.number().min(1).max(3600).default(30),
  PERSISTED_OPERATIONS: z.enum(["off", "allow", "only"]).default("off"),
  PERSISTED_OPERATIONS_FILE: z.string().min(1).optional(),
  DATA_SOURCE_ALLOWED_HOSTS: allowedHosts.default([]),
  FILE_SOURCES_DIR: z.string().min(1).optional(),
  SIGNUP_ROLE: z.enum(["viewer", "analyst"]).default("viewer"),
  SIGNUP_CLOSED: boolish.default(false),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env["NODE_ENV"];
  port: number;
  host: string;
  publicUrl?: string;
  logLevel: Env["LOG_LEVEL"];
  /** `text`: short lines for a person at a terminal; `json`: one JSON object a line, every request included. */
  logFormat: Env["LOG_FORMAT"];
  dataDir: string;
  secret?: string;
  databaseUrl?: string;
  redisUrl?: string;
  openai: { apiKey?: string; baseUrl?: string; model?: string };
  engine: "builtin" | "llm" | "hybrid";
  corsOrigins: string[];
  demoData: boolean;
  demoUser: boolean;
  sessionTtlMs: number;
  sessionRetentionMs: number;
  tokenTtlSeconds: number;
  queryTimeoutMs: number;
  maxResultRows: number;
  /** Byte caps of a result: the whole result (answers are truncated, exports fail), one row and one value (RESULT_TOO_LARGE). */
  maxResultBytes: number;
  maxRowBytes: number;
  maxValueBytes: number;
  maxBodyBytes: number;
  /** Take the caller's address from X-Forwarded-For (only behind a reverse proxy). */
  trustProxy: boolean;
  /** Operations per window, per log-in user, per API key and per address without credentials; `exports`: downloads per window, per user or key. */
  rateLimit: { windowMs: number; user: number; apiKey: number; anonymous: number; exports: number };
  queryLimits: { maxDepth: number; maxCost: number; maxAliases: number; maxDirectives: number; maxTokens: number };
  webSocketLimits: { subscriptionsPerConnection: number; connectionsPerIp: number; connectionsPerUser: number };
  /** A run whose instance stopped saying it is alive for this long is failed (RUN_ABANDONED) by another instance. */
  runStaleAfterMs: number;
  /** `allow`: hashes of the web client's operations are accepted; `only`: nothing else, except from administrators' API keys. */
  persistedOperations: { mode: "off" | "allow" | "only"; file: string };
  /** Hosts data sources may reach although they are loopback, private or link-local (never the app's own database). */
  dataSourceAllowedHosts: string[];
  /** The only folder DuckDB data sources (duckdb:///...) may read files from; default `<dataDir>/files`. */
  fileSourcesDir: string;
  /** Role of self-signed-up accounts after the first (the administrator); `closed`: only the first may sign up. */
  signUp: { role: "VIEWER" | "ANALYST"; closed: boolean };
}

/** Thrown for a bad environment; main prints its one-line message and exits. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ConfigError";
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables mean "not set", the way shells and compose files use them.
  const env = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "environment");
    const shown = env[name] === undefined || /SECRET|KEY|PASSWORD/.test(name) ? "" : ` (got "${String(env[name]).slice(0, 60)}")`;
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}${shown}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.AGENTMEDHA_DATA_DIR ?? path.join(repoRoot, ".data"));
  if (e.MAX_VALUE_BYTES > e.MAX_ROW_BYTES || e.MAX_ROW_BYTES > e.MAX_RESULT_BYTES) {
    throw new ConfigError("Invalid configuration: MAX_VALUE_BYTES ≤ MAX_ROW_BYTES ≤ MAX_RESULT_BYTES must hold");
  }
  const llmConfigured = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  if (e.ENGINE && e.ENGINE !== "builtin" && !llmConfigured) {
    throw new ConfigError(`Invalid configuration: ENGINE=${e.ENGINE} needs OPENAI_API_KEY or OPENAI_BASE_URL`);
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    dataDir,
    secret: e.AGENTMEDHA_SECRET,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL },
    engine: e.ENGINE ?? (llmConfigured ? "hybrid" : "builtin"),
    corsOrigins: (e.CORS_ORIGINS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    demoData: e.DEMO_DATA,
    demoUser: e.DEMO_USER ?? !e.DATABASE_URL,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    sessionRetentionMs: e.SESSION_RETENTION_DAYS * 86_400_000,
    tokenTtlSeconds: Math.round(e.TOKEN_TTL_HOURS * 3600),
    queryTimeoutMs: e.QUERY_TIMEOUT_MS,
    maxResultRows: e.MAX_RESULT_ROWS,
    maxResultBytes: e.MAX_RESULT_BYTES,
    maxRowBytes: e.MAX_ROW_BYTES,
    maxValueBytes: e.MAX_VALUE_BYTES,
    maxBodyBytes: e.MAX_BODY_BYTES,
    trustProxy: e.TRUST_PROXY,
    rateLimit: { windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000, user: e.RATE_LIMIT_USER, apiKey: e.RATE_LIMIT_API_KEY, anonymous: e.RATE_LIMIT_ANONYMOUS, exports: e.RATE_LIMIT_EXPORTS },
    queryLimits: {
      maxDepth: e.MAX_QUERY_DEPTH,
      maxCost: e.MAX_QUERY_COST,
      maxAliases: e.MAX_QUERY_ALIASES,
      maxDirectives: e.MAX_QUERY_DIRECTIVES,
      maxTokens: e.MAX_QUERY_TOKENS,
    },
    webSocketLimits: {
      subscriptionsPerConnection: e.MAX_SUBSCRIPTIONS_PER_CONNECTION,
      connectionsPerIp: e.MAX_WS_CONNECTIONS_PER_IP,
      connectionsPerUser: e.MAX_WS_CONNECTIONS_PER_USER,
    },
    runStaleAfterMs: e.RUN_STALE_AFTER_SECONDS * 1000,
    persistedOperations: {
      mode: e.PERSISTED_OPERATIONS,
      file: path.resolve(e.PERSISTED_OPERATIONS_FILE ?? path.join(repoRoot, "schema", "persisted-operations.json")),
    },
    dataSourceAllowedHosts: e.DATA_SOURCE_ALLOWED_HOSTS,
    fileSourcesDir: path.resolve(e.FILE_SOURCES_DIR ?? path.join(dataDir, "files")),
    signUp: { role: e.SIGNUP_ROLE === "analyst" ? "ANALYST" : "VIEWER", closed: e.SIGNUP_CLOSED },
  };
}
