import type { Measure, QuerySpec } from "../engine/spec.ts";
import { nameWords } from "../semantic/names.ts";
import type { SemanticModel } from "../semantic/types.ts";
import type { ResolvedColumn } from "./columns.ts";
import { fieldOf } from "./labels.ts";
import type { ValueFormat } from "./types.ts";
import { NUMERIC_TYPES } from "./values.ts";

/** Name words that say "amount of money" when no model says so (SQL without a spec). */
const MONEY_WORDS = new Set(["price", "cost", "amount", "revenue", "sales", "fee", "charge", "salary", "pay", "payment", "balance", "budget", "tax", "income", "profit", "spend", "spent", "subtotal", "turnover", "earnings"]);
const PERCENT_WORDS = new Set(["percent", "percentage", "pct", "ratio", "share", "rate", "discount"]);
const COUNT_WORDS = new Set(["count", "number", "num", "qty", "quantity"]);

const quoted = (name: string) => new RegExp(`(^|[^A-Za-z0-9_])"?${name.replace(/[^A-Za-z0-9_]/g, "")}"?([^A-Za-z0-9_]|$)`);

/** Whether a measure of the spec is an amount of money: a money field, or a metric over one. */
export function isMoneyMeasure(model: SemanticModel, m: Measure): boolean {
  if (m.kind === "count") return false;
  if (m.kind === "field") return (m.agg !== "count" && m.agg !== "count_distinct" && fieldOf(model, m.field.entity, m.field.field)?.money) === true;
  const metric = model.metrics.find((x) => x.name === m.metric);
  if (!metric) return false;
  if (nameWords(metric.name).some((w) => MONEY_WORDS.has(w))) return true;
  const fields = model.entities.find((e) => e.name === metric.entity)?.fields ?? [];
  return fields.some((f) => f.money && quoted(f.name).test(metric.expression));
}

function measureFormat(model: SemanticModel, m: Measure, column: ResolvedColumn): ValueFormat {
  if (m.kind === "count") return "integer";
  if (m.kind === "field" && (m.agg === "count" || m.agg === "count_distinct")) return "integer";
  if (isMoneyMeasure(model, m)) return "currency";
  if (m.kind === "field") {
    const f = fieldOf(model, m.field.entity, m.field.field);
    if (f && (f.type === "date" || f.type === "timestamp")) return "date";
    // A fraction (never above 1) averaged or bounded stays a fraction; summed, it means nothing as a percentage.
    const fraction = f?.max !== undefined && f.max !== null && Number(f.max) <= 1 && nameWords(f.name).some((w) => PERCENT_WORDS.has(w));
    if (fraction && m.agg !== "sum") return "percent";
  }
  return column.type === "integer" || column.type === "bigint" ? "integer" : "number";
}

/** A format from the column's name and values alone. */
function inferredFormat(column: ResolvedColumn): ValueFormat {
  if (!NUMERIC_TYPES.has(column.type)) return column.type === "date" || column.type === "timestamp" ? "date" : "text";
  const words = nameWords(column.name);
  const integral = column.type === "integer" || column.type === "bigint";
  if (words.some((w) => COUNT_WORDS.has(w)) && integral) return "integer";
  if (!integral && words.some((w) => MONEY_WORDS.has(w))) return "currency";
  if (words.some((w) => PERCENT_WORDS.has(w))) return "percent";
  return integral ? "integer" : "number";
}

/**
 * How a column's values should be shown. `percent` means a fraction (0.25 →
 * 25 %); `currency` has no unit (the model does not know it); years are text
 * so that they are not shown as "2,024".
 */
export function formatOf(spec: QuerySpec | null, model: SemanticModel | null, column: ResolvedColumn): ValueFormat {
  if (column.role === "time") return column.grain === "year" || !(column.type === "date" || column.type === "timestamp" || column.type === "text") ? "text" : "date";
  if (column.role !== "measure") return column.type === "date" || column.type === "timestamp" ? "date" : "text";
  const m = spec && model && column.index !== undefined ? spec.measures[column.index] : undefined;
  if (m && model) {
    const format = measureFormat(model, m, column);
    // The average of per-group counts is no longer a whole number.
    return spec!.rollup === "avg" && format === "integer" ? "number" : format;
  }
  return inferredFormat(column);
}
