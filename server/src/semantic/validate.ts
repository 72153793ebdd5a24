import { expressionColumns, MetricExpressionError } from "./expression.ts";
import { semanticModelSchema } from "./schema.ts";
import type { Condition, Entity, SemanticModel } from "./types.ts";

export class SemanticModelInvalidError extends Error {
  readonly code = "SEMANTIC_MODEL_INVALID";
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid semantic model: ${issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join("; ")}`);
    this.name = "SemanticModelInvalidError";
  }
}

export interface ReferenceProblem {
  /** Where the bad reference sits, e.g. `metrics[2].entity`. */
  path: string;
  /** What it points at that does not exist, e.g. `orders.amount`. */
  target: string;
  message: string;
}

export class SemanticModelReferenceError extends Error {
  readonly code = "SEMANTIC_MODEL_UNKNOWN_REFERENCES";
  constructor(readonly problems: ReferenceProblem[]) {
    super(`The semantic model refers to unknown objects: ${problems.map((p) => `${p.path} → ${p.target}`).join(", ")}`);
    this.name = "SemanticModelReferenceError";
  }
}

/** Parses untrusted input (JSON or parsed YAML) into a model, or throws SemanticModelInvalidError. */
export function parseSemanticModel(input: unknown): SemanticModel {
  const result = semanticModelSchema.safeParse(input);
  if (!result.success) {
    throw new SemanticModelInvalidError(
      result.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(root)", message: i.message })),
    );
  }
  return result.data;
}

/** Every reference in the model (joins, labels, metrics, glossary, rules) that points at nothing. */
export function findReferenceProblems(model: SemanticModel): ReferenceProblem[] {
  const problems: ReferenceProblem[] = [];
  const entities = new Map<string, Entity>();
  const add = (path: string, target: string, message: string) => problems.push({ path, target, message });

  model.entities.forEach((e, i) => {
    if (entities.has(e.name)) add(`entities[${i}].name`, e.name, "duplicate entity name");
    entities.set(e.name, e);
  });
  const hasField = (entity: string, field: string) => entities.get(entity)?.fields.some((f) => f.name === field) ?? false;
  const checkEntity = (path: string, entity: string) => {
    if (entities.has(entity)) return true;
    add(path, entity, "unknown entity");
    return false;
  };
  const checkField = (path: string, entity: string, field: string) => {
    if (checkEntity(`${path}.entity`, entity) && !hasField(entity, field)) add(path, `${entity}.${field}`, "unknown field");
  };
  const checkCondition = (path: string, entity: string, condition: Condition) => {
    if (checkEntity(`${path}.entity`, entity) && !hasField(entity, condition.field)) {
      add(`${path}.condition.field`, `${entity}.${condition.field}`, "unknown field");
    }
  };

  model.entities.forEach((e, i) => {
    for (const f of e.labelFields) if (!hasField(e.name, f)) add(`entities[${i}].labelFields`, `${e.name}.${f}`, "unknown field");
    if (e.defaultTimeField && !hasField(e.name, e.defaultTimeField)) {
      add(`entities[${i}].defaultTimeField`, `${e.name}.${e.defaultTimeField}`, "unknown field");
    }
  });
  model.joins.forEach((j, i) => {
    if (checkEntity(`joins[${i}].from`, j.from)) {
      for (const c of j.fromColumns) if (!hasField(j.from, c)) add(`joins[${i}].fromColumns`, `${j.from}.${c}`, "unknown field");
    }
    if (checkEntity(`joins[${i}].to`, j.to)) {
      for (const c of j.toColumns) if (!hasField(j.to, c)) add(`joins[${i}].toColumns`, `${j.to}.${c}`, "unknown field");
    }
  });
  const metricNames = new Set<string>();
  model.metrics.forEach((m, i) => {
    if (metricNames.has(m.name)) add(`metrics[${i}].name`, m.name, "duplicate metric name");
    metricNames.add(m.name);
    if (!checkEntity(`metrics[${i}].entity`, m.entity)) return;
    let columns: string[] = [];
    try {
      columns = expressionColumns(m.expression);
    } catch (error) {
      if (error instanceof MetricExpressionError) add(`metrics[${i}].expression`, m.expression, error.message);
      else throw error;
    }
    for (const c of columns) {
      if (!entities.get(m.entity)!.fields.some((f) => f.name.toLowerCase() === c.toLowerCase())) {
        add(`metrics[${i}].expression`, `${m.entity}.${c}`, "unknown field");
      }
    }
  });
  model.glossary.forEach((g, i) => {
    const path = `glossary[${i}].maps`;
    const t = g.maps;
    if (t.kind === "metric" && !metricNames.has(t.metric)) add(`${path}.metric`, t.metric, "unknown metric");
    if (t.kind === "entity") checkEntity(`${path}.entity`, t.entity);
    if (t.kind === "field") checkField(`${path}.field`, t.entity, t.field);
    if (t.kind === "filter") checkCondition(path, t.entity, t.condition);
  });
  model.rules.defaultFilters.forEach((r, i) => checkCondition(`rules.defaultFilters[${i}]`, r.entity, r.condition));
  return problems;
}

/** Parses and checks a model; throws a typed error listing every problem. */
export function validateSemanticModel(input: unknown): SemanticModel {
  const model = parseSemanticModel(input);
  const problems = findReferenceProblems(model);
  if (problems.length > 0) throw new SemanticModelReferenceError(problems);
  return model;
}
