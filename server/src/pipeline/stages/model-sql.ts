import type { DataSource } from "../../generated/prisma/client.ts";
import type { LlmEvent, Validation } from "../../llm/generate.ts";
import type { Services } from "../../services.ts";
import { isSqlSandboxError } from "../../sql/errors.ts";
import { guardSql } from "../../sql/guard/guard.ts";
import type { SchemaSnapshot } from "../../sql/snapshot.ts";
import type { Compiled } from "./compile.ts";
import { knownTables } from "./compile.ts";

const explainTimeoutMs = 5_000;

function guardOptions(source: DataSource) {
  return { allowedSchemas: source.schemas, knownTables: knownTables(source.snapshot as SchemaSnapshot | null) };
}

/**
 * The check a model's SQL must pass before it runs: the same guard as every
 * query, then EXPLAIN on the data source (unknown columns, type errors). A
 * failure goes back to the model to correct; an unreachable source ends the run.
 */
export async function validateModelSql(services: Services, source: DataSource, sql: string, signal: AbortSignal): Promise<Validation> {
  try {
    const guarded = await guardSql(sql, guardOptions(source));
    await services.dataSources.executorFor(source).explain(guarded, { timeoutMs: explainTimeoutMs, signal });
    return { ok: true };
  } catch (error) {
    if (isSqlSandboxError(error) && !error.code.startsWith("DATA_SOURCE_") && error.code !== "QUERY_CANCELLED") {
      return { ok: false, code: error.code, error: error.message };
    }
    throw error;
  }
}

/** The model's validated SQL as a compiled answer. */
export async function guardModelSql(sql: string, explanation: string, source: DataSource): Promise<Compiled> {
  const guarded = await guardSql(sql, guardOptions(source));
  return { guarded, explanation: explanation || "SQL written by the language model." };
}

/**
 * Turns the model's stream into progress events: the SQL written so far at
 * most every `intervalMs` (every token would be hundreds of stored events),
 * and every attempt and correction as it happens.
 */
export function createLlmProgress(emit: (payload: unknown) => Promise<unknown>, intervalMs = 150) {
  let pending: { attempt: number; sql: string } | null = null;
  let last = 0;
  let chain: Promise<unknown> = Promise.resolve();
  const send = (payload: unknown) => {
    chain = chain.then(() => emit(payload)).catch(() => {});
  };
  const flushTokens = () => {
    if (!pending) return;
    send({ phase: "WRITING", attempt: pending.attempt, sql: pending.sql });
    pending = null;
    last = Date.now();
  };
  return {
    push(event: LlmEvent) {
      if (event.type === "token") {
        pending = { attempt: event.n, sql: event.sql };
        if (Date.now() - last >= intervalMs) flushTokens();
      } else if (event.type === "attempt") {
        flushTokens();
        send({ phase: "ATTEMPT", attempt: event.n });
      } else {
        flushTokens();
        send({ phase: "CORRECTING", attempt: event.n, max: event.max, code: event.code, error: event.error });
      }
    },
    async flush() {
      flushTokens();
      await chain;
    },
  };
}
