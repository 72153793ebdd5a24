import type { FilterOp } from "../spec.ts";

/**
 * A refinement of an answer, as the user asked for it: fields are named
 * `entity.field` (semantic model) or by result column. Plain JSON, stored on
 * the refined run's request.
 */
export type Refinement =
  | { kind: "addFilter"; field: string; operator: FilterOp; values: string[] }
  | { kind: "changeLimit"; limit: number }
  | { kind: "addColumns"; fields: string[] }
  | { kind: "changeSort"; field: string; direction: "asc" | "desc" }
  /** Drops the `steps` most recent complications (grouping, filters, columns...). */
  | { kind: "simplify"; steps: number };

/** Largest row limit a refinement may set: beyond it the answer is a download, not a table. */
export const maxRefineLimit = 10_000;
export const maxFilterValues = 100;
export const maxAddedColumns = 20;
export const maxSimplifySteps = 5;
const maxValueLength = 500;

export const refineErrorCodes = {
  REFINE_UNKNOWN_FIELD: "A refinement names a field the answer's data does not have.",
  REFINE_BAD_OPERATOR: "A filter operator does not apply to the field's type.",
  REFINE_BAD_VALUE: "A filter value is missing, extra, or not of the field's type.",
  REFINE_BAD_LIMIT: "A row limit is not a whole number between 1 and the maximum.",
  REFINE_NOT_SUPPORTED: "This refinement does not apply to this answer.",
  REFINE_NOTHING_TO_SIMPLIFY: "The answer is already as simple as it gets.",
  RUN_NOT_REFINABLE: "Only a finished answer with SQL can be refined.",
} as const;

export type RefineErrorCode = keyof typeof refineErrorCodes;

/** A refinement that cannot be applied; nothing is run. */
export class RefineError extends Error {
  readonly code: RefineErrorCode;
  readonly hint: string | undefined;
  readonly details: { field?: string };

  constructor(code: RefineErrorCode, message: string, options: { hint?: string; field?: string } = {}) {
    super(message);
    this.name = "RefineError";
    this.code = code;
    this.hint = options.hint;
    this.details = options.field ? { field: options.field } : {};
  }
}

export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > maxRefineLimit) {
    throw new RefineError("REFINE_BAD_LIMIT", `The limit must be a whole number from 1 to ${maxRefineLimit}; got ${limit}.`, {
      hint: `Pick a number of rows between 1 and ${maxRefineLimit}.`,
    });
  }
  return limit;
}

export function checkSteps(steps: number): number {
  if (!Number.isInteger(steps) || steps < 1 || steps > maxSimplifySteps) {
    throw new RefineError("REFINE_NOT_SUPPORTED", `Simplify takes 1 to ${maxSimplifySteps} steps; got ${steps}.`);
  }
  return steps;
}

export function checkValueText(field: string, value: string): void {
  if (value.length > maxValueLength) throw new RefineError("REFINE_BAD_VALUE", `A value for ${field} is longer than ${maxValueLength} characters.`, { field });
  if (value.includes("\u0000")) throw new RefineError("REFINE_BAD_VALUE", `A value for ${field} contains a NUL character.`, { field });
}
