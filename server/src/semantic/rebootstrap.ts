import { bootstrapSemanticModel } from "./bootstrap.ts";
import type { SchemaSnapshot } from "../sql/snapshot.ts";
import type { SemanticModel } from "./types.ts";
import { findReferenceProblems } from "./validate.ts";

export interface RebootstrapResult {
  model: SemanticModel;
  /** User edits that were dropped because what they pointed at is gone. */
  dropped: string[];
}

/**
 * Rebuilds the generated parts of a model from a fresh snapshot and carries
 * over the user's edits (metrics, glossary, rules, synonyms, verified
 * queries, fiscal year, joins added, confirmed or removed) whose targets still exist. The version goes up by one.
 */
export function rebootstrapSemanticModel(previous: SemanticModel, snapshot: SchemaSnapshot): RebootstrapResult {
  const fresh = bootstrapSemanticModel(snapshot);
  const dropped: string[] = [];
  const entities = new Map(fresh.entities.map((e) => [e.name, e]));

  for (const old of previous.entities) {
    const entity = entities.get(old.name);
    const edited = old.extraSynonyms.length > 0 || old.fields.some((f) => f.extraSynonyms.length > 0);
    if (!entity) {
      if (edited) dropped.push(`synonyms of ${old.name} (table gone)`);
      continue;
    }
    entity.extraSynonyms = [...old.extraSynonyms];
    for (const oldField of old.fields) {
      if (oldField.extraSynonyms.length === 0) continue;
      const field = entity.fields.find((f) => f.name === oldField.name);
      if (field) field.extraSynonyms = [...oldField.extraSynonyms];
      else dropped.push(`synonyms of ${old.name}.${oldField.name} (column gone)`);
    }
  }

  carryJoins(previous, fresh, dropped);

  const userMetrics = previous.metrics.filter((m) => m.origin === "user");
  // A user metric replaces a generated one of the same name.
  fresh.metrics = [...fresh.metrics.filter((m) => !userMetrics.some((u) => u.name === m.name)), ...userMetrics];
  fresh.glossary = previous.glossary.map((g) => ({ ...g }));
  fresh.rules = {
    fiscalYearStartMonth: previous.rules.fiscalYearStartMonth,
    defaultFilters: previous.rules.defaultFilters.map((r) => ({ ...r })),
  };
  fresh.verifiedQueries = previous.verifiedQueries.map((q) => ({ ...q }));

  // Drop whatever now points at nothing, repeating because a dropped metric can orphan a glossary term.
  for (;;) {
    const problems = findReferenceProblems(fresh).filter((p) => /^(metrics|glossary|rules)/.test(p.path));
    if (problems.length === 0) break;
    const bad = new Set(problems.map((p) => p.path.match(/^(metrics|glossary|rules\.defaultFilters)\[(\d+)\]/)?.[0] ?? ""));
    const keep = <T>(list: T[], prefix: string, describe: (item: T) => string) =>
      list.filter((item, i) => {
        if (!bad.has(`${prefix}[${i}]`)) return true;
        dropped.push(describe(item));
        return false;
      });
    const before = dropped.length;
    fresh.metrics = keep(fresh.metrics, "metrics", (m) => `metric ${m.name}`);
    fresh.glossary = keep(fresh.glossary, "glossary", (g) => `glossary term ${g.term}`);
    fresh.rules.defaultFilters = keep(fresh.rules.defaultFilters, "rules.defaultFilters", (r) => `default filter on ${r.entity}.${r.condition.field}`);
    if (dropped.length === before) break;
  }

  fresh.version = previous.version + 1;
  return { model: fresh, dropped };
}

/** Joins the user added, edited or confirmed are kept (when their columns still exist); removed ones stay removed. */
function carryJoins(previous: SemanticModel, fresh: SemanticModel, dropped: string[]): void {
  const removed = new Set(previous.removedJoins ?? []);
  fresh.joins = fresh.joins.filter((j) => !removed.has(j.name));
  if (removed.size > 0) fresh.removedJoins = [...removed];
  const entities = new Map(fresh.entities.map((e) => [e.name, e]));
  const exists = (entity: string, columns: string[]) => columns.every((c) => entities.get(entity)?.fields.some((f) => f.name === c));
  for (const old of previous.joins) {
    if (old.origin !== "user" && !old.confirmed) continue;
    if (!exists(old.from, old.fromColumns) || !exists(old.to, old.toColumns)) {
      dropped.push(`join ${old.name} (columns gone)`);
      continue;
    }
    const at = fresh.joins.findIndex((j) => j.name === old.name);
    if (at >= 0) fresh.joins[at] = { ...old };
    else fresh.joins.push({ ...old });
  }
}
