import type { Condition, ConditionValue, GlossaryTarget, SemanticModel } from "../semantic/types.ts";
import type { LinkedSchema } from "./schema-linking.ts";
import { sqlIdent, sqlTableName } from "./schema-render.ts";
import { estimateTokens, truncateToTokens } from "./tokens.ts";
import { textWords, wordSimilarity } from "./words.ts";

/**
 * The prompt sections after the schema: business context from the semantic
 * model, verified queries as examples, and the conversation so far. Each is
 * cut to its own token budget, most useful lines first. Pure.
 */

export interface Example {
  question: string;
  sql: string;
}

export interface Turn {
  question: string;
  sql: string | null;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function literal(value: ConditionValue): string {
  return typeof value === "string" ? `'${value.replace(/'/g, "''")}'` : String(value);
}

function conditionSql(column: string, c: Condition): string {
  const values = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value];
  switch (c.op) {
    case "is_null":
      return `${column} IS NULL`;
    case "not_null":
      return `${column} IS NOT NULL`;
    case "in":
      return `${column} IN (${values.map(literal).join(", ")})`;
    case "not_in":
      return `${column} NOT IN (${values.map(literal).join(", ")})`;
    case "contains":
      return `${column} ILIKE ${literal(`%${String(values[0] ?? "")}%`)}`;
    default:
      return `${column} ${c.op} ${literal(values[0] ?? "")}`;
  }
}

/** Lines are added in order until the budget is spent; a line that does not fit is skipped. */
function fill(header: string, lines: string[], budget: number): string {
  const kept: string[] = [];
  let used = estimateTokens(header);
  for (const line of lines) {
    const cost = estimateTokens(line) + 1;
    if (used + cost > budget) continue;
    kept.push(line);
    used += cost;
  }
  return kept.length > 0 ? `${header}\n${kept.join("\n")}` : "";
}

export function renderSemanticContext(model: SemanticModel, linked: LinkedSchema, budget: number): string {
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const shown = new Set(linked.tables.map((t) => t.entity));
  const tableOf = (name: string) => {
    const e = entities.get(name);
    return e ? sqlTableName(e) : name;
  };
  const column = (entity: string, field: string) => `${tableOf(entity)}.${sqlIdent(field)}`;
  const { metrics: metricScores, glossary: glossaryScores } = linked.relevance;

  const metrics = model.metrics
    .filter((m) => metricScores.has(m.name) || shown.has(m.entity))
    .sort((a, b) => (metricScores.get(b.name) ?? 0) - (metricScores.get(a.name) ?? 0))
    .map((m) => {
      const also = m.synonyms.length > 0 ? ` (also: ${m.synonyms.slice(0, 4).join(", ")})` : "";
      const description = m.description ? ` -- ${m.description}` : "";
      return `- metric ${m.name}${also} = ${m.expression} over ${tableOf(m.entity)}${description}`;
    });

  const target = (t: GlossaryTarget): string => {
    switch (t.kind) {
      case "metric":
        return `metric ${t.metric}`;
      case "field":
        return `column ${column(t.entity, t.field)}`;
      case "entity":
        return `table ${tableOf(t.entity)}`;
      case "filter":
        return `rows of ${tableOf(t.entity)} where ${conditionSql(column(t.entity, t.condition.field), t.condition)}`;
    }
  };
  const targetEntity = (t: GlossaryTarget) => (t.kind === "metric" ? model.metrics.find((m) => m.name === t.metric)?.entity : t.entity);
  const glossary = model.glossary
    .filter((g) => glossaryScores.has(g.term) || shown.has(targetEntity(g.maps) ?? ""))
    .sort((a, b) => (glossaryScores.get(b.term) ?? 0) - (glossaryScores.get(a.term) ?? 0))
    .map((g) => {
      const also = g.synonyms.length > 0 ? ` (also: ${g.synonyms.join(", ")})` : "";
      const definition = g.definition ? ` -- ${g.definition}` : "";
      return `- "${g.term}"${also} means ${target(g.maps)}${definition}`;
    });

  const rules = model.rules.defaultFilters
    .filter((f) => shown.has(f.entity))
    .map((f) => {
      const why = f.description ? ` (${f.description})` : "";
      return `- whenever ${tableOf(f.entity)} is queried, keep only rows where ${conditionSql(column(f.entity, f.condition.field), f.condition)}${why}`;
    });
  const start = model.rules.fiscalYearStartMonth;
  if (start !== 1) {
    rules.unshift(
      `- the fiscal year starts on 1 ${MONTHS[start - 1]}: "fiscal year", "FY" and fiscal quarters follow that boundary, not the calendar year`,
    );
  }

  const lines = [...rules, ...metrics, ...glossary];
  return fill("Business definitions and rules:", lines, budget);
}

/** Verified question → SQL pairs, the most similar to the question first. */
export function renderExamples(question: string, examples: Example[], budget: number, max = 5): string {
  const words = textWords(question);
  const seen = new Set<string>();
  const ranked = examples
    .filter((e) => {
      const key = `${e.question}\u0000${e.sql}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((e) => ({ e, similarity: wordSimilarity(words, textWords(e.question)) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, max)
    .map(({ e }) => `Question: ${e.question}\nSQL: ${e.sql.trim()}`);
  const header = "Verified examples for this database (most similar first):";
  const kept: string[] = [];
  let used = estimateTokens(header);
  for (const block of ranked) {
    const cost = estimateTokens(block) + 1;
    if (used + cost > budget) continue;
    kept.push(block);
    used += cost;
  }
  return kept.length > 0 ? `${header}\n\n${kept.join("\n\n")}` : "";
}

/** Earlier turns, most recent first; old turns drop out when the budget is spent. */
export function renderHistory(history: Turn[], budget: number, max = 6): string {
  const header = "Conversation so far (most recent first). The new question may refer to these:";
  const blocks: string[] = [];
  let used = estimateTokens(header);
  const recent = history.slice(-max).reverse();
  for (const [i, turn] of recent.entries()) {
    const sql = turn.sql ? truncateToTokens(turn.sql.trim(), 400) : "(no SQL: that question was not answered with a query)";
    const block = `${i === 0 ? "Previous question" : `${i + 1} questions ago`}: ${turn.question}\nSQL: ${sql}`;
    const cost = estimateTokens(block) + 1;
    if (used + cost > budget) break;
    blocks.push(block);
    used += cost;
  }
  return blocks.length > 0 ? `${header}\n\n${blocks.join("\n\n")}` : "";
}
