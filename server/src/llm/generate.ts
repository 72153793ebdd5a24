import type { SemanticModel } from "../semantic/types.ts";
import type { LlmClient } from "./client.ts";
import type { Example, Turn } from "./context.ts";
import { LlmError, type LlmAttempt, type LlmRunStats, type LlmUsage } from "./errors.ts";
import { extractAnswer, partialSql } from "./extract.ts";
import { ANSWER_SCHEMA, buildPrompt, correctionMessages, type Problem, type PromptBudget } from "./prompt.ts";
import { entitiesInSql } from "./schema-linking.ts";
import { sqlTableName } from "./schema-render.ts";

export type LlmEvent =
  /** Attempt `n` (1-based) starts: a request goes to the model. */
  | { type: "attempt"; n: number }
  /** A streamed piece of attempt `n`'s reply, and the SQL written so far in that attempt. */
  | { type: "token"; n: number; text: string; sql: string }
  /** Attempt `n` failed validation (or was unreadable); correction `n` of `max` asks again with the error. */
  | { type: "correcting"; n: number; max: number; error: string; code: string };

export type Validation = { ok: true } | { ok: false; error: string; code: string };

export interface GenerateSqlInput {
  client: LlmClient;
  question: string;
  model: SemanticModel;
  /** Earlier turns of the session, oldest first. */
  history: Turn[];
  /** Verified question → SQL pairs; the model's own verified queries are added. */
  examples: Example[];
  /** Words the built-in engine could not match (a hand-over from hybrid mode). */
  unread?: string[];
  /**
   * The sandbox: guard, then EXPLAIN. Returns `ok: false` for SQL the model
   * should fix; a thrown error ends the run as is.
   */
  validate: (sql: string) => Promise<Validation>;
  /** Times the model may fix a rejected or unreadable answer. Default 2. */
  maxCorrections?: number;
  signal?: AbortSignal;
  onEvent?: (event: LlmEvent) => void;
  budget?: Partial<PromptBudget>;
}

export interface GenerateSqlResult extends LlmRunStats {
  sql: string;
  explanation: string;
  tables: string[];
  /** Tables whose schema was sent to the model, most relevant first. */
  linkedTables: string[];
}

function addUsage(total: LlmUsage, part: LlmUsage): void {
  total.promptTokens += part.promptTokens;
  total.completionTokens += part.completionTokens;
  total.totalTokens += part.totalTokens;
  total.estimated ||= part.estimated;
}

/**
 * Question → validated SQL through the model: schema-linked prompt, streamed
 * reply, tolerant reading, validation, and up to `maxCorrections` more tries
 * with the error sent back. Throws LlmError (with `run` stats attached).
 */
export async function generateSql(input: GenerateSqlInput): Promise<GenerateSqlResult> {
  const { client, signal } = input;
  const started = performance.now();
  const maxCorrections = input.maxCorrections ?? 2;
  const emit = (event: LlmEvent) => input.onEvent?.(event);
  const prompt = buildPrompt(input);
  const messages = [...prompt.messages];
  const attempts: LlmAttempt[] = [];
  const usage: LlmUsage = { promptTokens: 0, completionTokens: 0, totalTokens: 0, estimated: false };
  let servedBy = client.model;
  const stats = (): LlmRunStats => ({ attempts, usage, latencyMs: Math.round(performance.now() - started), model: servedBy });

  try {
    for (let n = 1; ; n++) {
      emit({ type: "attempt", n });
      let written = "";
      const reply = await client.chat(
        { messages, jsonSchema: ANSWER_SCHEMA, temperature: 0 },
        {
          signal,
          onDelta: (text) => {
            written += text;
            emit({ type: "token", n, text, sql: partialSql(written) });
          },
        },
      );
      addUsage(usage, reply.usage);
      servedBy = reply.model;

      const answer = extractAnswer(reply.text);
      let problem: Problem;
      let sql: string | null = null;
      if (reply.finishReason === "length") {
        problem = { kind: "unreadable", reason: "The reply was cut off at the length limit; keep the query shorter." };
      } else if (!answer.ok) {
        problem = { kind: "unreadable", reason: answer.reason };
      } else {
        sql = answer.sql;
        const verdict = await input.validate(sql);
        if (signal?.aborted) throw new LlmError("LLM_CANCELLED");
        if (verdict.ok) {
          attempts.push({ sql, latencyMs: reply.latencyMs });
          const tables = answer.tables.length > 0 ? answer.tables : tablesOf(sql, input.model);
          return { sql, explanation: answer.explanation, tables, linkedTables: prompt.linked.tables.map((t) => t.entity), ...stats() };
        }
        problem = { kind: "invalid", code: verdict.code, error: verdict.error };
      }

      const error = problem.kind === "invalid" ? problem.error : problem.reason;
      const code = problem.kind === "invalid" ? problem.code : "LLM_BAD_RESPONSE";
      attempts.push({ sql, error, code, latencyMs: reply.latencyMs });
      if (n > maxCorrections) {
        const tries = `${n} ${n === 1 ? "try" : "tries"}`;
        throw problem.kind === "invalid"
          ? new LlmError("LLM_SQL_INVALID", `The model's SQL was still rejected after ${tries}: ${error}`)
          : new LlmError("LLM_BAD_RESPONSE", `The model's reply could not be used after ${tries}: ${error}`);
      }
      emit({ type: "correcting", n, max: maxCorrections, error, code });
      messages.push(...correctionMessages(reply.text, problem));
    }
  } catch (error) {
    const failure = error instanceof LlmError ? error : signal?.aborted ? new LlmError("LLM_CANCELLED", undefined, { cause: error }) : null;
    if (!failure) throw error;
    failure.run = stats();
    throw failure;
  }
}

function tablesOf(sql: string, model: SemanticModel): string[] {
  const names = new Set(entitiesInSql(sql, model));
  return model.entities.filter((e) => names.has(e.name)).map(sqlTableName);
}
