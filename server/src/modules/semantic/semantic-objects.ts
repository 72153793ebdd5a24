import { builder } from "../../graphql/builder.ts";
import type { Condition, DefaultFilter, Entity, Field, GlossaryTarget, GlossaryTerm, Join, Metric, VerifiedQuery } from "../../semantic/types.ts";
import type { ReferenceEvidence } from "../../sql/snapshot.ts";
import { semanticModelToYaml } from "../../semantic/yaml.ts";
import type { StoredModel } from "./semantic.service.ts";

/** GraphQL object types of the semantic model (read side). Root fields and edits are in semantic.graphql.ts. */

export const SemanticFieldRoleEnum = builder.enumType("SemanticFieldRole", {
  values: {
    ID: { value: "id", description: "Primary key column." },
    FOREIGN_KEY: { value: "foreign_key", description: "References another entity." },
    DIMENSION: { value: "dimension", description: "Categorical or boolean column to group and filter by." },
    TIME: { value: "time", description: "Date or timestamp column." },
    MEASURE: { value: "measure", description: "Numeric column that makes sense to aggregate." },
    ATTRIBUTE: { value: "attribute", description: "Shown when listing rows, never grouped." },
  } as const,
});

export const SemanticAggregationEnum = builder.enumType("SemanticAggregation", {
  values: {
    COUNT: { value: "count" },
    COUNT_DISTINCT: { value: "count_distinct" },
    SUM: { value: "sum" },
    AVG: { value: "avg" },
    MIN: { value: "min" },
    MAX: { value: "max" },
  } as const,
});

export const SemanticConditionOperatorEnum = builder.enumType("SemanticConditionOperator", {
  values: {
    EQ: { value: "=" },
    NE: { value: "!=" },
    GT: { value: ">" },
    GTE: { value: ">=" },
    LT: { value: "<" },
    LTE: { value: "<=" },
    IN: { value: "in", description: "One of the values." },
    NOT_IN: { value: "not_in", description: "None of the values." },
    IS_NULL: { value: "is_null", description: "Takes no values." },
    NOT_NULL: { value: "not_null", description: "Takes no values." },
    CONTAINS: { value: "contains", description: "Text contains the value (case-insensitive)." },
  } as const,
});

const EntityKindEnum = builder.enumType("SemanticEntityKind", { values: { TABLE: { value: "table" }, VIEW: { value: "view" } } as const });
const MetricOriginEnum = builder.enumType("SemanticMetricOrigin", {
  values: {
    GENERATED: { value: "generated", description: "Derived from the tables; rebuilt on refresh." },
    USER: { value: "user", description: "Added or changed by a person; kept across refreshes." },
  } as const,
});
const GlossaryTargetKindEnum = builder.enumType("SemanticGlossaryTargetKind", {
  values: { METRIC: { value: "metric" }, ENTITY: { value: "entity" }, FIELD: { value: "field" }, FILTER: { value: "filter" } } as const,
});

const valuesOf = (c: Condition): string[] => (c.value === undefined ? [] : (Array.isArray(c.value) ? c.value : [c.value]).map(String));

const ConditionRef = builder.objectRef<Condition>("SemanticCondition").implement({
  description: "A filter on one field of an entity.",
  fields: (t) => ({
    field: t.exposeString("field"),
    op: t.field({ type: SemanticConditionOperatorEnum, resolve: (c) => c.op }),
    values: t.stringList({ description: "Text forms of the values (none for IS_NULL/NOT_NULL, several for IN/NOT_IN).", resolve: valuesOf }),
  }),
});

