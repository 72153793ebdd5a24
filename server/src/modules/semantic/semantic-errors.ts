import { YAMLParseError } from "yaml";
import { AppError } from "../../errors.ts";
import { MetricExpressionError } from "../../semantic/expression.ts";
import { SemanticModelInvalidError, SemanticModelReferenceError } from "../../semantic/validate.ts";
import { SemanticModelYamlError } from "../../semantic/yaml.ts";
import { SemanticEditError } from "./edits.ts";
import { MetricColumnsError } from "./source-checks.ts";

/** Codes of semantic model edits, registered so they reach clients typed (with `details`). */
export const semanticErrorCodes = {
  SEMANTIC_MODEL_INVALID: "The semantic model does not have the expected shape; `details.issues` lists where.",
  SEMANTIC_MODEL_UNKNOWN_REFERENCES: "The semantic model names tables, columns, entities, fields or metrics that do not exist; `details.problems` lists them.",
  SEMANTIC_MODEL_YAML_INVALID: "The YAML text could not be read; `details.line` says where.",
  SEMANTIC_MODEL_CONFLICT: "The semantic model changed since the version the edit was based on.",
  METRIC_EXPRESSION_INVALID: "A metric expression does not parse, is not an aggregate, or uses something not allowed.",
  METRIC_UNKNOWN_COLUMNS: "A metric expression names columns its entity does not have; `details.columns` lists them.",
};

/**
 * The typed API error for a failure of the semantic layer, carrying the list
 * of problems in `extensions.details`; anything else is returned unchanged.
 */
export function toSemanticApiError(error: unknown): unknown {
  if (error instanceof SemanticModelReferenceError) {
    return new AppError(error.code, error.message, {
      details: { problems: error.problems },
      hint: "Fix or remove what points at objects that do not exist; refresh the data source if its tables changed.",
    });
  }
  if (error instanceof SemanticModelInvalidError) {
    return new AppError(error.code, error.message, { details: { issues: error.issues }, hint: "See server/src/semantic/README.md for the format." });
  }
  if (error instanceof SemanticModelYamlError) {
    const cause = error.cause;
    const line = cause instanceof YAMLParseError && cause.linePos ? cause.linePos[0].line : undefined;
    return new AppError(error.code, error.message, { details: line ? { line } : undefined, hint: "Check indentation and quoting around that line." });
  }
  if (error instanceof MetricColumnsError) {
    return new AppError(error.code, error.message, { details: error.details, hint: "Use the entity's own column names (see its fields)." });
  }
  if (error instanceof MetricExpressionError) {
    return new AppError(error.code, error.message, { hint: "Write one SQL aggregate over the entity's columns, e.g. sum(price * quantity)." });
  }
  if (error instanceof SemanticEditError) {
    return new AppError(error.code, error.message, { details: error.details });
  }
  return error;
}
