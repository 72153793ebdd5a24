import { compile } from "../../engine/compile/compile.ts";
import { explain } from "../../engine/explain.ts";
import type { QuerySpec } from "../../engine/spec.ts";
import type { SemanticModel } from "../../semantic/types.ts";
import { guardSql, type GuardedSql } from "../../sql/guard/guard.ts";
import type { SchemaSnapshot } from "../../sql/snapshot.ts";

export interface Compiled {
  guarded: GuardedSql;
  explanation: string;
}

/** Tables the data source has, as the guard wants them ("schema.table"). */
export function knownTables(snapshot: SchemaSnapshot | null): Set<string> | undefined {
  return snapshot ? new Set(snapshot.tables.map((t) => `${t.schema}.${t.name}`)) : undefined;
}

/** Spec → SQL through the engine's compiler, then through the same guard as any other SQL. */
export async function compileSpec(spec: QuerySpec, model: SemanticModel, source: { schemas: string[]; snapshot: unknown }): Promise<Compiled> {
  const compiled = compile(spec, model);
  const guarded = await guardSql(compiled.sql, {
    allowedSchemas: source.schemas,
    knownTables: knownTables(source.snapshot as SchemaSnapshot | null),
  });
  return { guarded, explanation: explain(spec, model) };
}
