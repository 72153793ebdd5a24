import { beyondExact, datePrefixValid } from "../../engine/literals.ts";
import { normalizeQuestion } from "../../engine/verified.ts";
import type {
  Condition,
  ConditionOp,
  ConditionValue,
  DefaultFilter,
  Entity,
  Field,
  GlossaryTarget,
  SemanticModel,
} from "../../semantic/types.ts";
import { SemanticModelReferenceError } from "../../semantic/validate.ts";

/**
 * Edits of a semantic model, as pure functions: each changes the model it is
 * given (a copy the caller owns) and returns a one-line note for the version
 * history. Whole-model checks (shape, references) run afterwards in the editor.
 */

/** A request that names nothing in the model or carries values that do not fit. */
export class SemanticEditError extends Error {
  constructor(
    readonly code: "BAD_USER_INPUT" | "NOT_FOUND",
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "SemanticEditError";
  }
}

export interface ConditionInput {
  field: string;
  op: ConditionOp;
  /** Text forms; converted to the field's type (numbers, booleans). */
  values?: readonly string[] | null;
}

export interface MetricInput {
  name: string;
  label?: string | null;
  entity: string;
  expression: string;
  description?: string | null;
  synonyms?: readonly string[] | null;
}

export type GlossaryTargetInput =
  | { kind: "metric"; metric: string }
  | { kind: "entity"; entity: string }
  | { kind: "field"; entity: string; field: string }
  | { kind: "filter"; entity: string; condition: ConditionInput };

export interface GlossaryTermInput {
  term: string;
  synonyms?: readonly string[] | null;
  definition?: string | null;
  maps: GlossaryTargetInput;
}

export interface DefaultFilterInput {
  entity: string;
  condition: ConditionInput;
  description?: string | null;
}

const unknown = (path: string, target: string, message: string) => new SemanticModelReferenceError([{ path, target, message }]);

function entityOf(model: SemanticModel, name: string, path: string): Entity {
  const entity = model.entities.find((e) => e.name === name);
  if (!entity) throw unknown(path, name, "unknown entity");
  return entity;
}

function fieldOf(entity: Entity, name: string, path: string): Field {
  const field = entity.fields.find((f) => f.name === name);
  if (!field) throw unknown(path, `${entity.name}.${name}`, "unknown field");
  return field;
}

/** Trimmed, single-spaced, without case-insensitive repeats. */
export function cleanWords(words: readonly string[] | null | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const word of words ?? []) {
    const w = word.trim().replace(/\s+/g, " ");
    if (!w || seen.has(w.toLowerCase())) continue;
    seen.add(w.toLowerCase());
    out.push(w);
  }
  return out;
}

const numericTypes = new Set(["integer", "bigint", "decimal", "float"]);
const dateTypes = new Set(["date", "timestamp"]);

function convertValue(field: Field, text: string, path: string): ConditionValue {
  if (numericTypes.has(field.type)) {
    const n = Number(text.trim());
    if (text.trim() === "" || !Number.isFinite(n)) throw new SemanticEditError("BAD_USER_INPUT", `${path}: “${text}” is not a number (${field.name} is ${field.type}).`, { path });
    if (beyondExact(n)) throw new SemanticEditError("BAD_USER_INPUT", `${path}: “${text}” is too large a number to compare exactly (${field.name} is ${field.type}).`, { path });
    return n;
  }
  if (dateTypes.has(field.type) && !datePrefixValid(text)) {
    throw new SemanticEditError("BAD_USER_INPUT", `${path}: “${text}” is not a date in the calendar (${field.name} is ${field.type}).`, { path });
  }
  if (field.type === "boolean") {
    const t = text.trim().toLowerCase();
    if (["true", "yes", "1"].includes(t)) return true;
    if (["false", "no", "0"].includes(t)) return false;
    throw new SemanticEditError("BAD_USER_INPUT", `${path}: “${text}” is not true or false (${field.name} is boolean).`, { path });
  }
  return text;
}

/** A stored condition from its input: values typed by the field, as many as the operator takes. */
export function toCondition(model: SemanticModel, entityName: string, input: ConditionInput, path: string): Condition {
  const field = fieldOf(entityOf(model, entityName, `${path}.entity`), input.field, `${path}.field`);
  const values = (input.values ?? []).map((v, i) => convertValue(field, v, `${path}.values[${i}]`));
  const arity = (message: string) => new SemanticEditError("BAD_USER_INPUT", `${path}: ${message}`, { path, op: input.op });
  if (input.op === "is_null" || input.op === "not_null") {
    if (values.length) throw arity(`${input.op} takes no values.`);
    return { field: field.name, op: input.op };
  }
  if (input.op === "in" || input.op === "not_in") {
    if (!values.length) throw arity(`${input.op} needs at least one value.`);
    return { field: field.name, op: input.op, value: values };
  }
  if (values.length !== 1) throw arity(`${input.op} takes exactly one value.`);
  return { field: field.name, op: input.op, value: values[0]! };
}

