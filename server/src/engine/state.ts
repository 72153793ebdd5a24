import type { PlanOutcome } from "./plan.ts";
import type { QuerySpec } from "./spec.ts";

/** What the engine remembers between turns of one conversation. JSON-serialisable. */
export interface ConversationState {
  version: 1;
  /** The spec of the last answered question: follow-ups are applied to it. */
  lastSpec: QuerySpec | null;
  lastQuestion: string | null;
  turns: number;
}

export function initialState(): ConversationState {
  return { version: 1, lastSpec: null, lastQuestion: null, turns: 0 };
}

/**
 * The state after a turn: an answered question becomes the base for the next
 * follow-up; a clarification or refusal leaves the base unchanged.
 */
export function nextState(state: ConversationState | null | undefined, question: string, outcome: PlanOutcome): ConversationState {
  const base = state ?? initialState();
  if (outcome.kind !== "query") return { ...base, turns: base.turns + 1 };
  return { version: 1, lastSpec: outcome.spec, lastQuestion: question, turns: base.turns + 1 };
}

/** The state after the user picked a clarification option (or ran a refinement) with this spec. */
export function stateWithSpec(state: ConversationState | null | undefined, spec: QuerySpec, question: string): ConversationState {
  const base = state ?? initialState();
  return { version: 1, lastSpec: spec, lastQuestion: question, turns: base.turns + 1 };
}
