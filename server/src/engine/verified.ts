import type { SemanticModel } from "../semantic/types.ts";
import { emptySpec, type QuerySpec } from "./spec.ts";

export function normalizeQuestion(q: string): string {
  return q
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** A verified query whose question matches this one (ignoring case and punctuation), as a spec. */
export function verifiedSpec(model: SemanticModel, question: string): QuerySpec | undefined {
  const q = normalizeQuestion(question);
  const hit = model.verifiedQueries.find((v) => normalizeQuestion(v.question) === q);
  if (!hit) return undefined;
  const lower = hit.sql.toLowerCase();
  const entity = model.entities.find((e) => new RegExp(`\\b${e.table.toLowerCase().replace(/[^a-z0-9_]/g, "")}\\b`).test(lower)) ?? model.entities[0];
  return { ...emptySpec(entity?.name ?? ""), verifiedSql: hit.sql };
}
