import { plan, type ClarifyOption, type PlanOutcome } from "../../engine/plan.ts";
import type { QuerySpec } from "../../engine/spec.ts";
import type { LlmClient } from "../../llm/client.ts";
import type { LlmRunStats } from "../../llm/errors.ts";
import { generateSql, type LlmEvent, type Validation } from "../../llm/generate.ts";
import type { AnswerContext } from "./context.ts";
import { NeedsInput, RunFailure } from "../stage.ts";

export type EngineMode = "builtin" | "llm" | "hybrid";

export type Planned =
  | {
      kind: "spec";
      spec: QuerySpec;
      engine: "BUILTIN" | "VERIFIED" | "PREPARED" | "REFINEMENT";
      followUp: boolean;
      understood: string[];
      ignored: string[];
      confidence: number;
    }
  | { kind: "sql"; engine: "LLM"; sql: string; explanation: string; tables: string[]; stats: LlmRunStats; why: string }
  /** A refinement of SQL without a spec: the earlier SQL as a subquery, filtered, sorted or limited. */
  | { kind: "wrapped"; engine: "REFINEMENT"; sql: string; explanation: string };

export interface PlanAnswerInput {
  question: string;
  context: AnswerContext;
  prepared: QuerySpec | null;
  /** How a prepared spec came about: a picked suggestion or option, or a refinement. */
  preparedEngine?: "PREPARED" | "REFINEMENT";
  /** A refinement's wrapped SQL, checked again by the compile stage. */
  wrapped?: { sql: string; explanation: string } | null;
  mode: EngineMode;
  llm: LlmClient | null;
  /** Earlier turns on this data source, oldest first (for the model's prompt). */
  history: { question: string; sql: string | null }[];
  /** The sandbox check the model's SQL must pass (guard, then EXPLAIN). */
  validate: (sql: string) => Promise<Validation>;
  signal: AbortSignal;
  onLlmEvent?: (event: LlmEvent) => void;
  now?: Date;
  /** MAX_RESULT_ROWS: a spec asking for more rows ("top 10000000") is refused before any SQL. */
  maxRows?: number;
}

/** Below this the built-in engine's reading is a guess; hybrid mode asks the model instead. */
export const hybridConfidence = 0.6;

const rejectHints: Record<string, string> = {
  EMPTY_QUESTION: "Type a question about your data, e.g. “How many orders per month?”.",
  QUESTION_TOO_LONG: "Ask one shorter question at a time.",
  SQL_NOT_ACCEPTED: "Ask in plain language; the SQL is written for you.",
  NOT_ENGLISH: "Ask in English; other languages are not understood yet.",
  NOT_UNDERSTOOD: "Rephrase with the names of things in your data (tables, columns, values).",
  INVALID_DATE: "Check the date: YYYY-MM-DD, with a month from 1 to 12 and a day that month has.",
  NUMBER_TOO_LARGE: "Use a smaller number.",
};

/** Refusals no model should be asked to overrule: they are about the input, not about reading it. */
const finalRejects = new Set(["EMPTY_QUESTION", "QUESTION_TOO_LONG", "SQL_NOT_ACCEPTED", "INVALID_DATE", "NUMBER_TOO_LARGE"]);

function fromEngine(outcome: Exclude<PlanOutcome, { kind: "reject" | "clarify" }>): Planned {
  return {
    kind: "spec",
    spec: outcome.spec,
    engine: outcome.spec.verifiedSql ? "VERIFIED" : "BUILTIN",
    followUp: outcome.followUp,
    understood: outcome.understood,
    ignored: outcome.ignored,
    confidence: outcome.confidence,
  };
}

function settle(outcome: PlanOutcome): Planned {
  if (outcome.kind === "reject") throw new RunFailure(outcome.code, outcome.message, rejectHints[outcome.code] ?? "Rephrase the question.");
  if (outcome.kind === "clarify") {
    throw new NeedsInput("CLARIFICATION", outcome.message, {
      options: outcome.options.map((o: ClarifyOption) => ({ label: o.label, spec: o.spec ?? null, question: o.resolvedQuestion ?? null })),
    });
  }
  return fromEngine(outcome);
}

/** Why hybrid mode handed the question to the model, for the progress events. */
function handOver(outcome: PlanOutcome): string | null {
  if (outcome.kind === "query") return outcome.confidence < hybridConfidence && !outcome.spec.verifiedSql ? "The built-in engine was not confident." : null;
  if (outcome.kind === "clarify") {
    return outcome.unread?.length ? `The built-in engine could not read ${outcome.unread.map((w) => `“${w}”`).join(", ")}.` : "The built-in engine could not read the question without asking.";
  }
  return finalRejects.has(outcome.code) ? null : "The built-in engine could not read the question.";
}

/**
 * The plan of an answer: a prepared spec, the built-in engine's spec, or SQL
 * from the model. `hybrid` lets the engine answer when it is confident and
 * the model otherwise; `llm` always asks the model.
 */
export async function planAnswer(input: PlanAnswerInput): Promise<Planned> {
  const planned = await chooseAnswer(input);
  if (planned.kind === "spec" && input.maxRows !== undefined) checkRowLimit(planned.spec, input.maxRows);
  return planned;
}

/** A row count the answer could never hold is the user's to change, not the database's to fail on. */
export function checkRowLimit(spec: QuerySpec, maxRows: number): void {
  if (spec.limit === null || spec.limit <= maxRows) return;
  throw new RunFailure("LIMIT_TOO_LARGE", `The question asks for ${spec.limit.toLocaleString("en")} rows; an answer holds at most ${maxRows.toLocaleString("en")}.`, `Ask for ${maxRows.toLocaleString("en")} rows or fewer.`, {
    limit: spec.limit,
    maxRows,
  });
}

async function chooseAnswer(input: PlanAnswerInput): Promise<Planned> {
  if (input.wrapped) return { kind: "wrapped", engine: "REFINEMENT", sql: input.wrapped.sql, explanation: input.wrapped.explanation };
  if (input.prepared) {
    return { kind: "spec", spec: input.prepared, engine: input.preparedEngine ?? "PREPARED", followUp: true, understood: [], ignored: [], confidence: 1 };
  }
  const outcome = plan({ question: input.question, model: input.context.model, state: input.context.state, now: input.now });
  const useModel = input.llm && (input.mode === "llm" ? !(outcome.kind === "reject" && finalRejects.has(outcome.code)) : input.mode === "hybrid" ? handOver(outcome) : null);
  if (!useModel || !input.llm) return settle(outcome);
  if (outcome.kind === "query" && outcome.spec.verifiedSql) return fromEngine(outcome);
  const why = input.mode === "llm" ? "ENGINE=llm: every question goes to the model." : (useModel as string);
  const generated = await generateSql({
    client: input.llm,
    question: input.question,
    model: input.context.model,
    history: input.history,
    examples: [],
    ...(outcome.kind === "clarify" && outcome.unread ? { unread: outcome.unread } : {}),
    validate: input.validate,
    signal: input.signal,
    onEvent: input.onLlmEvent,
  });
  return { kind: "sql", engine: "LLM", sql: generated.sql, explanation: generated.explanation, tables: generated.tables, stats: generated, why };
}
