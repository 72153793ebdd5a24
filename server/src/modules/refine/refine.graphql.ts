import { z } from "zod";
import { registerErrorCodes } from "../../errors.ts";
import { builder } from "../../graphql/builder.ts";
import { fromGlobalId } from "../../graphql/ids.ts";
import type { RefinableField } from "../../engine/refine/fields.ts";
import { maxFieldValues, maxValueSearchLength } from "../../engine/refine/values.ts";
import { maxAddedColumns, maxFilterValues, maxRefineLimit, maxSimplifySteps, refineErrorCodes, type Refinement } from "../../engine/refine/refinement.ts";
import type { FilterOp } from "../../engine/spec.ts";
import { SortDirectionEnum } from "../ask/ask.graphql.ts";
import type { FieldValues } from "./refine.service.ts";

registerErrorCodes(refineErrorCodes);

const operators: Record<string, { value: FilterOp; description: string }> = {
  EQ: { value: "=", description: "Equal to the one value." },
  NEQ: { value: "!=", description: "Not equal to the one value." },
  GT: { value: ">", description: "Greater than the one value." },
  GTE: { value: ">=", description: "Greater than or equal to the one value." },
  LT: { value: "<", description: "Less than the one value." },
  LTE: { value: "<=", description: "Less than or equal to the one value." },
  IN: { value: "in", description: "Equal to one of the values." },
  NOT_IN: { value: "not_in", description: "Equal to none of the values." },
  CONTAINS: { value: "contains", description: "Text containing the one value (case-insensitive)." },
  NOT_CONTAINS: { value: "not_contains", description: "Text not containing the one value." },
  STARTS_WITH: { value: "starts_with", description: "Text starting with the one value (case-insensitive)." },
  ENDS_WITH: { value: "ends_with", description: "Text ending with the one value (case-insensitive)." },
  IS_NULL: { value: "is_null", description: "Empty; takes no values." },
  NOT_NULL: { value: "not_null", description: "Not empty; takes no values." },
};
const FilterOperatorEnum = builder.enumType("FilterOperator", { values: operators });

const RefinableFieldKindEnum = builder.enumType("RefinableFieldKind", {
  values: {
    FIELD: { value: "field", description: "A column of the semantic model, named `entity.field`." },
    MEASURE: { value: "measure", description: "A total of the answer, named by its result column; filters compare the total (HAVING)." },
    COLUMN: { value: "column", description: "A result column of SQL without a spec (written by a model or verified)." },
  } as const,
});

const RefinableFieldRef = builder.objectRef<RefinableField>("RefinableField").implement({
  description: "A field a refinement may name, with what can be done with it.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "What to send as `field` / `fields` in a refinement." }),
    label: t.exposeString("label"),
    type: t.exposeString("type", { description: "integer, bigint, decimal, float, text, boolean, date, timestamp, uuid, …" }),
    kind: t.field({ type: RefinableFieldKindEnum, resolve: (f) => f.kind }),
    operators: t.field({ type: [FilterOperatorEnum], description: "Filter operators that apply; empty when it cannot be filtered.", resolve: (f) => f.operators }),
    sortable: t.exposeBoolean("sortable", { description: "Whether `changeSort` accepts it (an aggregate sorts by its groupings and totals only)." }),
  }),
});

builder.prismaObjectFields("QueryRun", (t) => ({
  refinableFields: t.field({
    type: [RefinableFieldRef],
    description: "Fields this answer can be refined by (filters, sorting, added columns); empty when it cannot be refined.",
    select: { status: true, sql: true, spec: true, columns: true, request: true, dataSourceId: true, explanation: true, question: true },
    resolve: (run, _args, ctx) => ctx.services.refine.fields(ctx.viewer!, run as never),
  }),
}));

const fieldName = z.string().trim().min(1, "must not be empty").max(300, "is longer than 300 characters");

const FieldValuesRef = builder.objectRef<FieldValues>("FieldValues").implement({
  description: "Distinct values of a field, in order, for a filter's value picker.",
  fields: (t) => ({
    values: t.exposeStringList("values"),
    complete: t.exposeBoolean("complete", { description: "False when more values match than were asked for: narrow the search." }),
  }),
});

builder.queryField("fieldValues", (t) =>
  t.field({
    type: FieldValuesRef,
    description: "Values a text field of an answer's data takes (see `QueryRun.refinableFields`), to offer in a filter. Another user's run answers like a missing one.",
    authScopes: { authenticated: true },
    args: {
      runId: t.arg.id(),
      field: t.arg.string({ description: "A refinable field's `name`.", validate: fieldName }),
      search: t.arg.string({
        required: false,
        description: "Only values containing this text (case-insensitive).",
        validate: z.string().max(maxValueSearchLength, `is longer than ${maxValueSearchLength} characters`).optional().nullable(),
      }),
      first: t.arg.int({ defaultValue: 50, description: `How many values, 1 to ${maxFieldValues}.`, validate: z.number().int().min(1, "must be at least 1").max(maxFieldValues, `must be at most ${maxFieldValues}`) }),
    },
    resolve: (_root, args, ctx) => ctx.services.refine.values(ctx.viewer!, fromGlobalId(args.runId, "QueryRun"), args.field, args.search?.trim() || null, args.first),
  }),
);

