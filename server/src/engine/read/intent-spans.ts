import { fieldKey, type Lexicon } from "../lexicon/build.ts";
import type { Item } from "../lexicon/segment.ts";
import type { FieldRef } from "../spec.ts";
import type { Claim, Intent } from "./intents.ts";

/**
 * Time between two dates of the same rows: "days between order and shipment", "how long from
 * hire date to termination date", "average time from order date to shipped date". Each end is
 * a date column, a table (its main date), or a word sharing a date column's stem ("shipment"
 * for shipped_date, on the table of the other end).
 */

const UNIT = /^(days?|time|duration)$/i;
const TO = /^(to|until|till)$/i;

/** "how long" (its second word at k). */
const isHowLong = (items: Item[], k: number) => items[k]?.kind === "cue" && items[k]!.text.toLowerCase() === "long" && items[k - 1]?.text.toLowerCase() === "how";

/** "number of" before "days between …": part of the span, not a count of rows. */
const isCountCue = (item: Item | undefined) => item?.kind === "cue" && item.cue.type === "count";

const stemOf = (word: string) => word.toLowerCase().slice(0, 4);

function isTime(lexicon: Lexicon, ref: FieldRef): boolean {
  return lexicon.fields.get(fieldKey(ref.entity, ref.field))?.role === "time";
}

/** The date column a mention names (a date column, or a table's main date). */
function mentionedTime(lexicon: Lexicon, item: Item): FieldRef | undefined {
  if (item.kind !== "mention") return undefined;
  const entries = [...item.entries].sort((a, b) => b.score - a.score);
  for (const e of entries) {
    const t = e.target;
    if (t.type === "field" && isTime(lexicon, t)) return { entity: t.entity, field: t.field };
    if (t.type === "entity" && e === entries[0]) {
      const main = lexicon.entities.get(t.entity)?.defaultTimeField;
      if (main) return { entity: t.entity, field: main };
    }
  }
  return undefined;
}

/** A date column of `entity` (other than `not`) with a name part sharing the word's stem. */
function stemTime(lexicon: Lexicon, entity: string, word: string, not: string): FieldRef | undefined {
  if (word.length < 4) return undefined;
  const fields = lexicon.entities.get(entity)?.fields.filter((f) => f.role === "time" && f.name !== not) ?? [];
  const matching = fields.filter((f) => f.name.toLowerCase().split(/_|(?=[A-Z])/).some((part) => part.length >= 4 && stemOf(part) === stemOf(word)));
  return matching.length === 1 ? { entity, field: matching[0]!.name } : undefined;
}

function ends(lexicon: Lexicon, a: Item, b: Item): { from: FieldRef; to: FieldRef } | undefined {
  let from = mentionedTime(lexicon, a);
  let to = mentionedTime(lexicon, b);
  if (from && !to && b.kind !== "mention") to = stemTime(lexicon, from.entity, b.text, from.field);
  if (to && !from && a.kind !== "mention") from = stemTime(lexicon, to.entity, a.text, to.field);
  // "between order and shipment": the table's main date is one end, so the other is another date of that table.
  if (from && to && from.entity === to.entity && from.field === to.field && b.kind === "mention") to = stemTime(lexicon, from.entity, b.text, from.field);
  if (!from || !to || from.entity !== to.entity || from.field === to.field) return undefined;
  return { from, to };
}

/**
 * "How many days does it take to ship an order?": from the main date of the rows named to the
 * date the verb names (shipped_date).
 */
function readTakes(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, claim: Claim): void {
  items.forEach((it, k) => {
    const howLong = isHowLong(items, k);
    if (claimed.has(k) || !(howLong || (it.kind === "word" && UNIT.test(it.text)))) return;
    const take = items.findIndex((x, j) => j > k && j <= k + 4 && /^(take|takes|took)$/i.test(x.text));
    const to = items[take + 1];
    const verb = items[take + 2];
    if (take < 0 || !to || !verb || to.text.toLowerCase() !== "to" || claimed.has(take + 2)) return;
    for (const x of items) {
      if (x.kind !== "mention" || !x.entries.some((e) => e.target.type === "entity")) continue;
      const entity = x.entries.find((e) => e.target.type === "entity")!.target as { entity: string };
      const main = lexicon.entities.get(entity.entity)?.defaultTimeField;
      const end = main ? stemTime(lexicon, entity.entity, verb.text, main) : undefined;
      if (!main || !end) continue;
      claim(k, take, take + 1, take + 2);
      if (howLong) claim(k - 1);
      if (isCountCue(items[k - 1])) claim(k - 1);
      intents.push({ type: "span", from: { entity: entity.entity, field: main }, to: end });
      return;
    }
  });
}

/** "How long is the album?": a length to add up (after the spans, which read "how long between …"). */
function readHowLong(items: Item[], intents: Intent[], claimed: Set<number>, claim: Claim): void {
  items.forEach((it, k) => {
    if (claimed.has(k) || !isHowLong(items, k)) return;
    claim(k - 1, k);
    intents.push({ type: "howLong" });
  });
}

export function readSpans(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, claim: Claim): void {
  readTakes(lexicon, items, intents, claimed, claim);
  items.forEach((it, k) => {
    const howLong = isHowLong(items, k);
    if (claimed.has(k) || !(howLong || (it.kind === "word" && UNIT.test(it.text)))) return;
    const open = items[k + 1];
    const between = open?.kind === "cue" && open.cue.type === "between";
    if (!between && open?.text.toLowerCase() !== "from") return;
    const a = items[k + 2];
    const join = items[k + 3];
    const b = items[k + 4];
    // "and" is already taken as a possible follow-up marker; it only binds at the start.
    if (!a || !join || !b || [k + 1, k + 2, k + 4].some((x) => claimed.has(x))) return;
    if (between ? join.text.toLowerCase() !== "and" : !TO.test(join.text)) return;
    const span = ends(lexicon, a, b);
    if (!span) return;
    claim(k, k + 1, k + 2, k + 3, k + 4);
    if (howLong) claim(k - 1);
    // "number of days between …": the days are the amount, not a count of rows.
    if (isCountCue(items[k - 1])) claim(k - 1);
    // "longest time between …", "shortest days from …": the extreme, not a ranking of rows.
    const before = items[k - 1];
    const extreme = before?.kind === "cue" && before.cue.type === "adjective" && before.cue.form === "most" && !claimed.has(k - 1) ? before.cue.dir : undefined;
    if (extreme) claim(k - 1);
    intents.push({ type: "span", ...span, ...(extreme ? { agg: extreme === "desc" ? "max" : "min" } : {}) });
  });
  readHowLong(items, intents, claimed, claim);
}
