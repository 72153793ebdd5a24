import type { Lexicon, Target } from "../lexicon/build.ts";
import type { Dimension, FieldRef, Measure, TimeGrain } from "../spec.ts";
import { primaryMeasure, soldQuantity } from "./measures.ts";
import { unitScale } from "./units.ts";
import { fieldOf, pick, rank, targetEntity, type Context, type MentionItem, type TargetType } from "./resolve.ts";

/** Two readings of one mention that nothing in the question tells apart. */
export interface Tie {
  item: MentionItem;
  targets: Target[];
}

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
  /** A verb of selling is in the question: "units", "quantity" mean the units sold. */
  sold = false;
  /** Readings fixed by the caller (a clarification option being built). */
  overrides = new Map<MentionItem, Target>();
  /** What the question is about could be read two ways with equal confidence. */
  readonly ties: Tie[] = [];

  /** The best reading of a mention for what the question counts or measures, noting exact ties. */
  private choose(item: MentionItem, types: TargetType[], ctx: Context): Target | undefined {
    const fixed = this.overrides.get(item);
    if (fixed && types.includes(fixed.type)) return fixed;
    const ranked = rank(item, types, ctx);
    const [first, second] = ranked;
    if (first && second && first.score - second.score < 0.001) {
      const tied = ranked.filter((r) => first.score - r.score < 0.001 && targetEntity(r.target, this.lexicon) !== undefined);
      const entities = new Set(tied.map((r) => targetEntity(r.target, this.lexicon)));
      if (entities.size > 1 && !this.ties.some((t) => t.item === item)) this.ties.push({ item, targets: tied.map((r) => r.target) });
    }
    return first?.target;
  }

  /** The entity each mention names by itself, so a mention does not count as context for itself. */
  own = new Map<MentionItem, string>();

  ctx(item: MentionItem, want: Context["want"], agg?: string): Context {
    const q = this.qualifiers.get(item);
    const qualifier = q ? (pick(q, ["entity"], { lexicon: this.lexicon, mentioned: this.mentioned }) as { entity: string } | undefined)?.entity : undefined;
    const self = this.own.get(item);
    const othersName = (e: string) => [...this.own.entries()].some(([m, x]) => m !== item && x === e);
    const mentioned = self && !othersName(self) ? new Set([...this.mentioned].filter((e) => e !== self)) : this.mentioned;
    return {
      lexicon: this.lexicon,
      mentioned,
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
    const t = this.choose(item, ["entity", "label"], this.ctx(item, "any"));
    return t && (t.type === "entity" || t.type === "label") ? t.entity : undefined;
  }

  /** Whether the mention's best reading is an entity (not a field that shares a word). */
  namesEntity(item: MentionItem): boolean {
    const best = item.entries.reduce((a, b) => (b.score > a.score ? b : a));
    if (best.target.type === "label") return false;
    // "ordered", "shipped": a verb sharing the table's stem, not the table.
    if (/ed$/i.test(item.text) && !item.text.includes(" ")) {
      const entity = best.target.type === "entity" ? this.lexicon.entities.get(best.target.entity) : undefined;
      if (entity && ![entity.label, ...entity.synonyms].some((s) => s.toLowerCase().split(" ").includes(item.text.toLowerCase()))) return false;
    }
    return best.target.type === "entity" || (best.target.type !== "metric" && item.entries.some((e) => e.target.type === "entity" && e.score >= best.score - 0.05));
  }

  field(item: MentionItem, want: Context["want"], agg?: string): FieldRef | undefined {
    const t = pick(item, ["field"], this.ctx(item, want, agg));
    return t?.type === "field" ? { entity: t.entity, field: t.field } : undefined;
  }

  /** What "how many X" counts: rows of an entity, or distinct values of a field. */
  countOf(item: MentionItem, distinct: boolean): Measure | undefined {
    const units = distinct ? undefined : this.unitsSold(item, "sum");
    if (units) return units;
    // "number of orders" counts orders even where a column of the conversation shares the stem ("ordered").
    if (!distinct && !this.overrides.has(item) && this.namesEntity(item)) {
      const e = this.entity(item);
      if (e) return { kind: "count", entity: e };
    }
    const t = this.choose(item, ["entity", "label", "field", "metric", "glossary"], this.ctx(item, "dimension"));
    if (!t) return undefined;
    if (t.type === "entity" || t.type === "label") return { kind: "count", entity: t.entity };
    // "number of big orders" for a term meaning orders over 5,000: the rows it picks (the filter is read with the filters).
    if (t.type === "glossary") {
      const maps = this.lexicon.model.glossary[t.index]?.maps;
      if (maps?.kind === "filter" || maps?.kind === "entity") return { kind: "count", entity: maps.entity };
    }
    if (t.type === "field") {
      const f = fieldOf(this.lexicon, t);
      if (f?.role === "measure" && !distinct) return this.scaled(item, { kind: "field", agg: "sum", field: { entity: t.entity, field: t.field } });
      // "number of terminations": rows where the date is set.
      if (f?.role === "time" && !distinct) return { kind: "field", agg: "count", field: { entity: t.entity, field: t.field } };
      return { kind: "field", agg: "count_distinct", field: { entity: t.entity, field: t.field } };
    }
    return this.measure(item, "sum");
  }

  /** A measure for an aggregate cue or a measure-like mention. */
  measure(item: MentionItem, agg: "sum" | "avg" | "min" | "max" | "default"): Measure | undefined {
    const units = this.unitsSold(item, agg === "default" ? "sum" : agg);
    if (units) return units;
    const t = this.choose(item, ["metric", "field", "entity", "label", "glossary"], this.ctx(item, "measure", agg));
    if (!t) return undefined;
    return this.scaled(item, this.measureOf(t, agg));
  }

  /** "sold the most units": the quantity of the sales lines, whatever "units" names elsewhere. */
  private unitsSold(item: MentionItem, agg: "sum" | "avg" | "min" | "max"): Measure | undefined {
    if (!this.sold || !/^(units?|quantity|quantities|items|copies|pieces)$/i.test(item.text)) return undefined;
    const field = soldQuantity(this.lexicon);
    return field ? { kind: "field", agg, field } : undefined;
  }

  /** "minutes" of a milliseconds column: the same aggregate, divided into the unit asked for. */
  scaled(item: MentionItem, m: Measure | undefined): Measure | undefined {
    if (m?.kind !== "field") return m;
    const scale = unitScale(m.field.field, item.text);
    return scale ? { ...m, scale } : m;
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
      // A rate adds up to nothing meaningful: "how much discount" is the amount a metric derives from it.
      const derived = agg === "sum" && f.aggregation === "avg" ? this.lexicon.model.metrics.find((m) => m.entity === t.entity && m.name.split("_").includes(t.field)) : undefined;
      if (derived) return { kind: "metric", metric: derived.name };
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
