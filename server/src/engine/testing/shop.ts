import { bootstrapSemanticModel } from "../../semantic/bootstrap.ts";
import { shopSnapshot } from "../../semantic/testing/snapshots.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import { compile } from "../compile/compile.ts";
import { plan, type PlanOutcome } from "../plan.ts";
import type { QuerySpec } from "../spec.ts";
import { nextState, type ConversationState } from "../state.ts";

/** The shop model of the semantic tests, with no hand edits. */
export function shopModel(): SemanticModel {
  return bootstrapSemanticModel(shopSnapshot());
}

/** "Today" for tests: after the shop data ends, so relative dates anchor on the data. */
export const NOW = new Date("2025-03-01T00:00:00Z");

export function specOf(outcome: PlanOutcome): QuerySpec {
  if (outcome.kind !== "query") throw new Error(`expected a query, got ${JSON.stringify(outcome)}`);
  return outcome.spec;
}

/** Runs questions as one conversation and returns each outcome with its SQL. */
export function converse(model: SemanticModel, questions: string[]): { outcome: PlanOutcome; sql: string | null }[] {
  let state: ConversationState | null = null;
  return questions.map((question) => {
    const outcome = plan({ question, model, state, now: NOW });
    state = nextState(state, question, outcome);
    return { outcome, sql: outcome.kind === "query" ? compile(outcome.spec, model).sql : null };
  });
}

export function sqlOf(model: SemanticModel, question: string): string {
  const [turn] = converse(model, [question]);
  if (!turn?.sql) throw new Error(`no SQL for “${question}”: ${JSON.stringify(turn?.outcome)}`);
  return turn.sql;
}