export function setSynonyms(model: SemanticModel, target: { entity: string; field?: string | null }, synonyms: readonly string[]): string {
  const entity = entityOf(model, target.entity, "entity");
  const words = cleanWords(synonyms);
  if (target.field) {
    fieldOf(entity, target.field, "field").extraSynonyms = words;
    return `Synonyms of ${entity.name}.${target.field} set`;
  }
  entity.extraSynonyms = words;
  return `Synonyms of ${entity.name} set`;
}

const labelFrom = (name: string) => {
  const words = name.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Adds a user metric or replaces the one of the same name (a generated one becomes the user's). */
export function upsertMetric(model: SemanticModel, input: MetricInput): string {
  entityOf(model, input.entity, "metric.entity");
  const metric = {
    name: input.name.trim(),
    label: input.label?.trim() || labelFrom(input.name),
    synonyms: cleanWords(input.synonyms),
    entity: input.entity,
    expression: input.expression.trim(),
    description: input.description?.trim() || null,
    origin: "user" as const,
  };
  const at = model.metrics.findIndex((m) => m.name === metric.name);
  if (at >= 0) model.metrics[at] = metric;
  else model.metrics.push(metric);
  return `Metric ${metric.name} ${at >= 0 ? "updated" : "added"}`;
}

export function deleteMetric(model: SemanticModel, name: string): string {
  const before = model.metrics.length;
  model.metrics = model.metrics.filter((m) => m.name !== name);
  if (model.metrics.length === before) throw new SemanticEditError("NOT_FOUND", `Metric “${name}” not found.`);
  return `Metric ${name} deleted`;
}

function toTarget(model: SemanticModel, input: GlossaryTargetInput): GlossaryTarget {
  switch (input.kind) {
    case "metric":
      if (!model.metrics.some((m) => m.name === input.metric)) throw unknown("maps.metric", input.metric, "unknown metric");
      return { kind: "metric", metric: input.metric };
    case "entity":
      entityOf(model, input.entity, "maps.entity");
      return { kind: "entity", entity: input.entity };
    case "field":
      fieldOf(entityOf(model, input.entity, "maps.field.entity"), input.field, "maps.field.field");
      return { kind: "field", entity: input.entity, field: input.field };
    case "filter":
      return { kind: "filter", entity: input.entity, condition: toCondition(model, input.entity, input.condition, "maps.filter.condition") };
  }
}

const sameTerm = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Adds a glossary term or replaces the one with the same term (ignoring case). */
export function upsertGlossaryTerm(model: SemanticModel, input: GlossaryTermInput): string {
  const term = {
    term: input.term.trim().replace(/\s+/g, " "),
    synonyms: cleanWords(input.synonyms).filter((s) => !sameTerm(s, input.term)),
    definition: input.definition?.trim() ?? "",
    maps: toTarget(model, input.maps),
  };
  const at = model.glossary.findIndex((g) => sameTerm(g.term, term.term));
  if (at >= 0) model.glossary[at] = term;
  else model.glossary.push(term);
  return `Glossary term “${term.term}” ${at >= 0 ? "updated" : "added"}`;
}

export function deleteGlossaryTerm(model: SemanticModel, term: string): string {
  const before = model.glossary.length;
  model.glossary = model.glossary.filter((g) => !sameTerm(g.term, term));
  if (model.glossary.length === before) throw new SemanticEditError("NOT_FOUND", `Glossary term “${term}” not found.`);
  return `Glossary term “${term.trim()}” deleted`;
}

/** Replaces what is given: the fiscal year start, the default filters, or both. */
export function setBusinessRules(
  model: SemanticModel,
  input: { fiscalYearStartMonth?: number | null; defaultFilters?: readonly DefaultFilterInput[] | null },
): string {
  const changed: string[] = [];
  if (input.fiscalYearStartMonth !== undefined && input.fiscalYearStartMonth !== null) {
    model.rules.fiscalYearStartMonth = input.fiscalYearStartMonth;
    changed.push(`fiscal year starts in month ${input.fiscalYearStartMonth}`);
  }
  if (input.defaultFilters) {
    model.rules.defaultFilters = input.defaultFilters.map(
      (f, i): DefaultFilter => {
        entityOf(model, f.entity, `defaultFilters[${i}].entity`);
        return { entity: f.entity, condition: toCondition(model, f.entity, f.condition, `defaultFilters[${i}].condition`), description: f.description?.trim() || null };
      },
    );
    changed.push(`${input.defaultFilters.length} default filter${input.defaultFilters.length === 1 ? "" : "s"}`);
  }
  if (!changed.length) throw new SemanticEditError("BAD_USER_INPUT", "Give fiscalYearStartMonth, defaultFilters or both.");
  return `Business rules: ${changed.join(", ")}`;
}

/** Adds a verified query or replaces the one asking the same question (ignoring case and punctuation). */
export function upsertVerifiedQuery(model: SemanticModel, input: { question: string; sql: string; note?: string | null }): string {
  const query = { question: input.question.trim(), sql: input.sql, note: input.note?.trim() || null };
  const key = normalizeQuestion(query.question);
  if (!key) throw new SemanticEditError("BAD_USER_INPUT", "The question has no words.");
  const at = model.verifiedQueries.findIndex((v) => normalizeQuestion(v.question) === key);
  if (at >= 0) model.verifiedQueries[at] = query;
  else model.verifiedQueries.push(query);
  return `Verified query “${query.question}” ${at >= 0 ? "updated" : "added"}`;
}

export function deleteVerifiedQuery(model: SemanticModel, question: string): string {
  const key = normalizeQuestion(question);
  const before = model.verifiedQueries.length;
  model.verifiedQueries = model.verifiedQueries.filter((v) => normalizeQuestion(v.question) !== key);
  if (model.verifiedQueries.length === before) throw new SemanticEditError("NOT_FOUND", `No verified query for “${question.trim()}”.`);
  return `Verified query “${question.trim()}” deleted`;
}

export interface JoinInput {
  /** Omitted: `<from>_<columns>_<to>`. An existing join of this name is replaced. */
  name?: string | null;
  from: string;
  fromColumns: readonly string[];
  to: string;
  toColumns: readonly string[];
}

const numericJoinTypes = new Set(["integer", "bigint", "decimal"]);
const joinable = (a: Field, b: Field) => a.type === b.type || (numericJoinTypes.has(a.type) && numericJoinTypes.has(b.type));

/** Adds a join or replaces the one of the same name; it becomes the user's (declared by them, kept on refresh). */
export function upsertJoin(model: SemanticModel, input: JoinInput): string {
  const from = entityOf(model, input.from, "join.from");
  const to = entityOf(model, input.to, "join.to");
  if (input.fromColumns.length === 0 || input.fromColumns.length !== input.toColumns.length) {
    throw new SemanticEditError("BAD_USER_INPUT", "fromColumns and toColumns must name the same number of columns (at least one).", { path: "join" });
  }
  input.fromColumns.forEach((name, i) => {
    const a = fieldOf(from, name, `join.fromColumns[${i}]`);
    const b = fieldOf(to, input.toColumns[i]!, `join.toColumns[${i}]`);
    if (!joinable(a, b)) {
      throw new SemanticEditError("BAD_USER_INPUT", `${from.name}.${a.name} (${a.type}) cannot be compared with ${to.name}.${b.name} (${b.type}).`, { path: `join.toColumns[${i}]` });
    }
  });
  const name = input.name?.trim() || `${from.name}_${input.fromColumns.join("_")}_${to.name}`;
  const join = { name, from: from.name, fromColumns: [...input.fromColumns], to: to.name, toColumns: [...input.toColumns], inferred: false, origin: "user" as const };
  const at = model.joins.findIndex((j) => j.name === name);
  if (at >= 0) model.joins[at] = join;
  else model.joins.push(join);
  if (model.removedJoins) model.removedJoins = model.removedJoins.filter((n) => n !== name);
  return `Join ${name} ${at >= 0 ? "updated" : "added"}`;
}

function joinOf(model: SemanticModel, name: string) {
  const join = model.joins.find((j) => j.name === name);
  if (!join) throw new SemanticEditError("NOT_FOUND", `Join “${name}” not found.`);
  return join;
}

/** Marks an inferred join as checked: it stays (even when a refresh no longer infers it). */
export function confirmJoin(model: SemanticModel, name: string): string {
  const join = joinOf(model, name);
  if (!join.inferred) throw new SemanticEditError("BAD_USER_INPUT", `Join “${name}” is not inferred: there is nothing to confirm.`, { name });
  join.confirmed = true;
  return `Join ${name} confirmed`;
}

/** Removes a join; a generated one is remembered as removed so that a refresh does not bring it back. */
export function deleteJoin(model: SemanticModel, name: string): string {
  const join = joinOf(model, name);
  model.joins = model.joins.filter((j) => j !== join);
  if (join.origin !== "user") model.removedJoins = [...new Set([...(model.removedJoins ?? []), name])];
  return `Join ${name} removed`;
}
