import type { Prisma } from "../infra/db/database.ts";
import type { Logger } from "../infra/logger.ts";
import type { PubSub } from "../infra/pubsub.ts";
import type { EventLog } from "./events.ts";
import type { QueryRun } from "../generated/prisma/client.ts";
import type { Viewer } from "../graphql/context.ts";
import { executeRun, type RunDeps } from "./execute-run.ts";
import { createLimiter, type LimiterOptions } from "./limiter.ts";

export interface RunnerOptions extends LimiterOptions {
  /** How often a running run's heartbeat is written. */
  heartbeatMs: number;
  /** A run whose heartbeat is older than this is taken for dead and failed by the sweeper. */
  staleAfterMs: number;
}

export const defaultRunnerOptions: RunnerOptions = { perInstance: 16, perUser: 4, maxQueued: 200, heartbeatMs: 5_000, staleAfterMs: 30_000 };

/**
 * Executes runs on this instance within the concurrency limits, keeps their
 * heartbeats, cancels them (here or, through pub/sub, on the instance running
 * them), and fails runs whose instance died.
 */
export function createRunner(deps: RunDeps & { instanceId: string; log: Logger; prisma: Prisma; pubsub: PubSub; events: EventLog }, options: RunnerOptions = defaultRunnerOptions) {
  const { prisma, log, instanceId, events, pubsub } = deps;
  const limiter = createLimiter(options);
  const active = new Map<string, AbortController>();
  const finished = new Set<Promise<void>>();
  let stopped = false;

  const heartbeat = setInterval(() => {
    if (active.size === 0) return;
    prisma.queryRun
      .updateMany({ where: { id: { in: [...active.keys()] } }, data: { heartbeatAt: new Date() } })
      .catch((error) => log.warn({ err: error }, "run heartbeat failed"));
  }, options.heartbeatMs);
  heartbeat.unref();

  // Cancellation requested on another instance reaches the one running the run.
  const cancelFeed = pubsub.subscribe("runCancel", instanceId);
  void (async () => {
    for await (const { runId } of cancelFeed) active.get(runId)?.abort();
  })().catch(() => {});

  async function failAbandoned(where: { id?: string; heartbeatAt?: { lt: Date } }) {
    const stale = await prisma.queryRun.findMany({
      where: { status: { in: ["PENDING", "RUNNING"] }, ...where },
      select: { id: true, sessionId: true, userId: true },
      take: 500,
    });
    for (const run of stale) {
      if (active.has(run.id)) continue;
      // Claim it: only one sweeper (of several instances) records the failure.
      const claimed = await prisma.queryRun.updateMany({
        where: { id: run.id, status: { in: ["PENDING", "RUNNING"] } },
        data: { status: "FAILED", errorCode: "RUN_ABANDONED", errorMessage: "The server answering this question stopped.", finishedAt: new Date() },
      });
      if (claimed.count === 0) continue;
      const hint = "Ask the question again.";
      const message = await prisma.message.create({
        data: { sessionId: run.sessionId, role: "ASSISTANT", kind: "ERROR", content: "The server answering this question stopped before it finished.", payload: { code: "RUN_ABANDONED", hint }, runId: run.id },
      });
      await events.append(run.id, { stage: "DONE", status: "FAILED", payload: { status: "FAILED", code: "RUN_ABANDONED", message: message.content, hint, messageId: message.id } });
      pubsub.publish("sessionChanged", run.userId, { kind: "UPDATED", sessionId: run.sessionId });
    }
    return stale.length;
  }

  return {
    limiter,
    /** Refuses (RATE_LIMITED) before anything is stored when this instance is saturated. */
    reserve: (userId: string) => limiter.reserve(userId),

    /** Queues the run; returns at once. */
    start(run: QueryRun, viewer: Viewer) {
      const runId = run.id;
      const controller = new AbortController();
      active.set(runId, controller);
      const done = limiter
        .run(viewer.userId, async () => {
          if (stopped) return;
          events.begin(runId);
          // Not awaited: the pipeline's own work goes on meanwhile; its final write waits for this one.
          const startWrite = deps.runs.markRunning(runId, instanceId);
          // Prisma queries start when observed; this also keeps a failure from going unhandled.
          startWrite.catch((error: unknown) => log.warn({ err: error, runId }, "could not mark the run running"));
          await executeRun(deps, { ...run, status: "RUNNING" }, viewer, controller.signal, startWrite);
        })
        .catch((error) => log.error({ err: error, runId }, "run crashed"))
        .finally(() => {
          active.delete(runId);
          events.forget(runId);
          finished.delete(done);
        });
      finished.add(done);
    },

    /** True when the run was found running somewhere and asked to stop. */
    async cancel(runId: string): Promise<boolean> {
      const local = active.get(runId);
      if (local) {
        local.abort();
        return true;
      }
      const run = await prisma.queryRun.findUnique({ where: { id: runId }, select: { status: true, instanceId: true } });
      if (!run || (run.status !== "RUNNING" && run.status !== "PENDING")) return false;
      if (run.instanceId) pubsub.publish("runCancel", run.instanceId, { runId });
      return true;
    },

    /** Fails runs of dead instances; `everything` at start-up of a single embedded instance. */
    sweep(everything = false) {
      const cutoff = new Date(Date.now() - (everything ? 0 : options.staleAfterMs));
      return failAbandoned({ heartbeatAt: { lt: cutoff } });
    },

    activeCount: () => active.size,

    /**
     * Stops taking runs, gives running ones `drainMs` to finish, cancels the
     * rest and waits for them to record their outcome.
     */
    async stop(drainMs = 10_000) {
      stopped = true;
      clearInterval(heartbeat);
      await cancelFeed.return?.();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...finished]), new Promise((resolve) => (timer = setTimeout(resolve, drainMs)))]);
      clearTimeout(timer);
      for (const controller of active.values()) controller.abort();
      await Promise.allSettled([...finished]);
    },
  };
}

export type Runner = ReturnType<typeof createRunner>;
