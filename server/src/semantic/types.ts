import type { ReferenceEvidence, ValueType } from "../sql/snapshot.ts";

/**
 * The semantic model of one data source: what the tables mean, how they join,
 * and what users added (metrics, glossary, rules, synonyms, verified queries).
 * Plain JSON: stored in the SemanticModel table, edited over GraphQL, exported
 * as YAML. Generated parts are rebuilt on refresh; user parts are kept.
 */
export const SEMANTIC_MODEL_FORMAT = 1;

export type Aggregation = "count" | "count_distinct" | "sum" | "avg" | "min" | "max";

export type FieldRole =
  /** Primary key column. */
  | "id"
  /** Column that references another entity. */
  | "foreign_key"
  /** Categorical or boolean column to group and filter by. */
  | "dimension"
  /** Date or timestamp column. */
  | "time"
  /** Numeric column that makes sense to aggregate. */
  | "measure"
  /** Shown when listing rows, never grouped (free text, binary, json). */
  | "attribute";

export interface Field {
  /** Column name in the database. */
  name: string;
  label: string;
  role: FieldRole;
  type: ValueType;
  dbType: string;
  nullable: boolean;
  /** Generated words and phrases that refer to this field. */
  synonyms: string[];
  /** Words users added. Kept across refreshes. */
  extraSynonyms: string[];
  description: string | null;
  /** Default aggregation of a measure. */
  aggregation?: Aggregation;
  /** Looks like an amount of money (price, total, freight...). */
  money?: boolean;
  /** Holds yes/no values (boolean, or an integer 0/1 flag). */
  flag?: boolean;
  /** Sampled distinct values, for linking words in questions to filters. */
  values?: string[];
  distinct?: number | null;
  /** Range of a time field, ISO text. */
  min?: string | null;
  max?: string | null;
}

export interface Entity {
  /** Stable id, the table name (qualified as `schema.table` when needed to be unique). */
  name: string;
  schema: string;
  table: string;
  kind: "table" | "view";
  label: string;
  synonyms: string[];
  extraSynonyms: string[];
  description: string | null;
  primaryKey: string[];
  /** The database declares no primary key: this column was found unique and non-null in the data. */
  primaryKeyInferred?: boolean;
  rowCount: number;
  /** Columns that name one row (e.g. `name`, or `first_name` + `last_name`). */
  labelFields: string[];
  /** Time field used for "per month", "in 2024" when the question names none. */
  defaultTimeField: string | null;
  /** A pure link table between two entities (composite key of references, nothing else). */
  bridge: boolean;
  fields: Field[];
}

/** A many-to-one reference: `from` rows point at one `to` row. */
export interface Join {
  name: string;
  from: string;
  fromColumns: string[];
  to: string;
  toColumns: string[];
  /** Not declared in the database: guessed from names, types and values (see `evidence`). */
  inferred: boolean;
  /** What the guess rests on. */
  evidence?: ReferenceEvidence;
  /** An inferred join someone checked and kept; kept as is on refresh. */
  confirmed?: boolean;
  /** Added or edited by a user: kept on refresh, replacing any generated join of the same name. */
  origin?: "user";
}

/** A named SQL aggregate over one entity's columns, e.g. `sum(unit_price * quantity)`. */
export interface Metric {
  name: string;
  label: string;
  synonyms: string[];
  entity: string;
  expression: string;
  description: string | null;
  /** `generated` metrics are rebuilt on refresh; `user` metrics are kept. */
  origin: "generated" | "user";
}

export type ConditionOp = "=" | "!=" | ">" | ">=" | "<" | "<=" | "in" | "not_in" | "is_null" | "not_null" | "contains";

export type ConditionValue = string | number | boolean;

/** A filter on one field of an entity, as stored in rules and glossary terms. */
export interface Condition {
  field: string;
  op: ConditionOp;
  value?: ConditionValue | ConditionValue[];
}

export type GlossaryTarget =
  | { kind: "metric"; metric: string }
  | { kind: "field"; entity: string; field: string }
  | { kind: "entity"; entity: string }
  | { kind: "filter"; entity: string; condition: Condition };

export interface GlossaryTerm {
  term: string;
  synonyms: string[];
  definition: string;
  maps: GlossaryTarget;
}

export interface DefaultFilter {
  entity: string;
  condition: Condition;
  description: string | null;
}

export interface Rules {
  /** Month (1–12) the fiscal year starts in; 1 = calendar year. */
  fiscalYearStartMonth: number;
  /** Filters applied whenever the entity is queried. */
  defaultFilters: DefaultFilter[];
}

export interface VerifiedQuery {
  question: string;
  sql: string;
  note: string | null;
}

export interface SemanticModel {
  format: typeof SEMANTIC_MODEL_FORMAT;
  /** Revision, raised by each saved edit or refresh. */
  version: number;
  dialect: "postgres";
  generatedAt: string;
  entities: Entity[];
  joins: Join[];
  /** Names of generated joins a user removed: a refresh does not bring them back. */
  removedJoins?: string[];
  metrics: Metric[];
  glossary: GlossaryTerm[];
  rules: Rules;
  verifiedQueries: VerifiedQuery[];
}
