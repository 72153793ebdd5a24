import { plan, type ClarifyOption } from "../../engine/plan.ts";
import type { QuerySpec } from "../../engine/spec.ts";
import type { AnswerContext } from "./context.ts";
import { NeedsInput, RunFailure } from "../stage.ts";

export interface Planned {
  spec: QuerySpec;
  engine: "BUILTIN" | "VERIFIED" | "PREPARED";
  followUp: boolean;
  understood: string[];
  ignored: string[];
  confidence: number;
}

const rejectHints: Record<string, string> = {
  EMPTY_QUESTION: "Type a question about your data, e.g. “How many orders per month?”.",
  QUESTION_TOO_LONG: "Ask one shorter question at a time.",
  SQL_NOT_ACCEPTED: "Ask in plain language; the SQL is written for you.",
  NOT_ENGLISH: "Ask in English; other languages are not understood yet.",
  NOT_UNDERSTOOD: "Rephrase with the names of things in your data (tables, columns, values).",
};

/** A spec to run: prepared (a suggestion or clarification option), or read from the question by the engine. */
export function planQuestion(question: string, context: AnswerContext, prepared: QuerySpec | null, now = new Date()): Planned {
  if (prepared) return { spec: prepared, engine: "PREPARED", followUp: true, understood: [], ignored: [], confidence: 1 };
  const outcome = plan({ question, model: context.model, state: context.state, now });
  if (outcome.kind === "reject") {
    throw new RunFailure(outcome.code, outcome.message, rejectHints[outcome.code] ?? "Rephrase the question.");
  }
  if (outcome.kind === "clarify") {
    throw new NeedsInput("CLARIFICATION", outcome.message, { options: outcome.options.map((o: ClarifyOption) => ({ label: o.label, spec: o.spec ?? null, question: o.resolvedQuestion ?? null })) });
  }
  return {
    spec: outcome.spec,
    engine: outcome.spec.verifiedSql ? "VERIFIED" : "BUILTIN",
    followUp: outcome.followUp,
    understood: outcome.understood,
    ignored: outcome.ignored,
    confidence: outcome.confidence,
  };
}
