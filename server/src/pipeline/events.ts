import type { Prisma } from "../infra/db/database.ts";
import type { PubSub, RunEventMessage } from "../infra/pubsub.ts";
import type { Prisma as PrismaTypes, ProgressEvent } from "../generated/prisma/client.ts";

export type StoredEvent = RunEventMessage;
export type EventStatus = StoredEvent["status"];

/** The run's last event: the stream ends after it. */
export const terminalStage = "DONE";

export function isTerminal(event: Pick<StoredEvent, "stage">): boolean {
  return event.stage === terminalStage;
}

export function toStoredEvent(row: ProgressEvent): StoredEvent {
  return {
    runId: row.runId,
    seq: row.seq,
    stage: row.stage,
    status: row.status,
    payload: row.payload ?? null,
    at: row.at.toISOString(),
    durationMs: row.durationMs,
  };
}

export interface NewEvent {
  stage: string;
  status: EventStatus;
  payload?: unknown;
  durationMs?: number | null;
}

/**
 * Progress events: stored first (so anyone can replay them), then published
 * (so live subscribers on any instance get them at once).
 */
export function createEventLog({ prisma, pubsub }: { prisma: Prisma; pubsub: PubSub }) {
  const nextSeq = new Map<string, number>();

  async function insert(runId: string, event: NewEvent, seq: number): Promise<StoredEvent> {
    const row = await prisma.progressEvent.create({
      data: {
        runId,
        seq,
        stage: event.stage,
        status: event.status,
        payload: (event.payload ?? undefined) as PrismaTypes.InputJsonValue | undefined,
        durationMs: event.durationMs ?? null,
      },
    });
    return toStoredEvent(row);
  }

  async function currentMax(runId: string): Promise<number> {
    const last = await prisma.progressEvent.findFirst({ where: { runId }, orderBy: { seq: "desc" }, select: { seq: true } });
    return last?.seq ?? 0;
  }

  return {
    /**
     * One writer per run normally appends (the instance running it), so seq
     * comes from memory; a second writer (a sweeper failing a dead run) finds
     * the key taken and retries after the stored maximum.
     */
    async append(runId: string, event: NewEvent): Promise<StoredEvent> {
      for (let attempt = 0; ; attempt++) {
        const seq = nextSeq.get(runId) ?? (await currentMax(runId)) + 1;
        try {
          const stored = await insert(runId, event, seq);
          if (isTerminal(stored)) nextSeq.delete(runId);
          else nextSeq.set(runId, seq + 1);
          // Fire and forget: subscribers recover a lost publish from the store (gap fill, idle polling).
          pubsub.publish("runEvent", runId, stored);
          return stored;
        } catch (error) {
          if ((error as { code?: string }).code !== "P2002" || attempt >= 5) throw error;
          nextSeq.set(runId, (await currentMax(runId)) + 1);
        }
      }
    },

    async list(runId: string, afterSeq = 0): Promise<StoredEvent[]> {
      const rows = await prisma.progressEvent.findMany({ where: { runId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" } });
      return rows.map(toStoredEvent);
    },

    forget(runId: string) {
      nextSeq.delete(runId);
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
