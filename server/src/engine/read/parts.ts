import type { Lexicon } from "../lexicon/build.ts";
import type { Dimension, FieldRef, Filter, Measure, TimeGrain } from "../spec.ts";
import type { Dir, CompareOp, Intent, Reading } from "./intents.ts";
import type { Tie } from "./targets.ts";

/** A condition on an aggregate before it has an index in the spec's measures. */
export interface PendingHaving {
  measure: Measure;
  op: CompareOp;
  value: number;
}

export type PendingOrder =
  | { kind: "measure"; measure: Measure; dir: Dir }
  | { kind: "field"; field: FieldRef; dir: Dir }
  | { kind: "label"; dir: Dir }
  | { kind: "first"; dir: Dir };

/**
 * What one question says, resolved against the model but not yet combined
 * into a spec: a new question becomes a spec from these parts alone, a
 * follow-up merges them into the previous spec.
 */
export interface Parts {
  reading: Reading;
  lexicon: Lexicon;
  subject?: string;
  /** The rows being ranked or grouped in "which X ...", "top 5 X by ...", "X with more than ...". */
  rowEntity?: string;
  /** "the most expensive product in each category": the group whose extreme rows are listed. */
  perGroupOf?: string;
  /** "customers who haven't bought anything in 2023": the table whose dates a period is about. */
  eventOwner?: string;
  measures: Measure[];
  /** An aggregate word with nothing to apply to ("what about the average?"). */
  pendingAgg?: "sum" | "avg" | "min" | "max";
  /**
   * "average revenue" where revenue is a metric, which carries its own aggregate (a sum): an
   * average of it needs the rows it is taken per ("per order"). Without them the engine asks.
   */
  metricAgg?: { metric: string; agg: "avg" | "min" | "max" };
  /** "How many" with nothing after it. */
  countWithoutTarget: boolean;
  /** The count a new question falls back to when it names rows but no measure ("customers by country"). */
  implicitCount?: string;
  /** "The smallest?", "and the highest": a direction with nothing to apply to. */
  superlativeDir?: "asc" | "desc";
  /** "At that price": columns whose value in the previous answer becomes a condition. */
  sameValues: FieldRef[];
  /** A verb of selling is in the question ("tracks sold"): counts of what the lines sell are units. */
  sold?: boolean;
  /** "what percentage of …": a share rather than an amount. */
  share?: boolean;
  /** "each one": group by the rows of the previous answer. */
  groupPrevious?: boolean;
  /** The only measure is a bare amount with no question word ("total amount?"): it needs a context. */
  bareMeasure?: boolean;
  /** The only measures come from "sort by …": a follow-up orders by what it has rather than replacing it. */
  sortOnly?: boolean;
  /** Comparisons with nothing to compare ("only those with at least 7"). */
  looseCompares: { op: CompareOp; value: number; unit?: string }[];
  dimensions: Dimension[];
  grain?: TimeGrain;
  /** The grain counts in fiscal years ("by fiscal quarter"). */
  fiscalGrain?: boolean;
  filters: Filter[];
  having: PendingHaving[];
  /** Measures added only to carry a HAVING condition ("only countries with at least 20 invoices"). */
  conditionMeasures: Measure[];
  order?: PendingOrder;
  limit?: number;
  /** Listing: the columns asked for. */
  columns: FieldRef[];
  distinct: boolean;
  rollup?: "avg" | "sum" | "min" | "max";
  /** Mentions read two ways with equal confidence (the first one decides the options of a clarification). */
  ties: Tie[];
  /** Entities named as things (not as qualifiers of fields or values). */
  entities: string[];
  understood: string[];
  ignored: string[];
  /** Quoted text that is no value to filter by (it names the schema's columns): asked about, not guessed. */
  unreadQuotes: string[];
}

export type Of<T extends Intent["type"]> = Extract<Intent, { type: T }>;

/** The intents of one type, in question order. */
export type All = <T extends Intent["type"]>(type: T) => Of<T>[];
