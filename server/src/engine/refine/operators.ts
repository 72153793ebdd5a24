import type { ValueType } from "../../sql/snapshot.ts";
import type { FilterOp, Scalar } from "../spec.ts";
import { beyondExact } from "../literals.ts";
import { checkValueText, maxFilterValues, RefineError } from "./refinement.ts";

const nulls: FilterOp[] = ["is_null", "not_null"];
const equality: FilterOp[] = ["=", "!=", "in", "not_in"];
const ordering: FilterOp[] = [">", ">=", "<", "<="];

const numeric = new Set<ValueType>(["integer", "bigint", "decimal", "float"]);
const temporal = new Set<ValueType>(["date", "timestamp", "time"]);

/** The filter operators that make sense for a value type; only null checks for opaque types. */
export function operatorsFor(type: ValueType): FilterOp[] {
  if (numeric.has(type) || temporal.has(type)) return [...equality, ...ordering, ...nulls];
  if (type === "text") return [...equality, "contains", "not_contains", "starts_with", "ends_with", ...nulls];
  if (type === "uuid") return [...equality, ...nulls];
  if (type === "boolean") return ["=", "!=", ...nulls];
  return [...nulls];
}

export const isNumericType = (type: ValueType) => numeric.has(type);

const opText: Record<FilterOp, string> = {
  "=": "is",
  "!=": "is not",
  ">": "is above",
  ">=": "is at least",
  "<": "is below",
  "<=": "is at most",
  in: "is one of",
  not_in: "is none of",
  contains: "contains",
  not_contains: "does not contain",
  starts_with: "starts with",
  ends_with: "ends with",
  is_null: "is empty",
  not_null: "is not empty",
};

/** "Country is Brazil", "Total is above 100": the words a refinement's label uses for a filter. */
export function describeFilter(label: string, op: FilterOp, values: Scalar[]): string {
  const shown = values.map((v) => String(v)).join(", ");
  return op === "is_null" || op === "not_null" ? `${label} ${opText[op]}` : `${label} ${opText[op]} ${shown}`;
}

function arity(op: FilterOp): [min: number, max: number] {
  if (op === "is_null" || op === "not_null") return [0, 0];
  if (op === "in" || op === "not_in") return [1, maxFilterValues];
  return [1, 1];
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const timestampPattern = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;
const timePattern = /^\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function validDate(text: string): boolean {
  const day = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === text.slice(0, 10);
}

function coerceOne(field: string, type: ValueType, raw: string): Scalar {
  checkValueText(field, raw);
  const text = raw.trim();
  const bad = (what: string) => new RefineError("REFINE_BAD_VALUE", `“${raw}” is not ${what}, which ${field} holds.`, { field, hint: `Send ${what}.` });
  if (numeric.has(type)) {
    const n = Number(text);
    if (!numberPattern.test(text) || !Number.isFinite(n)) throw bad("a number");
    if (beyondExact(n)) throw new RefineError("REFINE_BAD_VALUE", `“${raw}” is too large a number to compare exactly.`, { field, hint: `Send a number up to ${Number.MAX_SAFE_INTEGER.toLocaleString("en")}.` });
    return n;
  }
  if (type === "boolean") {
    const lower = text.toLowerCase();
    if (["true", "yes", "1"].includes(lower)) return true;
    if (["false", "no", "0"].includes(lower)) return false;
    throw bad("true or false");
  }
  if (type === "date") {
    if (!datePattern.test(text) || !validDate(text)) throw bad("a date (YYYY-MM-DD)");
    return text;
  }
  if (type === "timestamp") {
    if (!timestampPattern.test(text) || !validDate(text)) throw bad("a date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM)");
    return text;
  }
  if (type === "time") {
    if (!timePattern.test(text)) throw bad("a time of day (HH:MM)");
    return text;
  }
  if (type === "uuid") {
    if (!uuidPattern.test(text)) throw bad("a UUID");
    return text.toLowerCase();
  }
  return raw;
}

/**
 * Checks an operator against the field's type and turns the values (sent as
 * text) into typed scalars; throws a RefineError naming what is wrong.
 */
export function coerceFilter(field: string, type: ValueType, op: FilterOp, values: string[]): Scalar[] {
  if (!operatorsFor(type).includes(op)) {
    throw new RefineError("REFINE_BAD_OPERATOR", `The operator ${op} does not apply to ${field} (${type}).`, {
      field,
      hint: `Use one of: ${operatorsFor(type).join(", ")}.`,
    });
  }
  const [min, max] = arity(op);
  if (values.length < min || values.length > max) {
    const wanted = min === max ? (min === 0 ? "no values" : "exactly one value") : `${min} to ${max} values`;
    throw new RefineError("REFINE_BAD_VALUE", `The operator ${op} takes ${wanted}; got ${values.length}.`, { field });
  }
  if ((op === "contains" || op === "not_contains" || op === "starts_with" || op === "ends_with") && values[0]!.trim() === "") {
    throw new RefineError("REFINE_BAD_VALUE", `“${op}” needs some text to look for.`, { field });
  }
  return values.map((v) => coerceOne(field, type, v));
}
