import { knownTables } from "../../pipeline/stages/compile.ts";
import { expressionColumns, MetricExpressionError, qualifyExpression } from "../../semantic/expression.ts";
import type { Metric, SemanticModel } from "../../semantic/types.ts";
import type { ReferenceProblem } from "../../semantic/validate.ts";
import { SqlSandboxError } from "../../sql/errors.ts";
import { guardSql } from "../../sql/guard/guard.ts";
import { parseStatements } from "../../sql/guard/parser.ts";
import { quoteIdent } from "../../sql/introspect/types.ts";
import type { SchemaSnapshot } from "../../sql/snapshot.ts";

/**
 * Checks of a semantic model against the data source it describes: the tables
 * and columns it names exist, metric expressions are aggregates that the SQL
 * guard accepts, verified queries pass the guard.
 */

export interface SourceShape {
  schemas: string[];
  snapshot: SchemaSnapshot | null;
}

export class MetricColumnsError extends Error {
  readonly code = "METRIC_UNKNOWN_COLUMNS";
  readonly details: { metric: string; entity: string; columns: string[] };
  constructor(metric: string, entity: string, columns: string[]) {
    super(`Metric ${metric}: ${entity} has no column${columns.length > 1 ? "s" : ""} ${columns.map((c) => `“${c}”`).join(", ")}.`);
    this.name = "MetricColumnsError";
    this.details = { metric, entity, columns };
  }
}

/** Entities whose table, and fields whose column, the data source does not have (as of its last refresh). */
export function snapshotProblems(model: SemanticModel, snapshot: SchemaSnapshot | null): ReferenceProblem[] {
  if (!snapshot) return [];
  const tables = new Map(snapshot.tables.map((t) => [`${t.schema}.${t.name}`, new Set(t.columns.map((c) => c.name))]));
  const problems: ReferenceProblem[] = [];
  model.entities.forEach((e, i) => {
    const columns = tables.get(`${e.schema}.${e.table}`);
    if (!columns) {
      problems.push({ path: `entities[${i}].table`, target: `${e.schema}.${e.table}`, message: "no such table in the data source" });
      return;
    }
    e.fields.forEach((f, j) => {
      if (!columns.has(f.name)) problems.push({ path: `entities[${i}].fields[${j}].name`, target: `${e.schema}.${e.table}.${f.name}`, message: "no such column in the data source" });
    });
  });
  return problems;
}

const AGGREGATES = new Set([
  "sum", "avg", "min", "max", "count", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
  "bool_and", "bool_or", "every", "string_agg", "array_agg", "percentile_cont", "percentile_disc", "mode",
  "corr", "covar_pop", "covar_samp",
]);

type Node = Record<string, unknown>;

function funcName(call: Node): string {
  const parts = (call.funcname as { String?: { sval?: string } }[] | undefined) ?? [];
  return parts.at(-1)?.String?.sval?.toLowerCase() ?? "";
}

/**
 * Whether every column reference sits inside an aggregate call, and there is
 * at least one: a metric is one number per group, never a per-row value.
 */
function aggregateProblem(tree: unknown): string | null {
  let aggregates = 0;
  let loose: string | null = null;
  let windowed = false;
  const walk = (node: unknown, inside: boolean) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, inside));
    if (!node || typeof node !== "object") return;
    const obj = node as Node;
    if (obj.FuncCall) {
      const call = obj.FuncCall as Node;
      if (call.over) windowed = true;
      const isAggregate = AGGREGATES.has(funcName(call)) || Boolean(call.agg_star || call.agg_distinct || call.agg_within_group);
      if (isAggregate && !inside) aggregates++;
      return walk(Object.values(call), inside || isAggregate);
    }
    if (obj.ColumnRef && !inside) {
      const fields = ((obj.ColumnRef as Node).fields as { String?: { sval?: string } }[] | undefined) ?? [];
      loose ??= fields.at(-1)?.String?.sval ?? "?";
    }
    for (const value of Object.values(obj)) walk(value, inside);
  };
  walk(tree, false);
  if (windowed) return "window functions (OVER) cannot be metrics.";
  if (loose) return `column “${loose}” must be inside an aggregate such as sum(...) or count(...).`;
  if (aggregates === 0) return "a metric must aggregate, e.g. sum(amount) or count(distinct customer_id).";
  return null;
}

/**
 * Checks a metric the way it will run: its columns exist on its entity, and
 * `SELECT <expression> FROM <table>` parses and passes the SQL guard (so no
 * forbidden functions or other tables), aggregating every column.
 */
export async function checkMetric(metric: Pick<Metric, "name" | "entity" | "expression">, model: SemanticModel, source: SourceShape): Promise<void> {
  const entity = model.entities.find((e) => e.name === metric.entity);
  if (!entity) return; // reported as an unknown reference by the model's own validation
  const columns = expressionColumns(metric.expression);
  const alias = "m";
  const expression = qualifyExpression(metric.expression, alias, entity.fields.map((f) => f.name));
  const sql = `SELECT ${expression} FROM ${quoteIdent(entity.schema)}.${quoteIdent(entity.table)} AS ${quoteIdent(alias)}`;
  try {
    const guarded = await guardSql(sql, { allowedSchemas: source.schemas, knownTables: knownTables(source.snapshot) });
    const problem = aggregateProblem(parseStatements(guarded.sql));
    if (problem) throw new MetricExpressionError(`Metric ${metric.name}: ${problem}`);
  } catch (error) {
    if (error instanceof SqlSandboxError) {
      throw new MetricExpressionError(`Metric ${metric.name}: ${error.code === "SQL_PARSE_ERROR" ? "the expression does not parse" : "the expression is not allowed"} (${error.message})`);
    }
    throw error;
  }
  // After the parse: words of a construct the guard refuses (OVER, SELECT) are not reported as columns.
  const known = new Set(entity.fields.map((f) => f.name.toLowerCase()));
  const missing = [...new Set(columns)].filter((c) => !known.has(c.toLowerCase()));
  if (missing.length) throw new MetricColumnsError(metric.name, entity.name, missing);
}

/** The guard's form of a verified query's SQL (one read-only statement over the source's tables). */
export async function checkVerifiedSql(sql: string, source: SourceShape): Promise<string> {
  const guarded = await guardSql(sql, { allowedSchemas: source.schemas, knownTables: knownTables(source.snapshot) });
  return guarded.sql;
}
