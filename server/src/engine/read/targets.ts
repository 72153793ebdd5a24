import type { Lexicon, Target } from "../lexicon/build.ts";
import type { Dimension, FieldRef, Measure, TimeGrain } from "../spec.ts";
import { primaryMeasure } from "./measures.ts";
import { fieldOf, pick, type Context, type MentionItem } from "./resolve.ts";

/**
 * Turns mentions into spec parts once the subject is known, each for the role
 * the question gives it: something to count, to aggregate, to group by.
 */
export class Targets {
  constructor(
    readonly lexicon: Lexicon,
    readonly qualifiers: Map<MentionItem, MentionItem>,
    readonly mentioned: Set<string>,
    readonly nearbyOf: (item: MentionItem) => Set<string>,
  ) {}

  subject?: string;
  /** Columns of the previous answer, preferred when a follow-up names a value or column again. */
  preferred: FieldRef[] = [];

  ctx(item: MentionItem, want: Context["want"], agg?: string): Context {
    const q = this.qualifiers.get(item);
    const qualifier = q ? (pick(q, ["entity"], { lexicon: this.lexicon, mentioned: this.mentioned }) as { entity: string } | undefined)?.entity : undefined;
    return {
      lexicon: this.lexicon,
      mentioned: this.mentioned,
      nearby: this.nearbyOf(item),
      ...(this.subject ? { subject: this.subject } : {}),
      ...(qualifier ? { qualifier } : {}),
      ...(want ? { want } : {}),
      ...(agg ? { agg } : {}),
      ...(this.preferred.length ? { preferred: this.preferred } : {}),
    };
  }

  /** Entity a mention names, if it names one. */
  entity(item: MentionItem): string | undefined {
    const t = pick(item, ["entity", "label"], this.ctx(item, "any"));
    return t && (t.type === "entity" || t.type === "label") ? t.entity : undefined;
  }

  /** Whether the mention's best reading is an entity (not a field that shares a word). */
  namesEntity(item: MentionItem): boolean {
    const best = item.entries.reduce((a, b) => (b.score > a.score ? b : a));
    if (best.target.type === "label") return false;
    return best.target.type === "entity" || (best.target.type !== "metric" && item.entries.some((e) => e.target.type === "entity" && e.score >= best.score - 0.05));
  }

  field(item: MentionItem, want: Context["want"], agg?: string): FieldRef | undefined {
    const t = pick(item, ["field"], this.ctx(item, want, agg));
    return t?.type === "field" ? { entity: t.entity, field: t.field } : undefined;
  }

  /** What "how many X" counts: rows of an entity, or distinct values of a field. */
  countOf(item: MentionItem, distinct: boolean): Measure | undefined {
    const t = pick(item, ["entity", "label", "field", "metric", "glossary"], this.ctx(item, "dimension"));
    if (!t) return undefined;
    if (t.type === "entity" || t.type === "label") return { kind: "count", entity: t.entity };
    if (t.type === "field") {
      const f = fieldOf(this.lexicon, t);
      if (f?.role === "measure" && !distinct) return { kind: "field", agg: "sum", field: { entity: t.entity, field: t.field } };
      return { kind: "field", agg: "count_distinct", field: { entity: t.entity, field: t.field } };
    }
    return this.measure(item, "sum");
  }

  /** A measure for an aggregate cue or a measure-like mention. */
  measure(item: MentionItem, agg: "sum" | "avg" | "min" | "max" | "default"): Measure | undefined {
    const t = pick(item, ["metric", "field", "entity", "label", "glossary"], this.ctx(item, "measure", agg));
    if (!t) return undefined;
    return this.measureOf(t, agg);
  }

  measureOf(t: Target, agg: "sum" | "avg" | "min" | "max" | "default"): Measure | undefined {
    if (t.type === "metric") return { kind: "metric", metric: t.metric };
    if (t.type === "glossary") {
      const maps = this.lexicon.model.glossary[t.index]?.maps;
      if (maps?.kind === "metric") return { kind: "metric", metric: maps.metric };
      if (maps?.kind === "field") return this.measureOf({ type: "field", entity: maps.entity, field: maps.field }, agg);
      if (maps?.kind === "entity") return this.measureOf({ type: "entity", entity: maps.entity }, agg);
      return undefined;
    }
    if (t.type === "field") {
      const f = fieldOf(this.lexicon, t);
      if (!f) return undefined;
      const ref = { entity: t.entity, field: t.field };
      if (f.role === "measure") return { kind: "field", agg: agg === "default" ? (f.aggregation ?? "sum") : agg, field: ref };
      if (f.role === "time") return { kind: "field", agg: agg === "default" || agg === "sum" || agg === "avg" ? "max" : agg, field: ref };
      if (agg === "min" || agg === "max") return { kind: "field", agg, field: ref };
      return { kind: "field", agg: "count_distinct", field: ref };
    }
    if (t.type === "entity" || t.type === "label") {
      if (agg === "default") return { kind: "count", entity: t.entity };
      return primaryMeasure(this.lexicon, t.entity, agg) ?? (agg === "sum" ? { kind: "count", entity: t.entity } : undefined);
    }
    return undefined;
  }

  /** A grouping: an entity's rows, or a column (time columns by day unless a grain is given). */
  dimension(item: MentionItem, grain?: TimeGrain): Dimension | undefined {
    const t = pick(item, ["entity", "label", "field"], this.ctx(item, "dimension"));
    if (!t) return undefined;
    if (t.type === "entity" || t.type === "label") return { kind: "entity", entity: t.entity };
    if (t.type !== "field") return undefined;
    const f = fieldOf(this.lexicon, t);
    const ref = { entity: t.entity, field: t.field };
    if (f?.role === "time") return { kind: "field", field: ref, grain: grain ?? "day" };
    return { kind: "field", field: ref };
  }
}
