import type { ConversationState } from "../engine/state.ts";
import { cached, type Cache } from "../infra/cache.ts";
import type { Prisma } from "../infra/db/database.ts";

/**
 * What a session carries from one turn to the next (stored as Session.context):
 * the engine's conversation state on the active data source, the last answered
 * run, and the tables and filters in play (for people and for the LLM prompt).
 */
export interface SessionContext {
  dataSourceId: string | null;
  engine: ConversationState | null;
  lastRunId: string | null;
  tables: string[];
  filters: string[];
  /** Previous questions with their SQL, most recent last, for LLM prompts. */
  history: { question: string; sql: string | null }[];
}

const ttlSeconds = 3600;
const key = (sessionId: string) => `session-context:${sessionId}`;
const historyLength = 10;

export function emptyContext(dataSourceId: string | null = null): SessionContext {
  return { dataSourceId, engine: null, lastRunId: null, tables: [], filters: [], history: [] };
}

function fromJson(raw: unknown, dataSourceId: string | null): SessionContext {
  const value = (raw ?? {}) as Partial<SessionContext>;
  return { ...emptyContext(dataSourceId), ...value, dataSourceId };
}

/** The stored form of a context (history trimmed to the last turns). */
export function serialiseContext(context: SessionContext): SessionContext {
  return { ...context, history: context.history.slice(-historyLength) };
}

/** Read-through cache of session contexts (Redis when configured), invalidated on every write. */
export function createSessionContexts({ prisma, cache }: { prisma: Prisma; cache: Cache }) {
  return {
    async get(sessionId: string): Promise<SessionContext> {
      return cached(cache, key(sessionId), ttlSeconds, async () => {
        const row = await prisma.session.findUniqueOrThrow({ where: { id: sessionId }, select: { context: true, dataSourceId: true } });
        return fromJson(row.context, row.dataSourceId);
      });
    },

    invalidate(sessionId: string) {
      return cache.delete(key(sessionId));
    },
  };
}

export type SessionContexts = ReturnType<typeof createSessionContexts>;
