import type { Prisma } from "../infra/db/database.ts";
import type { Logger } from "../infra/logger.ts";
import type { PubSub, RunEventMessage } from "../infra/pubsub.ts";
import type { ProgressEvent } from "../generated/prisma/client.ts";
import { createRunStore } from "./run-store.ts";

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

interface Pending {
  events: StoredEvent[];
  writing: Promise<void>;
}

/**
 * Progress events of runs. An event is published at once (live subscribers
 * see it without waiting for the database) and written behind, in batches,
 * in order; `flush(runId)` waits for the writes. The terminal event is
 * published only once it and everything before it are stored, so a finished
 * run can always be replayed whole. Subscribers that see a gap (a write not yet visible) fill it from
 * the store a moment later (see run-feed.ts).
 */
export function createEventLog({ prisma, pubsub, log }: { prisma: Prisma; pubsub: PubSub; log?: Logger }) {
  const store = createRunStore(prisma);
  const nextSeq = new Map<string, number>();
  const pending = new Map<string, Pending>();

  async function currentMax(runId: string): Promise<number> {
    const last = await prisma.progressEvent.findFirst({ where: { runId }, orderBy: { seq: "desc" }, select: { seq: true } });
    return last?.seq ?? 0;
  }

  /** Writes what is queued for a run as one batch, after the previous batch. */
  function schedule(runId: string): Promise<void> {
    const entry = pending.get(runId);
    // Already flushed by the terminal event.
    if (!entry) return Promise.resolve();
    entry.writing = entry.writing.then(async () => {
      const batch = entry.events.splice(0);
      if (batch.length === 0) return;
      try {
        await store.insertEvents(batch);
      } catch (error) {
        log?.error({ err: error, runId, seqs: batch.map((e) => e.seq) }, "progress events could not be stored");
      }
    });
    return entry.writing;
  }

  async function flush(runId: string): Promise<void> {
    const entry = pending.get(runId);
    if (!entry) return;
    await schedule(runId);
    if (entry.events.length === 0) pending.delete(runId);
  }

  return {
    /**
     * `durable`: store it (and everything before it) before announcing it, as for the terminal
     * event. For the start of a stage that may wait long (running the SQL): an instance that
     * dies there has stored all it announced, so the sweeper's DONE comes after it in order.
     */
    async append(runId: string, event: NewEvent, options: { durable?: boolean } = {}): Promise<StoredEvent> {
      let seq = nextSeq.get(runId);
      if (seq === undefined) {
        // Not a run this instance is writing (a sweeper failing a dead run): write through.
        const stored: StoredEvent = { runId, seq: (await currentMax(runId)) + 1, ...normalise(event) };
        await store.insertEvents([stored]);
        pubsub.publish("runEvent", runId, stored);
        return stored;
      }
      const stored: StoredEvent = { runId, seq, ...normalise(event) };
      nextSeq.set(runId, seq + 1);
      let entry = pending.get(runId);
      if (!entry) pending.set(runId, (entry = { events: [], writing: Promise.resolve() }));
      entry.events.push(stored);
      const terminal = isTerminal(stored);
      if (terminal || options.durable) {
        // Whoever sees the end of a run (or a durable event) can read all of it: store everything, then announce.
        await flush(runId);
        if (terminal) nextSeq.delete(runId);
        pubsub.publish("runEvent", runId, stored);
        return stored;
      }
      pubsub.publish("runEvent", runId, stored);
      if (entry.events.length === 1) {
        // Batch what the stage emits in this turn of the event loop.
        setImmediate(() => void schedule(runId));
      }
      return stored;
    },

    /** Starts numbering a run this instance is about to execute. */
    begin(runId: string, afterSeq = 0) {
      nextSeq.set(runId, afterSeq + 1);
    },

    flush,

    async list(runId: string, afterSeq = 0): Promise<StoredEvent[]> {
      const rows = await prisma.progressEvent.findMany({ where: { runId, seq: { gt: afterSeq } }, orderBy: { seq: "asc" } });
      return rows.map(toStoredEvent);
    },

    forget(runId: string) {
      nextSeq.delete(runId);
    },
  };
}

function normalise(event: NewEvent): Omit<StoredEvent, "runId" | "seq"> {
  return {
    stage: event.stage,
    status: event.status,
    payload: event.payload ?? null,
    at: new Date().toISOString(),
    durationMs: event.durationMs ?? null,
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
