import type { ValueType } from "../../sql/snapshot.ts";
import type { FilterOp, Scalar } from "../spec.ts";
import { columnRefinableFields } from "./fields.ts";
import { coerceFilter, describeFilter } from "./operators.ts";
import { checkLimit, checkSteps, RefineError, type Refinement } from "./refinement.ts";

export interface WrapColumn {
  name: string;
  type: ValueType;
}

export type WrapOp =
  | { kind: "filter"; column: string; op: FilterOp; values: Scalar[]; label: string }
  | { kind: "sort"; column: string; dir: "asc" | "desc"; label: string }
  | { kind: "limit"; limit: number; label: string };

/**
 * SQL without a spec (written by a model, or a verified query) with
 * refinements on top. The base runs as a subquery; every refinement only
 * refers to its result columns, so nothing can reach tables the base did not.
 * Refining again adds to `ops` instead of nesting, so simplify can undo them.
 */
export interface WrappedQuery {
  base: string;
  columns: WrapColumn[];
  ops: WrapOp[];
}

export function startWrapped(base: string, columns: WrapColumn[]): WrappedQuery {
  return { base, columns, ops: [] };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const column = (name: string) => `q.${ident(name)}`;
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function literal(value: Scalar): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RefineError("REFINE_BAD_VALUE", `${value} is not a finite number.`);
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}

function condition(op: Extract<WrapOp, { kind: "filter" }>): string {
  const col = column(op.column);
  const values = op.values.map(literal);
  switch (op.op) {
    case "is_null":
      return `${col} IS NULL`;
    case "not_null":
      return `${col} IS NOT NULL`;
    case "in":
      return `${col} IN (${values.join(", ")})`;
    case "not_in":
      return `${col} NOT IN (${values.join(", ")})`;
    case "contains":
      return `${col} ILIKE ${literal(`%${likeEscape(String(op.values[0]))}%`)}`;
    case "not_contains":
      return `${col} NOT ILIKE ${literal(`%${likeEscape(String(op.values[0]))}%`)}`;
    case "starts_with":
      return `${col} ILIKE ${literal(`${likeEscape(String(op.values[0]))}%`)}`;
    case "ends_with":
      return `${col} ILIKE ${literal(`%${likeEscape(String(op.values[0]))}`)}`;
    default:
      return `${col} ${op.op === "!=" ? "<>" : op.op} ${values[0]}`;
  }
}

/** The SQL to run: `SELECT q.* FROM (<base>) AS q` with the refinements' WHERE, ORDER BY and LIMIT. */
export function wrappedSql(w: WrappedQuery): string {
  if (w.ops.length === 0) return w.base;
  const filters = w.ops.filter((o): o is Extract<WrapOp, { kind: "filter" }> => o.kind === "filter");
  const sort = w.ops.findLast((o) => o.kind === "sort");
  const limit = w.ops.findLast((o) => o.kind === "limit");
  const lines = ["SELECT q.*", "FROM (", w.base, ") AS q"];
  if (filters.length > 0) lines.push(`WHERE ${filters.map(condition).join("\n  AND ")}`);
  if (sort?.kind === "sort") lines.push(`ORDER BY ${column(sort.column)} ${sort.dir === "asc" ? "ASC NULLS FIRST" : "DESC NULLS LAST"}`);
  if (limit?.kind === "limit") lines.push(`LIMIT ${limit.limit}`);
  return lines.join("\n");
}

export function describeWrapped(w: WrappedQuery, baseExplanation: string): string {
  if (w.ops.length === 0) return baseExplanation;
  return `${baseExplanation.replace(/\.?\s*$/, ".")} Then: ${w.ops.map((o) => o.label).join("; ")}.`;
}

function columnOf(w: WrappedQuery, name: string): WrapColumn {
  const matches = w.columns.filter((c) => c.name === name);
  if (matches.length === 1) return matches[0]!;
  throw new RefineError(
    "REFINE_UNKNOWN_FIELD",
    matches.length === 0 ? `The answer has no column “${name}”.` : `The answer has more than one column “${name}”, so it cannot be told apart.`,
    { field: name, hint: `Use one of the answer's columns: ${columnRefinableFields(w.columns).map((c) => c.name).join(", ")}.` },
  );
}

/**
 * Applies a refinement to SQL without a spec. Filters, sorts and limits are
 * added over the result columns; a new filter on a column replaces the last
 * one on it. Columns cannot be added (the base SQL decides what it reads) and
 * simplify drops the most recent refinements.
 */
export function refineWrapped(w: WrappedQuery, refinement: Refinement): { wrapped: WrappedQuery; label: string } {
  const ops = [...w.ops];
  const push = (op: WrapOp) => ({ wrapped: { ...w, ops: [...ops, op] }, label: op.label });
  switch (refinement.kind) {
    case "addFilter": {
      const col = columnOf(w, refinement.field);
      const values = coerceFilter(refinement.field, col.type, refinement.operator, refinement.values);
      const label = describeFilter(col.name, refinement.operator, values);
      const kept = ops.filter((o) => !(o.kind === "filter" && o.column === col.name));
      return { wrapped: { ...w, ops: [...kept, { kind: "filter", column: col.name, op: refinement.operator, values, label }] }, label };
    }
    case "changeLimit":
      return push({ kind: "limit", limit: checkLimit(refinement.limit), label: `first ${refinement.limit} rows` });
    case "changeSort": {
      const col = columnOf(w, refinement.field);
      return push({ kind: "sort", column: col.name, dir: refinement.direction, label: `sorted by ${col.name}, ${refinement.direction === "asc" ? "lowest first" : "highest first"}` });
    }
    case "addColumns":
      throw new RefineError("REFINE_NOT_SUPPORTED", "Columns cannot be added to an answer written as SQL: only its own result columns can be refined.", {
        hint: "Ask a follow-up question that names the columns you want.",
      });
    case "simplify": {
      const steps = checkSteps(refinement.steps);
      if (ops.length === 0) {
        throw new RefineError("REFINE_NOTHING_TO_SIMPLIFY", "This answer's SQL has no refinements to drop.", { hint: "Ask a simpler question instead." });
      }
      const dropped = ops.splice(Math.max(0, ops.length - steps));
      return { wrapped: { ...w, ops }, label: `without: ${dropped.map((o) => o.label).reverse().join(", ")}` };
    }
  }
}
