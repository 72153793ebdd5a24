import { emptySpec, type FieldRef, type QuerySpec } from "../spec.ts";
import { RefineError } from "./refinement.ts";
import type { WrappedQuery } from "./wrap.ts";

/** Most values one request may ask for: a picker to choose from, not an export. */
export const maxFieldValues = 200;
export const maxValueSearchLength = 100;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const likePattern = (search: string) => `'%${search.replace(/[\\%_]/g, (c) => `\\${c}`).replace(/'/g, "''")}%'`;

function checkRequest(search: string | null, limit: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxFieldValues) {
    throw new RefineError("REFINE_BAD_LIMIT", `Ask for 1 to ${maxFieldValues} values; got ${limit}.`);
  }
  if (search && search.length > maxValueSearchLength) {
    throw new RefineError("REFINE_BAD_VALUE", `The search is longer than ${maxValueSearchLength} characters.`);
  }
}

/**
 * A spec listing a field's distinct, non-empty values in order, those containing
 * `search` only (case-insensitive). One more than `limit` is asked for, so the
 * caller can tell whether the list is complete.
 */
export function fieldValuesSpec(ref: FieldRef, search: string | null, limit: number): QuerySpec {
  checkRequest(search, limit);
  const spec = emptySpec(ref.entity);
  spec.columns = [ref];
  spec.distinct = true;
  spec.filters = [{ kind: "compare", field: ref, op: "not_null", values: [] }];
  if (search) spec.filters.push({ kind: "compare", field: ref, op: "contains", values: [search] });
  spec.order = [{ by: { kind: "field", field: ref }, dir: "asc" }];
  spec.limit = limit + 1;
  return spec;
}

/**
 * The same for a result column of SQL without a spec: values of the base query
 * (what its refinements filter), so nothing outside it is read.
 */
export function wrappedValuesSql(w: WrappedQuery, column: string, search: string | null, limit: number): string {
  checkRequest(search, limit);
  if (!w.columns.some((c) => c.name === column)) {
    throw new RefineError("REFINE_UNKNOWN_FIELD", `The answer has no column “${column}”.`, { field: column });
  }
  const col = `q.${ident(column)}`;
  const where = [`${col} IS NOT NULL`, ...(search ? [`${col} ILIKE ${likePattern(search)}`] : [])];
  return [`SELECT DISTINCT ${col} AS ${ident(column)}`, "FROM (", w.base, ") AS q", `WHERE ${where.join(" AND ")}`, `ORDER BY ${col} ASC`, `LIMIT ${limit + 1}`].join("\n");
}