const FieldRef = builder.objectRef<Field>("SemanticField").implement({
  description: "A column of an entity and what it means.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "Column name in the database." }),
    label: t.exposeString("label"),
    role: t.field({ type: SemanticFieldRoleEnum, resolve: (f) => f.role }),
    type: t.exposeString("type", { description: "Portable type: integer, decimal, text, date, timestamp, boolean, ..." }),
    dbType: t.exposeString("dbType"),
    nullable: t.exposeBoolean("nullable"),
    aggregation: t.field({ type: SemanticAggregationEnum, nullable: true, description: "Default aggregate of a measure.", resolve: (f) => f.aggregation ?? null }),
    money: t.boolean({ resolve: (f) => f.money ?? false }),
    flag: t.boolean({ description: "Holds yes/no values.", resolve: (f) => f.flag ?? false }),
    synonyms: t.exposeStringList("synonyms", { description: "Generated words for this field." }),
    extraSynonyms: t.exposeStringList("extraSynonyms", { description: "Words people added (setSynonyms); kept across refreshes." }),
    description: t.exposeString("description", { nullable: true }),
    sampleValues: t.stringList({ description: "Sampled distinct values, used to link words in questions to filters.", resolve: (f) => f.values ?? [] }),
    distinctCount: t.int({ nullable: true, resolve: (f) => (typeof f.distinct === "number" && Number.isSafeInteger(f.distinct) && f.distinct <= 2 ** 31 - 1 ? f.distinct : null) }),
    min: t.string({ nullable: true, description: "Smallest value of a date or number, as text.", resolve: (f) => f.min ?? null }),
    max: t.string({ nullable: true, resolve: (f) => f.max ?? null }),
  }),
});

const EntityRef = builder.objectRef<Entity>("SemanticEntity").implement({
  description: "A table or view and what it means.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "Id used everywhere in the model (the table name; schema.table when it repeats)." }),
    label: t.exposeString("label"),
    schema: t.exposeString("schema"),
    table: t.exposeString("table"),
    kind: t.field({ type: EntityKindEnum, resolve: (e) => e.kind }),
    description: t.exposeString("description", { nullable: true }),
    synonyms: t.exposeStringList("synonyms"),
    extraSynonyms: t.exposeStringList("extraSynonyms"),
    rowCount: t.exposeFloat("rowCount", { description: "Estimated rows at the last refresh." }),
    primaryKey: t.exposeStringList("primaryKey"),
    primaryKeyInferred: t.boolean({
      description: "The database declares no primary key; this one was found unique and non-null in the data.",
      resolve: (e) => e.primaryKeyInferred === true,
    }),
    labelFields: t.exposeStringList("labelFields", { description: "Columns that name one row." }),
    defaultTimeField: t.exposeString("defaultTimeField", { nullable: true }),
    bridge: t.exposeBoolean("bridge", { description: "A pure link table between two entities." }),
    fields: t.field({ type: [FieldRef], resolve: (e) => e.fields }),
  }),
});

const JoinRuleEnum = builder.enumType("SemanticJoinRule", {
  values: {
    NAMES_TABLE: { value: "names_table", description: "The column names the referenced table (`customer_id` → `customers`)." },
    SAME_NAME_AS_KEY: { value: "same_name_as_key", description: "The column is named like the referenced table's key." },
    SHARED_NAME: { value: "shared_name", description: "Both columns share a specific name (`city_name`) and are unique on the referenced side." },
  } as const,
});

const JoinEvidenceRef = builder.objectRef<ReferenceEvidence>("SemanticJoinEvidence").implement({
  description: "What an inferred join rests on.",
  fields: (t) => ({
    rule: t.field({ type: JoinRuleEnum, resolve: (e) => e.rule }),
    containment: t.exposeFloat("containment", {
      nullable: true,
      description: "Share (0–1) of the sampled distinct values of `fromColumns` found in `toColumns`; null when there was nothing to sample.",
    }),
    sampled: t.exposeInt("sampled", { description: "Distinct values checked." }),
  }),
});

const JoinRef = builder.objectRef<Join>("SemanticJoin").implement({
  description: "A many-to-one reference: `from` rows point at one `to` row.",
  fields: (t) => ({
    name: t.exposeString("name"),
    from: t.exposeString("from"),
    fromColumns: t.exposeStringList("fromColumns"),
    to: t.exposeString("to"),
    toColumns: t.exposeStringList("toColumns"),
    inferred: t.exposeBoolean("inferred", { description: "Guessed from names, types and values, not a declared foreign key (see `evidence`)." }),
    evidence: t.field({ type: JoinEvidenceRef, nullable: true, resolve: (j) => j.evidence ?? null }),
    confirmed: t.boolean({ description: "An inferred join someone confirmed.", resolve: (j) => j.confirmed === true }),
    userDefined: t.boolean({ description: "Added or edited by a user; kept on refresh.", resolve: (j) => j.origin === "user" }),
  }),
});

