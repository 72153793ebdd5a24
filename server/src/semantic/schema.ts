import { z } from "zod";
import { SEMANTIC_MODEL_FORMAT } from "./types.ts";

const name = z.string().min(1).max(200);
const words = z.array(z.string().min(1).max(200)).max(500);
const aggregation = z.enum(["count", "count_distinct", "sum", "avg", "min", "max"]);
const valueType = z.enum([
  "integer", "bigint", "decimal", "float", "text", "boolean", "date", "timestamp", "time", "interval", "json", "uuid",
  "binary", "array", "other",
]);
const scalar = z.union([z.string().max(1000), z.number(), z.boolean()]);

const field = z.object({
  name,
  label: z.string().max(200),
  role: z.enum(["id", "foreign_key", "dimension", "time", "measure", "attribute"]),
  type: valueType,
  dbType: z.string().max(200),
  nullable: z.boolean(),
  synonyms: words,
  extraSynonyms: words,
  description: z.string().max(5000).nullable(),
  aggregation: aggregation.optional(),
  money: z.boolean().optional(),
  flag: z.boolean().optional(),
  values: z.array(z.string().max(1000)).max(5000).optional(),
  distinct: z.number().nullable().optional(),
  min: z.string().nullable().optional(),
  max: z.string().nullable().optional(),
});

const entity = z.object({
  name,
  schema: name,
  table: name,
  kind: z.enum(["table", "view"]),
  label: z.string().max(200),
  synonyms: words,
  extraSynonyms: words,
  description: z.string().max(5000).nullable(),
  primaryKey: z.array(name),
  primaryKeyInferred: z.boolean().optional(),
  rowCount: z.number().min(0),
  labelFields: z.array(name),
  defaultTimeField: name.nullable(),
  bridge: z.boolean(),
  fields: z.array(field),
});

export const conditionSchema = z.object({
  field: name,
  op: z.enum(["=", "!=", ">", ">=", "<", "<=", "in", "not_in", "is_null", "not_null", "contains"]),
  value: z.union([scalar, z.array(scalar).max(1000)]).optional(),
});

const glossaryTarget = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("metric"), metric: name }),
  z.object({ kind: z.literal("field"), entity: name, field: name }),
  z.object({ kind: z.literal("entity"), entity: name }),
  z.object({ kind: z.literal("filter"), entity: name, condition: conditionSchema }),
]);

/** Validates the shape of a semantic model (references are checked by `checkReferences`). */
export const semanticModelSchema = z.object({
  format: z.literal(SEMANTIC_MODEL_FORMAT),
  version: z.number().int().min(1),
  dialect: z.literal("postgres"),
  generatedAt: z.string(),
  entities: z.array(entity),
  joins: z.array(
    z.object({
      name,
      from: name,
      fromColumns: z.array(name).min(1),
      to: name,
      toColumns: z.array(name).min(1),
      inferred: z.boolean(),
      evidence: z
        .object({
          rule: z.enum(["names_table", "same_name_as_key", "shared_name"]),
          containment: z.number().min(0).max(1).nullable(),
          sampled: z.number().int().min(0),
        })
        .optional(),
      confirmed: z.boolean().optional(),
      origin: z.literal("user").optional(),
    }),
  ),
  removedJoins: z.array(name).optional(),
  metrics: z.array(
    z.object({
      name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "metric names are identifiers (letters, digits, _)"),
      label: z.string().max(200),
      synonyms: words,
      entity: name,
      expression: z.string().min(1).max(2000),
      description: z.string().max(5000).nullable(),
      origin: z.enum(["generated", "user"]),
    }),
  ),
  glossary: z.array(
    z.object({ term: name, synonyms: words, definition: z.string().max(5000), maps: glossaryTarget }),
  ),
  rules: z.object({
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    defaultFilters: z.array(z.object({ entity: name, condition: conditionSchema, description: z.string().max(5000).nullable() })),
  }),
  verifiedQueries: z.array(z.object({ question: z.string().min(1).max(2000), sql: z.string().min(1).max(20000), note: z.string().max(5000).nullable() })),
});