const AddFilterInput = builder.inputType("AddFilterInput", {
  fields: (t) => ({
    field: t.string({ description: "`entity.field` or a result column (see `QueryRun.refinableFields`).", validate: fieldName }),
    operator: t.field({ type: FilterOperatorEnum }),
    values: t.stringList({
      defaultValue: [],
      description: "Values as text, read by the field's type: numbers, true/false, YYYY-MM-DD dates.",
      validate: z.array(z.string().max(500, "is longer than 500 characters")).max(maxFilterValues, `has more than ${maxFilterValues} values`),
    }),
  }),
});

const ChangeLimitInput = builder.inputType("ChangeLimitInput", {
  fields: (t) => ({ limit: t.int({ description: `Rows to keep, 1 to ${maxRefineLimit}.` }) }),
});

const AddColumnsInput = builder.inputType("AddColumnsInput", {
  fields: (t) => ({
    fields: t.stringList({
      description: "`entity.field` names: groupings or totals of an aggregate, columns of a listing.",
      validate: z.array(fieldName).min(1, "must name at least one field").max(maxAddedColumns, `names more than ${maxAddedColumns} fields`),
    }),
  }),
});

const ChangeSortInput = builder.inputType("ChangeSortInput", {
  fields: (t) => ({
    field: t.string({ validate: fieldName }),
    direction: t.field({ type: SortDirectionEnum }),
  }),
});

const SimplifyInput = builder.inputType("SimplifyInput", {
  fields: (t) => ({
    steps: t.int({ defaultValue: 1, description: `How many of the most recent complications to drop, 1 to ${maxSimplifySteps}.` }),
  }),
});

const RefinementInput = builder.inputType("RefinementInput", {
  description: "Exactly one refinement.",
  isOneOf: true,
  fields: (t) => ({
    addFilter: t.field({ type: AddFilterInput, required: false, description: "Keep only rows (or groups) matching a condition; replaces an earlier filter on the same field." }),
    changeLimit: t.field({ type: ChangeLimitInput, required: false, description: "Keep the first N rows (an aggregate is sorted by its first total when it has no order)." }),
    addColumns: t.field({ type: AddColumnsInput, required: false, description: "Group by more fields, add totals, or list more columns. Not for SQL without a spec." }),
    changeSort: t.field({ type: ChangeSortInput, required: false }),
    simplify: t.field({ type: SimplifyInput, required: false, description: "Drop the most recent complication: a condition, extra grouping, filter, column, limit or sort." }),
  }),
});

type RefinementShape = typeof RefinementInput.$inferInput;

function toRefinement(input: RefinementShape): Refinement {
  if (input.addFilter) return { kind: "addFilter", field: input.addFilter.field, operator: input.addFilter.operator, values: input.addFilter.values };
  if (input.changeLimit) return { kind: "changeLimit", limit: input.changeLimit.limit };
  if (input.addColumns) return { kind: "addColumns", fields: input.addColumns.fields };
  if (input.changeSort) return { kind: "changeSort", field: input.changeSort.field, direction: input.changeSort.direction === "ASC" ? "asc" : "desc" };
  return { kind: "simplify", steps: input.simplify?.steps ?? 1 };
}

const RefineQueryPayload = builder.objectRef<{ runId: string; sessionId: string }>("RefineQueryPayload").implement({
  fields: (t) => ({
    run: t.prismaField({ type: "QueryRun", description: "The new run; follow it with `queryProgress`.", resolve: (q, p, _a, ctx) => ctx.services.prisma.queryRun.findUniqueOrThrow({ ...q, where: { id: p.runId } }) }),
    session: t.prismaField({ type: "Session", resolve: (q, p, _a, ctx) => ctx.services.prisma.session.findUniqueOrThrow({ ...q, where: { id: p.sessionId } }) }),
  }),
});

builder.mutationField("refineQuery", (t) =>
  t.field({
    type: RefineQueryPayload,
    description:
      "Refines an answer: a new run in the same session (parent = the refined run) that becomes the conversation's latest. An invalid refinement is refused with a REFINE_* code and creates no run.",
    authScopes: { authenticated: true },
    args: {
      input: t.arg({
        type: builder.inputType("RefineQueryInput", { fields: (f) => ({ runId: f.id(), refinement: f.field({ type: RefinementInput }) }) }),
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const run = await ctx.services.refine.refine(ctx.viewer!, fromGlobalId(input.runId, "QueryRun"), toRefinement(input.refinement));
      return { runId: run.id, sessionId: run.sessionId };
    },
  }),
);
