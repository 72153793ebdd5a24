import type { Field } from "../../semantic/types.ts";
import { joinDistance, referencesUpward } from "../graph.ts";
import { fieldKey, type Entry, type Lexicon, type Target } from "../lexicon/build.ts";
import type { Item } from "../lexicon/segment.ts";
import type { FieldRef } from "../spec.ts";

export type MentionItem = Extract<Item, { kind: "mention" }>;
export type TargetType = Target["type"];

export interface Context {
  lexicon: Lexicon;
  /** The entity the question is about, when known. */
  subject?: string;
  /** Entities named anywhere in the question. */
  mentioned: Set<string>;
  /** Entity explicitly tied to a mention ("price of products", "customer country"). */
  qualifier?: string;
  /** Words of the question near the mention, for value/field tie-breaks ("shipped to Brazil"). */
  nearby?: Set<string>;
  /** The role the caller wants (a measure or a dimension) when a field is picked. */
  want?: "measure" | "dimension" | "time" | "any";
  /** Aggregate the field will get, so unit-level attributes can be preferred for averages. */
  agg?: string;
  /** Columns the conversation already uses (a follow-up's "France" replaces the country filter it had). */
  preferred?: { entity: string; field: string }[];
  /** Columns a value should not land on (the grouping column). */
  avoid?: { entity: string; field: string }[];
}

export function targetEntity(t: Target, lexicon: Lexicon): string | undefined {
  if (t.type === "metric") return lexicon.model.metrics.find((m) => m.name === t.metric)?.entity;
  if (t.type === "glossary") {
    const maps = lexicon.model.glossary[t.index]?.maps;
    if (!maps) return undefined;
    return maps.kind === "metric" ? lexicon.model.metrics.find((m) => m.name === maps.metric)?.entity : maps.entity;
  }
  return t.entity;
}

/** The column naming each row of a table, when its key is a single column ("customer_id"). */
export function keyOf(lexicon: Lexicon, entity: string | undefined): FieldRef | undefined {
  const pk = entity ? lexicon.entities.get(entity)?.primaryKey : undefined;
  return entity && pk?.length === 1 ? { entity, field: pk[0]! } : undefined;
}

export function fieldOf(lexicon: Lexicon, t: Target): Field | undefined {
  if (t.type !== "field" && t.type !== "value") return undefined;
  return lexicon.fields.get(fieldKey(t.entity, t.field));
}

function roleBonus(field: Field | undefined, want: Context["want"]): number {
  if (!field || !want || want === "any") return 0;
  if (want === "measure") return field.role === "measure" ? 0.2 : field.role === "time" ? -0.1 : -0.3;
  if (want === "time") return field.role === "time" ? 0.3 : -0.5;
  return field.role === "dimension" ? 0.1 : field.role === "measure" ? -0.15 : field.role === "attribute" ? -0.05 : 0;
}

/** Scores a candidate target in context: lexicon confidence plus closeness to what the question is about. */
export function scoreTarget(entry: Entry, ctx: Context, others: Entry[]): number {
  const { lexicon } = ctx;
  const entity = targetEntity(entry.target, lexicon);
  let score = entry.score;
  if (!entity) return score;
  if (ctx.qualifier) score += ctx.qualifier === entity ? 0.6 : -0.1 * Math.min(3, joinDistance(lexicon.model, ctx.qualifier, entity));
  if (ctx.subject) {
    // Own columns first: "invoices per country" is the invoice's country, not its customer's.
    const own = entry.target.type === "value" ? 0.25 : ctx.want === "measure" ? 0.3 : 0.5;
    if (ctx.subject === entity) score += own;
    const d = joinDistance(lexicon.model, ctx.subject, entity);
    score -= d === Infinity ? 1 : 0.08 * d;
  }
  if (ctx.mentioned.has(entity) && entity !== ctx.subject) score += 0.15;
  const field = fieldOf(lexicon, entry.target);
  score += roleBonus(field, ctx.want);
  // A table is as good a grouping as a column ("per region" with a region table).
  if (entry.target.type === "entity" && ctx.want === "dimension") score += 0.12;
  if (ctx.nearby && field && (entry.target.type === "value" || entry.target.type === "field")) {
    const words = new Set(field.label.toLowerCase().split(" "));
    for (const w of ctx.nearby) if (words.has(w)) score += 0.2;
  }
  // Same column name on a detail row and on the thing it points at (a line's unit price vs the
  // product's): attributes of the referenced row answer averages and listings, lines answer sums.
  if (ctx.preferred && (entry.target.type === "value" || entry.target.type === "field")) {
    const t = entry.target;
    if (ctx.preferred.some((p) => p.entity === t.entity && p.field === t.field)) score += 0.35;
  }
  // A value that names a row of some table ("AC/DC" the artist) beats the same text in a free-text column.
  if (entry.target.type === "value" && lexicon.entities.get(entry.target.entity)?.labelFields.includes(entry.target.field)) score += 0.5;
  if (ctx.avoid && entry.target.type === "value") {
    const t = entry.target;
    if (ctx.avoid.some((p) => p.entity === t.entity && p.field === t.field)) score -= 0.6;
  }
  if (field?.role === "measure" && entry.target.type === "field") {
    for (const other of others) {
      if (other === entry || other.target.type !== "field" || other.target.field !== entry.target.field) continue;
      const otherEntity = other.target.entity;
      const attribute = ctx.agg !== "sum";
      if (referencesUpward(lexicon.model, otherEntity, entity)) score += attribute ? 0.05 : -0.05;
      if (referencesUpward(lexicon.model, entity, otherEntity)) score += attribute ? -0.05 : 0.05;
    }
  }
  return score;
}

/** Candidates of the allowed types for a mention, best first. */
export function rank(item: MentionItem, types: TargetType[], ctx: Context): { target: Target; score: number }[] {
  const allowed = item.entries.filter((e) => types.includes(e.target.type));
  return allowed.map((entry) => ({ target: entry.target, score: scoreTarget(entry, ctx, allowed) })).sort((a, b) => b.score - a.score);
}

/** The best target of the allowed types for a mention, or undefined. */
export function pick(item: MentionItem, types: TargetType[], ctx: Context): Target | undefined {
  const allowed = item.entries.filter((e) => types.includes(e.target.type));
  let best: { entry: Entry; score: number } | undefined;
  for (const entry of allowed) {
    const score = scoreTarget(entry, ctx, allowed);
    if (!best || score > best.score) best = { entry, score };
  }
  return best?.entry.target;
}

export function has(item: MentionItem, ...types: TargetType[]): boolean {
  return item.entries.some((e) => types.includes(e.target.type));
}

/** Whether every candidate of the mention is of these types. */
export function only(item: MentionItem, ...types: TargetType[]): boolean {
  return item.entries.every((e) => types.includes(e.target.type));
}

export function hasFieldRole(item: MentionItem, lexicon: Lexicon, ...roles: Field["role"][]): boolean {
  return item.entries.some((e) => {
    const f = fieldOf(lexicon, e.target);
    return e.target.type === "field" && f !== undefined && roles.includes(f.role);
  });
}
