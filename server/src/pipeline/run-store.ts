import { randomUUID } from "node:crypto";
import { Prisma as Sql } from "../generated/prisma/client.ts";
import type { Prisma } from "../infra/db/database.ts";
import type { StoredEvent } from "./events.ts";

/**
 * The writes on the path from a question to its answer, as single raw
 * statements through Prisma. Each typed Prisma call costs milliseconds of
 * query compilation on this process; these few statements run many times per
 * answer, and the benchmarks showed them dominating the pipeline's overhead.
 * The tables and columns are those of prisma/schema.prisma (integration tests
 * read them back through the typed client).
 */

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

export interface NewRun {
  id: string;
  sessionId: string;
  userId: string;
  question: string;
  request: unknown;
  dataSourceId: string | null;
  parentRunId: string | null;
  instanceId: string;
}

/** What a run learned, written when it ends; undefined leaves a column as it is. */
export interface RunOutcome {
  status: "SUCCEEDED" | "REPLIED" | "NEEDS_INPUT" | "FAILED" | "CANCELLED";
  timings: Record<string, number>;
  dataSourceId?: string;
  engine?: string;
  spec?: unknown;
  sql?: string;
  explanation?: string;
  semanticModelVersion?: number;
  usage?: unknown;
  columns?: unknown;
  rows?: unknown;
  rowCount?: number;
  truncated?: boolean;
  chart?: unknown;
  suggestions?: unknown;
  pending?: unknown;
  errorCode?: string;
  errorMessage?: string;
}

export interface AssistantMessage {
  kind: "RESULT" | "DISCOVERY" | "CLARIFICATION" | "ERROR" | "INFO";
  content: string;
  payload?: unknown;
}

export function createRunStore(prisma: Prisma) {
  return {
    /** The run and the user's question, in one statement. */
    async insertQuestion(run: NewRun, now = new Date()): Promise<void> {
      await prisma.$executeRaw`
        WITH created AS (
          INSERT INTO "QueryRun" ("id", "sessionId", "userId", "question", "request", "dataSourceId", "parentRunId", "status", "truncated", "heartbeatAt", "instanceId", "createdAt")
          VALUES (${run.id}::uuid, ${run.sessionId}::uuid, ${run.userId}::uuid, ${run.question}, ${json(run.request)}::jsonb, ${run.dataSourceId}::uuid,
                  ${run.parentRunId}::uuid, 'PENDING', false, ${now}, ${run.instanceId}, ${now})
          RETURNING "id"
        )
        INSERT INTO "Message" ("id", "sessionId", "role", "kind", "content", "runId", "createdAt")
        SELECT ${randomUUID()}::uuid, ${run.sessionId}::uuid, 'USER', 'QUESTION', ${run.question}, "id", ${now} FROM created`;
    },

    markRunning(runId: string, instanceId: string, now = new Date()) {
      return prisma.$executeRaw`
        UPDATE "QueryRun" SET "status" = 'RUNNING', "startedAt" = ${now}, "heartbeatAt" = ${now}, "instanceId" = ${instanceId}
        WHERE "id" = ${runId}::uuid AND "status" = 'PENDING'`;
    },

    async insertEvents(events: StoredEvent[]): Promise<void> {
      if (events.length === 0) return;
      const rows = events.map(
        (e) => Sql.sql`(${e.runId}::uuid, ${e.seq}, ${e.stage}, ${e.status}::"EventStatus", ${json(e.payload)}::jsonb, ${new Date(e.at)}, ${e.durationMs})`,
      );
      await prisma.$executeRaw`INSERT INTO "ProgressEvent" ("runId", "seq", "stage", "status", "payload", "at", "durationMs") VALUES ${Sql.join(rows)}`;
    },

    /**
     * Ends a run: its outcome, the assistant's message and the session's
     * activity (and context, when the answer moved it), in one statement.
     * Returns the message id.
     */
    async finish(runId: string, sessionId: string, outcome: RunOutcome, message: AssistantMessage, context?: { value: unknown; dataSourceId: string | null }, now = new Date()): Promise<string> {
      const messageId = randomUUID();
      const o = outcome;
      await prisma.$executeRaw`
        WITH ended AS (
          UPDATE "QueryRun" SET
            "status" = ${o.status}::"RunStatus", "finishedAt" = ${now}, "timings" = ${json(o.timings)}::jsonb,
            "dataSourceId" = COALESCE(${o.dataSourceId ?? null}::uuid, "dataSourceId"),
            "engine" = COALESCE(${o.engine ?? null}::"RunEngine", "engine"),
            "spec" = COALESCE(${json(o.spec)}::jsonb, "spec"),
            "sql" = COALESCE(${o.sql ?? null}, "sql"),
            "explanation" = COALESCE(${o.explanation ?? null}, "explanation"),
            "semanticModelVersion" = COALESCE(${o.semanticModelVersion ?? null}::int, "semanticModelVersion"),
            "usage" = COALESCE(${json(o.usage)}::jsonb, "usage"),
            "columns" = COALESCE(${json(o.columns)}::jsonb, "columns"),
            "rows" = COALESCE(${json(o.rows)}::jsonb, "rows"),
            "rowCount" = COALESCE(${o.rowCount ?? null}::int, "rowCount"),
            "truncated" = COALESCE(${o.truncated ?? null}::boolean, "truncated"),
            "chart" = COALESCE(${json(o.chart)}::jsonb, "chart"),
            "suggestions" = COALESCE(${json(o.suggestions)}::jsonb, "suggestions"),
            "pending" = COALESCE(${json(o.pending)}::jsonb, "pending"),
            "errorCode" = COALESCE(${o.errorCode ?? null}, "errorCode"),
            "errorMessage" = COALESCE(${o.errorMessage ?? null}, "errorMessage")
          WHERE "id" = ${runId}::uuid
          RETURNING "id"
        ), answered AS (
          INSERT INTO "Message" ("id", "sessionId", "role", "kind", "content", "payload", "runId", "createdAt")
          SELECT ${messageId}::uuid, ${sessionId}::uuid, 'ASSISTANT', ${message.kind}::"MessageKind", ${message.content}, ${json(message.payload)}::jsonb, "id", ${now} FROM ended
          RETURNING "id"
        )
        UPDATE "Session" SET
          "updatedAt" = ${now},
          "context" = COALESCE(${json(context?.value)}::jsonb, "context"),
          "dataSourceId" = CASE WHEN ${context ? 1 : 0}::int = 1 THEN ${context?.dataSourceId ?? null}::uuid ELSE "dataSourceId" END
        WHERE "id" = ${sessionId}::uuid AND EXISTS (SELECT 1 FROM answered)`;
      return messageId;
    },
  };
}

export type RunStore = ReturnType<typeof createRunStore>;
