/**
 * QuerySpec: what a question asks, independent of SQL. The planner produces
 * it, follow-ups and refinements transform it, the compiler turns it into SQL.
 * Plain JSON so it can be stored on a run and in the conversation state.
 */

export type Aggregate = "count" | "count_distinct" | "sum" | "avg" | "min" | "max";
export type TimeGrain = "year" | "quarter" | "month" | "week" | "day";
export type Scalar = string | number | boolean;

export interface FieldRef {
  entity: string;
  field: string;
}

export type Measure =
  /** Number of rows (distinct primary keys) of an entity. */
  | { kind: "count"; entity: string }
  /**
   * An aggregate over one column; `scale` divides the result ("minutes" of a milliseconds column: 60000).
   * With `since` (a date column of the same rows), over the days from `since` to `field`;
   * with `times` (a price of the same rows), over `field` × `times` ("the value of the stock").
   */
  | { kind: "field"; agg: Aggregate; field: FieldRef; scale?: number; since?: FieldRef; times?: FieldRef }
  /** A named metric of the semantic model (its expression carries the aggregate). */
  | { kind: "metric"; metric: string };

export type Dimension =
  /** Group by a column, bucketed by a time grain for time columns. */
  /** `fiscal`: years and quarters of the model's fiscal year (named by the year they end in). */
  | { kind: "field"; field: FieldRef; grain?: TimeGrain; fiscal?: boolean }
  /** Group by the rows of an entity (its key plus its label columns). */
  | { kind: "entity"; entity: string };

export type FilterOp = "=" | "!=" | ">" | ">=" | "<" | "<=" | "in" | "not_in" | "contains" | "not_contains" | "starts_with" | "ends_with" | "is_null" | "not_null";

export type Filter =
  | { kind: "compare"; field: FieldRef; op: FilterOp; values: Scalar[] }
  /** Half-open time range `[from, to)` in ISO dates; either end may be open. */
  | { kind: "range"; field: FieldRef; from: string | null; to: string | null; label: string }
  /** A date on given days of the week, ISO numbered (Monday 1 … Sunday 7): "paid on weekends". */
  | { kind: "weekday"; field: FieldRef; days: number[]; label: string }
  /** One column against another of the same row ("shipped after the required date"). */
  | { kind: "columns"; field: FieldRef; op: ">" | ">=" | "<" | "<=" | "=" | "!="; other: FieldRef }
  /**
   * Rows of `field.entity` (`field` is its key) that have — or, with `exists:
   * false`, have no — related rows in `entity` ("customers who never ordered"),
   * among those meeting `where` ("no orders in 1997").
   */
  | { kind: "related"; field: FieldRef; entity: string; exists: boolean; where?: Filter[] }
  /**
   * Rows whose `field` (a key) is among the rows a ranking found ("which category has the
   * fewest products" → "list its products"): `ranking` is that answer's spec, with the one
   * grouping or listed key whose values are kept.
   */
  | { kind: "ranked"; field: FieldRef; ranking: QuerySpec; label: string }
  /**
   * Rows whose reference column `field` points at a row meeting `where` — for references to
   * the same table ("employees who report to Andrew Adams": reports_to points at Andrew Adams).
   * `reverse`: the rows pointed at instead ("the manager of Nancy Davolio").
   */
  | { kind: "via"; field: FieldRef; where: Filter[]; reverse?: boolean }
  /** A column against its own average (or extreme) over the whole table ("price above the average"). */
  /** `within`: columns of the same table the aggregate is taken per ("the most expensive in its category"). */
  | { kind: "versus"; field: FieldRef; op: ">" | ">=" | "<" | "<=" | "=" | "!="; agg: "avg" | "min" | "max"; within?: string[] };

/** A condition on an aggregate, compiled to HAVING. `measure` indexes `spec.measures`. */
export interface Having {
  measure: number;
  op: ">" | ">=" | "<" | "<=" | "=" | "!=";
  value: number;
}

export type OrderTarget =
  | { kind: "measure"; index: number }
  | { kind: "dimension"; index: number }
  | { kind: "field"; field: FieldRef };