const MetricRef = builder.objectRef<Metric>("SemanticMetric").implement({
  description: "A named SQL aggregate over one entity's columns.",
  fields: (t) => ({
    name: t.exposeString("name"),
    label: t.exposeString("label"),
    entity: t.exposeString("entity"),
    expression: t.exposeString("expression"),
    description: t.exposeString("description", { nullable: true }),
    synonyms: t.exposeStringList("synonyms"),
    origin: t.field({ type: MetricOriginEnum, resolve: (m) => m.origin }),
  }),
});

const GlossaryTargetRef = builder.objectRef<GlossaryTarget>("SemanticGlossaryTarget").implement({
  description: "What a glossary term stands for: a metric, an entity, a field, or a filter (only the fields of its kind are set).",
  fields: (t) => ({
    kind: t.field({ type: GlossaryTargetKindEnum, resolve: (g) => g.kind }),
    metric: t.string({ nullable: true, resolve: (g) => (g.kind === "metric" ? g.metric : null) }),
    entity: t.string({ nullable: true, resolve: (g) => (g.kind === "metric" ? null : g.entity) }),
    field: t.string({ nullable: true, resolve: (g) => (g.kind === "field" ? g.field : null) }),
    condition: t.field({ type: ConditionRef, nullable: true, resolve: (g) => (g.kind === "filter" ? g.condition : null) }),
  }),
});

const GlossaryTermRef = builder.objectRef<GlossaryTerm>("SemanticGlossaryTerm").implement({
  description: "A business word and what it stands for.",
  fields: (t) => ({
    term: t.exposeString("term"),
    synonyms: t.exposeStringList("synonyms"),
    definition: t.exposeString("definition"),
    maps: t.field({ type: GlossaryTargetRef, resolve: (g) => g.maps }),
  }),
});

const DefaultFilterRef = builder.objectRef<DefaultFilter>("SemanticDefaultFilter").implement({
  description: "A filter applied whenever its entity is queried (unless the question filters that column itself).",
  fields: (t) => ({
    entity: t.exposeString("entity"),
    condition: t.field({ type: ConditionRef, resolve: (f) => f.condition }),
    description: t.exposeString("description", { nullable: true }),
  }),
});

const RulesRef = builder.objectRef<StoredModel["model"]["rules"]>("SemanticRules").implement({
  fields: (t) => ({
    fiscalYearStartMonth: t.exposeInt("fiscalYearStartMonth", { description: "1–12; 1 = calendar year." }),
    defaultFilters: t.field({ type: [DefaultFilterRef], resolve: (r) => r.defaultFilters }),
  }),
});

const VerifiedQueryRef = builder.objectRef<VerifiedQuery>("SemanticVerifiedQuery").implement({
  description: "A question answered with this SQL, verbatim, when asked again (ignoring case and punctuation).",
  fields: (t) => ({
    question: t.exposeString("question"),
    sql: t.exposeString("sql"),
    note: t.exposeString("note", { nullable: true }),
  }),
});

export const SemanticModelRef = builder.objectRef<StoredModel>("SemanticModel").implement({
  description: "What a data source's tables mean, how they join, and what people added. See server/src/semantic/README.md.",
  fields: (t) => ({
    version: t.exposeInt("version", { description: "Raised by every saved edit or refresh." }),
    generatedAt: t.field({ type: "DateTime", resolve: (s) => s.model.generatedAt }),
    entities: t.field({ type: [EntityRef], resolve: (s) => s.model.entities }),
    joins: t.field({ type: [JoinRef], resolve: (s) => s.model.joins }),
    metrics: t.field({ type: [MetricRef], resolve: (s) => s.model.metrics }),
    glossary: t.field({ type: [GlossaryTermRef], resolve: (s) => s.model.glossary }),
    rules: t.field({ type: RulesRef, resolve: (s) => s.model.rules }),
    verifiedQueries: t.field({ type: [VerifiedQueryRef], resolve: (s) => s.model.verifiedQueries }),
    yaml: t.string({ description: "The whole model as YAML (export); importSemanticModel takes it back.", resolve: (s) => semanticModelToYaml(s.model) }),
  }),
});

export const SemanticModelVersionRef = builder.simpleObject("SemanticModelVersion", {
  description: "One stored version of a semantic model.",
  fields: (t) => ({
    version: t.int(),
    note: t.string({ description: "What changed: bootstrapped, refreshed, an edit, an import, a restore." }),
    createdAt: t.field({ type: "DateTime" }),
    current: t.boolean({ description: "The version questions are answered with." }),
  }),
});
