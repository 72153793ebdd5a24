import { compile } from "../engine/compile/compile.ts";
import { plan } from "../engine/plan.ts";
import { nextState, type ConversationState } from "../engine/state.ts";
import type { SemanticModel } from "../semantic/types.ts";
import type { EvalCase } from "./cases.ts";
import { resultsMatch, type ResultSet } from "./compare.ts";

/** One line of the predictions file. */
export interface Prediction {
  id: string;
  turn: number;
  question: string;
  sql: string | null;
  error: string | null;
}

export interface TurnResult extends Prediction {
  dataset: string;
  /** Null when the turn has no gold SQL. */
  correct: boolean | null;
  /** Why a scored turn failed, briefly. */
  reason?: string;
}

/** One conversation with whatever answers questions: each turn follows up on the earlier ones. */
export interface Conversation {
  ask(question: string): Promise<{ sql: string | null; error: string | null }>;
}

export interface EvalDataset {
  /** Runs gold and predicted SQL for comparison. */
  run(sql: string): Promise<ResultSet>;
  /** A fresh conversation: the product's ask pipeline, or the engine alone (see `engineConversation`). */
  conversation(): Promise<Conversation>;
}

/** Question → SQL exactly as the product does it: plan against the model and state, then compile. */
export function answer(question: string, model: SemanticModel, state: ConversationState | null, now?: Date): { sql: string | null; error: string | null; state: ConversationState } {
  const outcome = plan({ question, model, state, ...(now ? { now } : {}) });
  const next = nextState(state, question, outcome);
  if (outcome.kind === "reject") return { sql: null, error: `${outcome.code}: ${outcome.message}`, state: next };
  if (outcome.kind === "clarify") return { sql: null, error: `CLARIFICATION: ${outcome.message}`, state: next };
  try {
    return { sql: compile(outcome.spec, model).sql, error: null, state: next };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "COMPILE_FAILED";
    return { sql: null, error: `${code}: ${(error as Error).message}`, state: next };
  }
}

/** The built-in engine without the rest of the product: plan and compile, carrying state. Fast, for the accuracy test. */
export function engineConversation(model: SemanticModel, now?: Date): Conversation {
  let state: ConversationState | null = null;
  return {
    async ask(question) {
      const predicted = answer(question, model, state, now);
      state = predicted.state;
      return { sql: predicted.sql, error: predicted.error };
    },
  };
}

const short = (e: unknown) => ((e as Error).message ?? String(e)).split("\n")[0]!.slice(0, 200);

/** Runs one conversation (all its turns, carrying state) and scores the turns that have gold SQL. */
export async function runCase(c: EvalCase, dataset: EvalDataset | undefined): Promise<TurnResult[]> {
  const results: TurnResult[] = [];
  const conversation = await dataset?.conversation();
  for (const [turn, t] of c.turns.entries()) {
    const base = { id: c.id, turn, question: t.question, dataset: c.dataset };
    if (!dataset || !conversation) {
      results.push({ ...base, sql: null, error: `DATASET_NOT_LOADED: no --dataset named ${c.dataset}`, correct: t.gold_sql ? false : null, reason: "dataset not loaded" });
      continue;
    }
    const predicted = await conversation.ask(t.question);
    const result: TurnResult = { ...base, sql: predicted.sql, error: predicted.error, correct: null };
    if (t.gold_sql) {
      let gold: ResultSet | undefined;
      try {
        gold = await dataset.run(t.gold_sql);
      } catch (error) {
        result.correct = false;
        result.reason = `gold SQL failed: ${short(error)}`;
      }
      if (gold && !predicted.sql) {
        result.correct = false;
        result.reason = predicted.error ?? "no SQL";
      } else if (gold && predicted.sql) {
        try {
          const got = await dataset.run(predicted.sql);
          result.correct = resultsMatch(gold, got, t.ordered === true);
          if (!result.correct) result.reason = `different result (${got.rows.length} rows vs ${gold.rows.length} expected)`;
        } catch (error) {
          result.correct = false;
          result.error = `EXECUTION_FAILED: ${short(error)}`;
          result.reason = result.error;
        }
      }
    }
    results.push(result);
  }
  return results;
}
