import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { Logger } from "../../infra/logger.ts";
import type { AuditAction } from "./actions.ts";

export interface AuditEntry {
  actor: { userId: string; apiKeyId?: string } | null;
  action: AuditAction;
  outcome?: "SUCCESS" | "DENIED" | "FAILED";
  target?: { type: string; id: string } | null;
  details?: Record<string, unknown>;
  requestId?: string;
  ip?: string | null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createAuditService({ prisma, log }: { prisma: Prisma; log: Logger }) {
  async function record(entry: AuditEntry): Promise<void> {
    try {
      await prisma.auditLog.create({
        data: {
          actorId: entry.actor?.userId ?? null,
          apiKeyId: entry.actor?.apiKeyId ?? null,
          action: entry.action,
          outcome: entry.outcome ?? "SUCCESS",
          targetType: entry.target?.type ?? null,
          // Ids come from callers' input on denied attempts: only well-formed ones are kept.
          targetId: entry.target && uuid.test(entry.target.id) ? entry.target.id : null,
          details: (entry.details ?? undefined) as PrismaTypes.InputJsonValue | undefined,
          requestId: entry.requestId ?? null,
          ip: entry.ip ?? null,
        },
      });
    } catch (error) {
      // The action already happened; losing its entry is logged loudly rather than failing the caller.
      log.error({ err: error, action: entry.action }, "could not write an audit entry");
    }
  }

  return {
    record,

    /** A question's SQL reached the data source: one entry per run, written when it ends. */
    async recordRun(runId: string): Promise<void> {
      const run = await prisma.queryRun
        .findUnique({ where: { id: runId }, select: { userId: true, dataSourceId: true, sql: true, status: true, errorCode: true, rowCount: true } })
        .catch(() => null);
      if (!run?.dataSourceId || !run.sql) return;
      await record({
        actor: { userId: run.userId },
        action: "DATA_SOURCE_QUERIED",
        outcome: run.status === "FAILED" ? "FAILED" : "SUCCESS",
        target: { type: "DataSource", id: run.dataSourceId },
        details: { runId, status: run.status, ...(run.rowCount !== null ? { rowCount: run.rowCount } : {}), ...(run.errorCode ? { code: run.errorCode } : {}) },
      });
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