export interface OrderBy {
  by: OrderTarget;
  dir: "asc" | "desc";
}

export interface QuerySpec {
  /** The entity the question is about; rows of it are counted or listed. */
  entity: string;
  measures: Measure[];
  dimensions: Dimension[];
  filters: Filter[];
  having: Having[];
  order: OrderBy[];
  limit: number | null;
  /**
   * Columns to list when there are no measures. Empty means every column of
   * the entity. With `distinct`, only these columns, without duplicates.
   */
  columns: FieldRef[];
  distinct: boolean;
  /**
   * Aggregates the grouped result once more ("average number of tracks per
   * album" = avg over the per-album counts); the result is one row.
   */
  rollup?: "avg" | "sum" | "min" | "max" | "count";
  /**
   * Percentages: each measure becomes 100 × (its value under these conditions) ÷ (its value
   * overall) — "what percentage of customers are from the USA". An empty list with groupings
   * means each group's share of the total ("share of revenue per genre").
   */
  shareOf?: Filter[];
  /**
   * A ratio: this spec's first measure divided by the first measure of `ratioTo` ("ratio of
   * restaurants rated above 4 to those below 4"), group by group when both have the same groupings.
   */
  ratioTo?: QuerySpec;
  /** Set when the answer is a verified query of the model: compiled as this SQL verbatim. */
  verifiedSql?: string;
}

export function emptySpec(entity: string): QuerySpec {
  return { entity, measures: [], dimensions: [], filters: [], having: [], order: [], limit: null, columns: [], distinct: false };
}

/** A fresh copy, so transforms never mutate a spec stored elsewhere. */
export function cloneSpec(spec: QuerySpec): QuerySpec {
  return structuredClone(spec);
}

export const sameField = (a: FieldRef, b: FieldRef) => a.entity === b.entity && a.field === b.field;

export function sameMeasure(a: Measure, b: Measure): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === "count" && b.kind === "count") return a.entity === b.entity;
  if (a.kind === "metric" && b.kind === "metric") return a.metric === b.metric;
  const sameRef = (x?: FieldRef, y?: FieldRef) => (x && y ? sameField(x, y) : !x && !y);
  if (a.kind === "field" && b.kind === "field") return a.agg === b.agg && sameField(a.field, b.field) && sameRef(a.since, b.since) && sameRef(a.times, b.times);
  return false;
}

export function sameDimension(a: Dimension, b: Dimension): boolean {
  if (a.kind === "entity" && b.kind === "entity") return a.entity === b.entity;
  if (a.kind === "field" && b.kind === "field") return sameField(a.field, b.field) && a.grain === b.grain;
  return false;
}

/** Entities a spec touches (for joins and for explaining). */
export function specEntities(spec: QuerySpec): string[] {
  const out = new Set<string>([spec.entity]);
  for (const m of spec.measures) {
    if (m.kind === "count") out.add(m.entity);
    if (m.kind === "field") out.add(m.field.entity);
    if (m.kind === "field" && m.since) out.add(m.since.entity);
    if (m.kind === "field" && m.times) out.add(m.times.entity);
  }
  for (const d of spec.dimensions) out.add(d.kind === "entity" ? d.entity : d.field.entity);
  for (const f of [...spec.filters, ...(spec.shareOf ?? [])]) {
    out.add(f.field.entity);
    if (f.kind === "columns") out.add(f.other.entity);
  }
  for (const c of spec.columns) out.add(c.entity);
  for (const o of spec.order) if (o.by.kind === "field") out.add(o.by.field.entity);
  return [...out];
}

/** Entities a spec touches including the tables of its metrics (which the spec names only by metric). */
export function specEntitiesIn(spec: QuerySpec, metrics: { name: string; entity: string }[]): string[] {
  const out = new Set(specEntities(spec));
  for (const m of spec.measures) {
    if (m.kind !== "metric") continue;
    const entity = metrics.find((x) => x.name === m.metric)?.entity;
    if (entity) out.add(entity);
  }
  return [...out];
}

export function isAggregate(spec: QuerySpec): boolean {
  return spec.measures.length > 0 || spec.dimensions.length > 0;
}
