import { referencesUpward } from "../graph.ts";
import type { FieldRef, Measure } from "../spec.ts";
import { sameMeasure } from "../spec.ts";
import { fieldForNoun, measureEntityOf, primaryMeasure } from "./measures.ts";
import type { Of, Parts } from "./parts.ts";
import { fieldOf, hasFieldRole, pick, type MentionItem } from "./resolve.ts";
import type { Targets } from "./targets.ts";
import { convertUnit } from "./units.ts";

export function readCompare(parts: Parts, t: Targets, c: Of<"compare">, xItem: MentionItem | undefined, groupByX: () => void, used: Set<MentionItem>): void {
  const { lexicon } = parts;
  const subject = parts.rowEntity ?? t.subject;
  if (c.noun) {
    const f = subject ? fieldForNoun(lexicon, subject, c.noun) : undefined;
    if (f) pushCompare(parts, f, c.op, convertUnit(lexicon, f, c.value, c.unit));
    return;
  }
  if (!c.target) {
    parts.looseCompares.push({ op: c.op, value: c.value, ...(c.unit ? { unit: c.unit } : {}) });
    return;
  }
  // "ordered more than 30 times": the verb names what is counted even though it is not the table's name.
  const entity = t.namesEntity(c.target) || c.countTarget ? t.entity(c.target) : undefined;
  if (entity && (c.after || c.countTarget)) {
    const m: Measure = { kind: "count", entity };
    if (entity === parts.rowEntity && !parts.measures.length) return;
    if (!parts.measures.some((x) => sameMeasure(x, m))) {
      parts.measures.push(m);
      parts.conditionMeasures.push(m);
    }
    parts.having.push({ measure: m, op: c.op, value: c.value });
    if (xItem && xItem !== c.target) groupByX();
    return;
  }
  if (entity && !c.after) {
    const m = primaryMeasure(lexicon, entity, "sum");
    // "Show only artists with more than 5" (artists being the groups): about each group's count.
    const grouped = parts.dimensions.some((d) => d.kind === "entity" && d.entity === entity) && !parts.measures.some((x) => measureEntityOf(lexicon, x) === entity);
    if (grouped || m?.kind !== "field") parts.looseCompares.push({ op: c.op, value: c.value });
    else pushCompare(parts, m.field, c.op, convertUnit(lexicon, m.field, c.value, c.unit));
    return;
  }
  const target = pick(c.target, ["metric", "field", "glossary"], t.ctx(c.target, "measure"));
  if (!target) return;
  // "countries with at least 5": a number against a text column is about how many rows each has.
  const targetField = fieldOf(lexicon, target);
  if (target.type === "field" && targetField && !["integer", "bigint", "decimal", "float", "date", "timestamp"].includes(targetField.type)) {
    parts.looseCompares.push({ op: c.op, value: c.value });
    return;
  }
  const m = t.measureOf(target, parts.pendingAgg ?? "default");
  if (!m) return;
  // "Which billing cities have totals above 40": the rows are groups, so the amount is aggregated.
  const xField = xItem && !t.namesEntity(xItem) ? t.field(xItem, "dimension") : undefined;
  const naming = xField ? lexicon.entities.get(xField.entity)?.labelFields.includes(xField.field) : false;
  const groupedRows = xItem !== undefined && xItem !== c.target && !t.namesEntity(xItem) && hasFieldRole(xItem, lexicon, "dimension") && !naming;
  const aggregateTarget = m.kind === "metric" || parts.pendingAgg !== undefined || groupedRows || (m.kind === "field" && parts.rowEntity !== undefined && m.field.entity !== parts.rowEntity && fieldOf(lexicon, { type: "field", ...m.field })?.role === "measure" && !sameEntityRow(parts, m.field) && !heldOnce(parts, m.field));
  if (aggregateTarget) {
    if (m.kind === "field") m.agg = parts.pendingAgg ?? (fieldOf(lexicon, { type: "field", ...m.field })?.aggregation ?? "sum");
    delete parts.pendingAgg;
    if (!parts.measures.some((x) => sameMeasure(x, m))) {
      parts.measures.push(m);
      parts.conditionMeasures.push(m);
    }
    parts.having.push({ measure: m, op: c.op, value: m.kind === "field" ? convertUnit(lexicon, m.field, c.value, c.unit) : c.value });
    if (xItem) groupByX();
    used.add(c.target);
    return;
  }
  if (m.kind === "field") pushCompare(parts, m.field, c.op, convertUnit(lexicon, m.field, c.value, c.unit));
}

/** A field on the row entity itself or on something each row points at (a row filter, not an aggregate). */
function sameEntityRow(parts: Parts, f: FieldRef): boolean {
  return parts.rowEntity === f.entity;
}

/** "lakes in states with an area over 1000": each row points at one state, so its area is a row value. */
function heldOnce(parts: Parts, f: FieldRef): boolean {
  return parts.rowEntity !== undefined && referencesUpward(parts.lexicon.model, parts.rowEntity, f.entity);
}

function pushCompare(parts: Parts, field: FieldRef, op: Of<"compare">["op"], value: number): void {
  parts.filters.push({ kind: "compare", field, op, values: [value] });
}
