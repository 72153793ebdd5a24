import { parse, stringify, YAMLParseError } from "yaml";
import type { SemanticModel } from "./types.ts";
import { validateSemanticModel } from "./validate.ts";

export class SemanticModelYamlError extends Error {
  readonly code = "SEMANTIC_MODEL_YAML_INVALID";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "SemanticModelYamlError";
  }
}

/** YAML text of a model; `semanticModelFromYaml` gives back an equal model. */
export function semanticModelToYaml(model: SemanticModel): string {
  // lineWidth 0: never fold long strings, so SQL and expressions round-trip untouched.
  return stringify(model, { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Reads a model from YAML and validates its shape and references; throws
 * SemanticModelYamlError, SemanticModelInvalidError or SemanticModelReferenceError.
 */
export function semanticModelFromYaml(text: string): SemanticModel {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : "";
    throw new SemanticModelYamlError(`The YAML could not be read${where}: ${(error as Error).message}`, { cause: error });
  }
  return validateSemanticModel(data);
}
