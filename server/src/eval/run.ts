import { compile } from "../engine/compile/compile.ts";
import { plan } from "../engine/plan.ts";
import { initialState, nextState, type ConversationState } from "../engine/state.ts";
import type { SemanticModel } from "../semantic/types.ts";
import { goldAnswers, type EvalCase } from "./cases.ts";
import { resultsMatch, type ResultSet } from "./compare.ts";

/** One line of the predictions file. */
export interface Prediction {
  id: string;
  turn: number;
  question: string;
  sql: string | null;
  error: string | null;
}

/**
 * How a turn ended: the right result, SQL with a different result, a
 * question asked back (clarification, data source to pick), a typed failure,
 * or SQL for a turn without gold (not scored).
 */
export type Outcome = "right" | "wrong" | "asked" | "failed" | "unscored";

export interface TurnResult extends Prediction {
  dataset: string;
  /** The kind of question (the turn's or its conversation's `category`), if the case says. */
  category: string | null;
  /** Null when the turn has no gold SQL. */
  correct: boolean | null;
  outcome: Outcome;
  /** The error code of an asked-back or failed turn. */
  code: string | null;
  /** Words of the question the engine said it did not use. */
  unread: string[];
  /** Why a scored turn failed, briefly. */
  reason?: string;
}

/** One conversation with whatever answers questions: each turn follows up on the earlier ones. */
export interface Conversation {
  ask(question: string): Promise<{ sql: string | null; error: string | null; unread?: string[] }>;
}

export interface EvalDataset {
  /** Runs gold and predicted SQL for comparison. */
  run(sql: string): Promise<ResultSet>;
  /** A fresh conversation: the product's ask pipeline, or the engine alone (see `engineConversation`). */
  conversation(): Promise<Conversation>;
}

/** Question → SQL exactly as the product does it: plan against the model and state, then compile. */
export function answer(question: string, model: SemanticModel, state: ConversationState | null, now?: Date): { sql: string | null; error: string | null; unread: string[]; state: ConversationState } {
  let outcome: ReturnType<typeof plan>;
  try {
    outcome = plan({ question, model, state, ...(now ? { now } : {}) });
  } catch (error) {
    // As in the pipeline: a typed failure keeps its code, anything else is INTERNAL; the conversation goes on.
    return { sql: null, error: `${(error as { code?: string }).code ?? "INTERNAL"}: ${(error as Error).message}`, unread: [], state: state ?? initialState() };
  }
  const next = nextState(state, question, outcome);
  if (outcome.kind === "reject") return { sql: null, error: `${outcome.code}: ${outcome.message}`, unread: [], state: next };
  if (outcome.kind === "clarify") return { sql: null, error: `CLARIFICATION: ${outcome.message}`, unread: [], state: next };
  try {
    return { sql: compile(outcome.spec, model).sql, error: null, unread: outcome.ignored, state: next };
  } catch (error) {
    const code = (error as { code?: string }).code ?? "COMPILE_FAILED";
    return { sql: null, error: `${code}: ${(error as Error).message}`, unread: outcome.ignored, state: next };
  }
}

/** The built-in engine without the rest of the product: plan and compile, carrying state. Fast, for the accuracy test. */
export function engineConversation(model: SemanticModel, now?: Date): Conversation {
  let state: ConversationState | null = null;
  return {
    async ask(question) {
      const predicted = answer(question, model, state, now);
      state = predicted.state;
      return { sql: predicted.sql, error: predicted.error, unread: predicted.unread };
    },
  };
}

const short = (e: unknown) => ((e as Error).message ?? String(e)).split("\n")[0]!.slice(0, 200);

/** The code at the start of an error line ("NO_JOIN_PATH: …"), or the whole line's first word. */
export function errorCode(error: string): string {
  return /^([A-Z][A-Z0-9_]*)\b/.exec(error)?.[1] ?? "UNKNOWN";
}

/** Codes of turns that asked the user something instead of answering. */
const askedBack = new Set(["CLARIFICATION", "DISCOVERY"]);

/** Runs every gold alternative; the first that fails to run is remembered in case none runs. */
async function goldResults(dataset: EvalDataset, answers: string[]): Promise<{ results: ResultSet[]; failure: string | null }> {
  const results: ResultSet[] = [];
  let failure: string | null = null;
  for (const sql of answers) {
    try {
      results.push(await dataset.run(sql));
    } catch (error) {
      failure ??= short(error);
    }
  }
  return { results, failure };
}

/** Runs one conversation (all its turns, carrying state) and scores the turns that have gold SQL. */
export async function runCase(c: EvalCase, dataset: EvalDataset | undefined): Promise<TurnResult[]> {
  const results: TurnResult[] = [];
  const conversation = await dataset?.conversation();
  for (const [turn, t] of c.turns.entries()) {
    const answers = goldAnswers(t);
    const base = { id: c.id, turn, question: t.question, dataset: c.dataset, category: t.category ?? c.category ?? null };
    if (!dataset || !conversation) {
      const error = `DATASET_NOT_LOADED: no --dataset named ${c.dataset}`;
      results.push({ ...base, sql: null, error, correct: answers.length ? false : null, outcome: "failed", code: "DATASET_NOT_LOADED", unread: [], reason: "dataset not loaded" });
      continue;
    }
    const predicted = await conversation.ask(t.question);
    const code = predicted.error ? errorCode(predicted.error) : null;
    const outcome: Outcome = code ? (askedBack.has(code) ? "asked" : "failed") : predicted.sql ? "unscored" : "failed";
    const result: TurnResult = { ...base, sql: predicted.sql, error: predicted.error, correct: null, outcome, code: code ?? (predicted.sql ? null : "NO_SQL"), unread: predicted.unread ?? [] };
    if (answers.length > 0) {
      result.correct = false;
      if (outcome !== "unscored") {
        // An answer that ended in an error or a question back is not right, whatever SQL it carries.
        result.reason = predicted.error ?? "no SQL";
      } else {
        const gold = await goldResults(dataset, answers);
        if (gold.results.length === 0) {
          result.outcome = "failed";
          result.code = "GOLD_SQL_FAILED";
          result.reason = `gold SQL failed: ${gold.failure}`;
        } else {
          try {
            const got = await dataset.run(predicted.sql!);
            result.correct = gold.results.some((g) => resultsMatch(g, got, t.ordered === true));
            result.outcome = result.correct ? "right" : "wrong";
            if (!result.correct) result.reason = `different result (${got.rows.length} rows vs ${gold.results.map((g) => g.rows.length).join(" or ")} expected)`;
          } catch (error) {
            result.error = `EXECUTION_FAILED: ${short(error)}`;
            result.outcome = "failed";
            result.code = "EXECUTION_FAILED";
            result.reason = result.error;
          }
        }
      }
    }
    results.push(result);
  }
  return results;
}
