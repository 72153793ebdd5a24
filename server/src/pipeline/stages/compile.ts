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

const shownUnread = 8;

/**
 * The explanation, followed by the words of the question the engine did not
 * use: an answer that left part of the question out must say so where the
 * answer is shown, not only in the progress events.
 */
export function withUnreadWords(explanation: string, unread: readonly string[]): string {
  const words = [...new Set(unread)];
  if (words.length === 0) return explanation;
  const listed = words.slice(0, shownUnread).map((w) => `“${w}”`).join(", ");
  const more = words.length > shownUnread ? ` and ${words.length - shownUnread} more` : "";
  return `${explanation} Not used from the question: ${listed}${more} — check that the answer does not depend on ${words.length === 1 ? "it" : "them"}.`;
}

const shownRead = 8;

/** The engine's readings of the question that name data (not the structure words: "how many", "by"). */
const NAMING = /^“(.+)” → (table|column|value|name of|metric|glossary term|time|quoted value)\b(.*)$/;

/**
 * The explanation, followed by what the engine read from the question and
 * what it assumed (a word read as a near spelling of a name): the user sees
 * which words decided the answer, not only what the SQL does.
 */
export function withReading(explanation: string, understood: readonly string[]): string {
  const read: string[] = [];
  const assumed: string[] = [];
  for (const u of understood) {
    const m = NAMING.exec(u);
    if (m) read.push(`“${m[1]}” (${`${m[2]}${m[3]}`.trim()})`);
    const typo = /^read (.+)→(.+)$/.exec(u);
    if (typo) assumed.push(`“${typo[1]}” means “${typo[2]}”`);
  }
  const parts = [explanation];
  if (read.length > 0) parts.push(`Read from the question: ${read.slice(0, shownRead).join(", ")}${read.length > shownRead ? ` and ${read.length - shownRead} more` : ""}.`);
  if (assumed.length > 0) parts.push(`Assumed ${assumed.join(", ")}.`);
  return parts.join(" ");
}

/** What the engine read of the question behind a spec (nothing for a picked option or a refinement). */
export interface SpecReading {
  understood?: readonly string[];
  unread?: readonly string[];
}

/** Spec → SQL through the engine's compiler, then through the same guard as any other SQL. */
export async function compileSpec(spec: QuerySpec, model: SemanticModel, source: { schemas: string[]; snapshot: unknown }, reading: SpecReading = {}): Promise<Compiled> {
  const compiled = compile(spec, model);
  const guarded = await guardSql(compiled.sql, {
    allowedSchemas: source.schemas,
    knownTables: knownTables(source.snapshot as SchemaSnapshot | null),
  });
  return { guarded, explanation: withUnreadWords(withReading(explain(spec, model), reading.understood ?? []), reading.unread ?? []) };
}
