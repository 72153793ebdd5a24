import type { Plugin } from "graphql-yoga";
import { AppError } from "../../errors.ts";
import type { Context } from "../../graphql/context.ts";
import type { RateDecision, RateLimiter } from "./rate-limiter.ts";

/** Operations allowed per window, by how the caller authenticated. */
export interface RateLimits {
  user: number;
  apiKey: number;
  /** Per address, for calls without credentials (sign-up, log-in). */
  anonymous: number;
}

/** Who a request counts against: the API key, else the user, else the address. */
function rateKey(ctx: Pick<Context, "viewer" | "ip">, limits: RateLimits): { key: string; limit: number } {
  if (ctx.viewer?.apiKeyId) return { key: `key:${ctx.viewer.apiKeyId}`, limit: limits.apiKey };
  if (ctx.viewer) return { key: `user:${ctx.viewer.userId}`, limit: limits.user };
  return { key: `ip:${ctx.ip ?? "unknown"}`, limit: limits.anonymous };
}

function rateLimitHeaders(decision: RateDecision): Record<string, string> {
  return {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
  };
}

type WithRequest = Context & { request?: Request };

/**
 * Counts every GraphQL operation (HTTP request or WebSocket subscribe) against
 * its caller's quota. HTTP responses carry `RateLimit-*` headers; a caller
 * over quota gets RATE_LIMITED (HTTP 429 with `Retry-After`).
 */
export function rateLimitPlugin(limiter: RateLimiter, limits: RateLimits): Plugin<WithRequest> {
  const decisions = new WeakMap<Request, RateDecision>();

  async function check(ctx: WithRequest): Promise<AppError | null> {
    const { key, limit } = rateKey(ctx, limits);
    const decision = await limiter.hit(key, limit);
    if (ctx.request) decisions.set(ctx.request, decision);
    if (decision.allowed) return null;
    return new AppError("RATE_LIMITED", `Too many requests; try again in ${decision.resetSeconds} s.`, {
      hint: "Slow down, or spread the work over time.",
      details: { retryAfterSeconds: decision.resetSeconds },
      ...(ctx.request ? { http: { status: 429, headers: { "Retry-After": String(decision.resetSeconds) } } } : {}),
    });
  }

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const error = await check(args.contextValue as WithRequest);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    async onSubscribe({ args, setResultAndStopExecution }) {
      const error = await check(args.contextValue as WithRequest);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onResponse({ request, response }) {
      const decision = decisions.get(request);
      if (!decision) return;
      for (const [name, value] of Object.entries(rateLimitHeaders(decision))) response.headers.set(name, value);
    },
  };
}
