import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import type { ConditionInput, GlossaryTargetInput } from "./edits.ts";
import { SemanticConditionOperatorEnum } from "./semantic-objects.ts";

/** Input types of the semantic model edits, with their limits. */

const objectName = z.string().trim().min(1, "must not be empty").max(200, "is longer than 200 characters");
const words = z
  .array(z.string().trim().min(1, "must not be empty").max(100, "is longer than 100 characters"))
  .max(50, "lists more than 50 words");
const text = (max: number) => z.string().max(max, `is longer than ${max} characters`);
const version = z.number().int().min(1, "must be 1 or more");

const expectedVersion = {
  required: false,
  validate: version.optional().nullable(),
  description: "The version this edit is based on; when a newer one was stored meanwhile the edit fails with SEMANTIC_MODEL_CONFLICT.",
} as const;

export const ConditionInputRef = builder.inputType("SemanticConditionInput", {
  fields: (t) => ({
    field: t.string({ validate: objectName }),
    op: t.field({ type: SemanticConditionOperatorEnum }),
    values: t.stringList({
      required: false,
      validate: z.array(text(1000)).max(100, "lists more than 100 values").optional().nullable(),
      description: "Text forms, converted to the field's type: none for IS_NULL/NOT_NULL, one or more for IN/NOT_IN, else exactly one.",
    }),
  }),
});

const FieldRefInput = builder.inputType("SemanticFieldRefInput", {
  fields: (t) => ({ entity: t.string({ validate: objectName }), field: t.string({ validate: objectName }) }),
});

const FilterTargetInput = builder.inputType("SemanticFilterTargetInput", {
  fields: (t) => ({ entity: t.string({ validate: objectName }), condition: t.field({ type: ConditionInputRef }) }),
});

export const GlossaryTargetInputRef = builder.inputType("SemanticGlossaryTargetInput", {
  isOneOf: true,
  description: "Exactly one: what the term stands for.",
  fields: (t) => ({
    metric: t.string({ required: false, validate: objectName.optional().nullable(), description: "A metric's name." }),
    entity: t.string({ required: false, validate: objectName.optional().nullable(), description: "An entity's name." }),
    field: t.field({ type: FieldRefInput, required: false }),
    filter: t.field({ type: FilterTargetInput, required: false, description: "A condition, e.g. “big markets” → country IN (...)." }),
  }),
});

type ConditionArg = { field: string; op: ConditionInput["op"]; values?: string[] | null };
type TargetArg = {
  metric?: string | null;
  entity?: string | null;
  field?: { entity: string; field: string } | null;
  filter?: { entity: string; condition: ConditionArg } | null;
};

export function toTargetInput(arg: TargetArg): GlossaryTargetInput {
  if (arg.metric) return { kind: "metric", metric: arg.metric };
  if (arg.entity) return { kind: "entity", entity: arg.entity };
  if (arg.field) return { kind: "field", entity: arg.field.entity, field: arg.field.field };
  return { kind: "filter", entity: arg.filter!.entity, condition: arg.filter!.condition };
}

export const SetSynonymsInput = builder.inputType("SetSynonymsInput", {
  fields: (t) => ({
    dataSourceId: t.id(),
    entity: t.string({ validate: objectName }),
    field: t.string({ required: false, validate: objectName.optional().nullable(), description: "Omit to set the entity's own synonyms." }),
    synonyms: t.stringList({ validate: words, description: "Replaces the words people added (`extraSynonyms`); generated synonyms stay." }),
    expectedVersion: t.int(expectedVersion),
  }),
});

export const UpsertMetricInput = builder.inputType("UpsertMetricInput", {
  description: "Adds a metric, or replaces the one with the same name (a generated one becomes yours and is kept on refresh).",
  fields: (t) => ({
    dataSourceId: t.id(),
    name: t.string({ validate: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, "must be an identifier of letters, digits and _ (at most 63)") }),
    label: t.string({ required: false, validate: text(200).optional().nullable() }),
    entity: t.string({ validate: objectName, description: "The entity whose columns the expression aggregates." }),
    expression: t.string({
      validate: z.string().trim().min(1, "must not be empty").max(2000, "is longer than 2000 characters"),
      description: "One SQL aggregate over the entity's columns, e.g. `sum(unit_price * quantity)`.",
    }),
    description: t.string({ required: false, validate: text(2000).optional().nullable() }),
    synonyms: t.stringList({ required: false, validate: words.optional().nullable(), description: "Words in questions that mean this metric." }),
    expectedVersion: t.int(expectedVersion),
  }),
});

export const DeleteMetricInput = builder.inputType("DeleteMetricInput", {
  fields: (t) => ({ dataSourceId: t.id(), name: t.string({ validate: objectName }), expectedVersion: t.int(expectedVersion) }),
});

