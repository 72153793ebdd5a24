import type { ChatCompletionMessageParam } from "openai/resources/chat/completions";
import type { SemanticModel } from "../semantic/types.ts";
import { renderExamples, renderHistory, renderSemanticContext, type Example, type Turn } from "./context.ts";
import { DEFAULT_SCHEMA_TOKENS, entitiesInSql, linkSchema, type LinkedSchema } from "./schema-linking.ts";
import { estimateTokens, truncateToTokens } from "./tokens.ts";

/** Tokens (≈ chars / 4) each prompt section may use. */
export interface PromptBudget {
  schema: number;
  context: number;
  examples: number;
  history: number;
}

/**
 * About 3 000 prompt tokens in all, so small local models with a 4k context
 * still fit the answer; raise it for large schemas on large-context models.
 */
export const DEFAULT_PROMPT_BUDGET: PromptBudget = { schema: DEFAULT_SCHEMA_TOKENS, context: 400, examples: 500, history: 500 };

/** Structured output: what the model must answer. */
export const ANSWER_SCHEMA = {
  name: "sql_answer",
  schema: {
    type: "object",
    properties: {
      sql: { type: "string", description: "One read-only PostgreSQL SELECT statement." },
      explanation: { type: "string", description: "One or two plain sentences: what the query returns and any assumption made." },
      tables: { type: "array", items: { type: "string" }, description: "Tables the query reads." },
    },
    required: ["sql", "explanation", "tables"],
    additionalProperties: false,
  },
} as const;

const SYSTEM = `You turn questions about a PostgreSQL database into one SQL query.
Rules:
- Write exactly one read-only SELECT statement (a WITH ... SELECT is fine) in PostgreSQL syntax. Never change data.
- Use only the tables and columns in the schema, spelled exactly as shown (keep double quotes where shown).
- Join tables through the references shown. Do not count or sum rows twice: when a join multiplies rows, aggregate at the right level.
- Name things by their label columns (e.g. a name), not only by ids, and give computed columns readable aliases.
- For "top", "most" or "highest" questions, ORDER BY the measure and LIMIT.
- Apply the business definitions and rules when they are given.
- A follow-up question changes the previous query: keep what it does not mention.
Reply with only a JSON object: {"sql": "<the query>", "explanation": "<what it returns, one or two sentences>", "tables": ["<tables read>"]}`;

export interface PromptInput {
  question: string;
  model: SemanticModel;
  history: Turn[];
  examples: Example[];
  /** Words of the question the built-in engine found no name for (why it handed the question over). */
  unread?: string[];
  budget?: Partial<PromptBudget>;
}

export interface Prompt {
  messages: ChatCompletionMessageParam[];
  linked: LinkedSchema;
  /** Estimated tokens of the whole prompt. */
  tokens: number;
}

export function buildPrompt(input: PromptInput): Prompt {
  const budget = { ...DEFAULT_PROMPT_BUDGET, ...input.budget };
  const lastSql = [...input.history].reverse().find((t) => t.sql)?.sql;
  const linked = linkSchema(input.question, input.model, {
    tokenBudget: budget.schema,
    carry: lastSql ? entitiesInSql(lastSql, input.model) : [],
  });
  const examples = [...input.examples, ...input.model.verifiedQueries.map((v) => ({ question: v.question, sql: v.sql }))];
  const sections = [
    `Database schema (PostgreSQL; the parts relevant to the question):\n\n${linked.text}`,
    renderSemanticContext(input.model, linked, budget.context),
    renderExamples(input.question, examples, budget.examples),
    renderHistory(input.history, budget.history),
    unreadNote(input.unread),
    `Question: ${input.question.trim()}`,
  ].filter(Boolean);
  const messages: ChatCompletionMessageParam[] = [
    { role: "system", content: SYSTEM },
    { role: "user", content: sections.join("\n\n") },
  ];
  return { messages, linked, tokens: estimateTokens(SYSTEM) + estimateTokens(messages[1]!.content as string) };
}

/** Tells the model which words no table, column, value or business term matched, so it looks at them first. */
function unreadNote(unread: string[] | undefined): string {
  if (!unread || unread.length === 0) return "";
  return `No table, column, sampled value or business term matched these words of the question: ${unread.map((w) => `“${w}”`).join(", ")}. Work out from the schema what they refer to, and say in the explanation how you read them.`;
}

export type Problem =
  | { kind: "invalid"; code: string; error: string }
  | { kind: "unreadable"; reason: string };

/** The turn that asks the model to fix its previous answer, with the reason it failed. */
export function correctionMessages(previousAnswer: string, problem: Problem): ChatCompletionMessageParam[] {
  const content =
    problem.kind === "invalid"
      ? `That query was rejected (${problem.code}): ${problem.error}\n\nWrite a corrected query that answers the same question, using only tables and columns from the schema above. Reply with only the JSON object.`
      : `Your reply could not be used: ${problem.reason}\nReply with only a JSON object like {"sql": "SELECT ...", "explanation": "...", "tables": ["..."]}.`;
  return [
    { role: "assistant", content: truncateToTokens(previousAnswer, 600) || "(empty reply)" },
    { role: "user", content },
  ];
}