export const UpsertGlossaryTermInput = builder.inputType("UpsertGlossaryTermInput", {
  description: "Adds a glossary term, or replaces the one with the same term (ignoring case).",
  fields: (t) => ({
    dataSourceId: t.id(),
    term: t.string({ validate: objectName }),
    synonyms: t.stringList({ required: false, validate: words.optional().nullable() }),
    definition: t.string({ required: false, validate: text(2000).optional().nullable() }),
    maps: t.field({ type: GlossaryTargetInputRef }),
    expectedVersion: t.int(expectedVersion),
  }),
});

export const DeleteGlossaryTermInput = builder.inputType("DeleteGlossaryTermInput", {
  fields: (t) => ({ dataSourceId: t.id(), term: t.string({ validate: objectName }), expectedVersion: t.int(expectedVersion) }),
});

const DefaultFilterInput = builder.inputType("SemanticDefaultFilterInput", {
  fields: (t) => ({
    entity: t.string({ validate: objectName }),
    condition: t.field({ type: ConditionInputRef }),
    description: t.string({ required: false, validate: text(2000).optional().nullable() }),
  }),
});

export const SetBusinessRulesInput = builder.inputType("SetBusinessRulesInput", {
  description: "Replaces what is given; omitted parts stay.",
  fields: (t) => ({
    dataSourceId: t.id(),
    fiscalYearStartMonth: t.int({ required: false, validate: z.number().int().min(1, "must be 1–12").max(12, "must be 1–12").optional().nullable() }),
    defaultFilters: t.field({
      type: [DefaultFilterInput],
      required: false,
      validate: z.array(z.unknown()).max(50, "lists more than 50 filters").optional().nullable(),
      description: "The complete list of default filters (an empty list removes them all).",
    }),
    expectedVersion: t.int(expectedVersion),
  }),
});

export const UpsertVerifiedQueryInput = builder.inputType("UpsertVerifiedQueryInput", {
  description: "Adds a verified query, or replaces the one asking the same question (ignoring case and punctuation).",
  fields: (t) => ({
    dataSourceId: t.id(),
    question: t.string({ validate: z.string().trim().min(1, "must not be empty").max(2000, "is longer than 2000 characters") }),
    sql: t.string({
      validate: z.string().trim().min(1, "must not be empty").max(20_000, "is longer than 20000 characters"),
      description: "One read-only SELECT over the data source's tables; checked by the SQL guard.",
    }),
    note: t.string({ required: false, validate: text(2000).optional().nullable() }),
    expectedVersion: t.int(expectedVersion),
  }),
});

export const DeleteVerifiedQueryInput = builder.inputType("DeleteVerifiedQueryInput", {
  fields: (t) => ({
    dataSourceId: t.id(),
    question: t.string({ validate: z.string().trim().min(1, "must not be empty").max(2000, "is longer than 2000 characters") }),
    expectedVersion: t.int(expectedVersion),
  }),
});

export const ImportSemanticModelInput = builder.inputType("ImportSemanticModelInput", {
  fields: (t) => ({
    dataSourceId: t.id(),
    yaml: t.string({
      validate: z.string().min(1, "must not be empty").max(5_000_000, "is longer than 5000000 characters"),
      description: "A whole model in the format of `SemanticModel.yaml`; stored as the next version when it is valid.",
    }),
    expectedVersion: t.int(expectedVersion),
  }),
});

export const RestoreSemanticModelVersionInput = builder.inputType("RestoreSemanticModelVersionInput", {
  fields: (t) => ({
    dataSourceId: t.id(),
    version: t.int({ validate: version, description: "Stored again as the newest version." }),
    expectedVersion: t.int(expectedVersion),
  }),
});

export const UpsertJoinInput = builder.inputType("UpsertJoinInput", {
  description: "Adds a join, or replaces the one with the same name (an inferred one becomes yours and is kept on refresh).",
  fields: (t) => ({
    dataSourceId: t.id(),
    name: t.string({ required: false, validate: objectName.optional().nullable(), description: "Omit for `<from>_<columns>_<to>`." }),
    from: t.string({ validate: objectName, description: "The entity holding the reference (the many side)." }),
    fromColumns: t.stringList({ validate: z.array(objectName).min(1, "must name a column").max(10, "lists more than 10 columns") }),
    to: t.string({ validate: objectName, description: "The referenced entity (the one side)." }),
    toColumns: t.stringList({ validate: z.array(objectName).min(1, "must name a column").max(10, "lists more than 10 columns") }),
    expectedVersion: t.int(expectedVersion),
  }),
});

export const JoinNameInput = builder.inputType("JoinNameInput", {
  fields: (t) => ({ dataSourceId: t.id(), name: t.string({ validate: objectName }), expectedVersion: t.int(expectedVersion) }),
});
