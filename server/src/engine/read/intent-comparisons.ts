import type { Lexicon } from "../lexicon/build.ts";
import type { Item } from "../lexicon/segment.ts";
import type { Cue } from "../text/cues.ts";
import type { At, Claim, CompareOp, Intent, Skip } from "./intents.ts";
import { has, hasFieldRole, only } from "./resolve.ts";

const UNITS = new Set(["times", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs", "hour", "hours", "hr", "hrs", "ms", "millisecond", "milliseconds", "percent", "%", "dollars", "dollar", "usd", "eur", "euros", "days", "day", "mb", "kb", "gb", "megabytes", "kilobytes", "gigabytes", "bytes"]);

const STOCK = /stock|inventory|on_?hand|balance/i;

const SPLIT_COMPARE: Record<string, CompareOp> = { fewer: "<", less: "<", lower: "<", more: ">", higher: ">", greater: ">" };

export function readComparisons(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, ahead: Skip, back: Skip, at: At, claim: Claim): void {
  // "fewer units in stock than their reorder level": one column against another, split by "than".
  items.forEach((it, k) => {
    const op = SPLIT_COMPARE[it.text.toLowerCase()];
    if (!op || claimed.has(k)) return;
    const l = ahead(k);
    const left = at(l);
    const than = items[l + 1];
    const r = ahead(l + 1);
    const right = at(r);
    if (!left || !right || than?.text.toLowerCase() !== "than" || !has(left, "field") || !has(right, "field")) return;
    claim(k, l, l + 1, r);
    intents.push({ type: "columns", left, op, right });
  });
  items.forEach((it, k) => {
    if (claimed.has(k) || it.kind !== "cue") return;
    let op: CompareOp | undefined;
    let noun: string | undefined;
    let numberIndex = -1;
    if (it.cue.type === "compare") {
      op = it.cue.op;
      numberIndex = ahead(k);
      // "5 or more", "10 or less": the number comes first.
      if (items[numberIndex]?.kind !== "number" && ["or more", "or less", "or fewer"].includes(it.text.toLowerCase())) numberIndex = k - 1;
    } else if (it.cue.type === "adjective" && it.cue.form === "more" && it.cue.noun) {
      const than = items[k + 1];
      if (than?.kind === "word" && than.text.toLowerCase() === "than") {
        op = it.cue.dir === "desc" ? ">" : "<";
        noun = it.cue.noun;
        numberIndex = ahead(k + 1);
      }
    } else if (it.cue.type === "between") {
      const a = ahead(k);
      const and = items[a + 1];
      const b = a + 2;
      if (items[a]?.kind === "number" && and?.kind === "cue" && and.text.toLowerCase() === "and" && items[b]?.kind === "number") {
        const target = at(back(k, "with", "of"));
        const after = target ? undefined : at(ahead(b));
        const lo = items[a] as { value: number };
        const hi = items[b] as { value: number };
        claim(k, a, a + 1, b);
        for (const [o, v] of [[">=", lo.value], ["<=", hi.value]] as const) {
          intents.push({ type: "compare", op: o, value: v, after: !target, ...(target ?? after ? { target: (target ?? after)! } : {}) });
        }
        if (target) claim(back(k, "with", "of"));
      }
      return;
    }
    const num = items[numberIndex];
    // "above the average": against the column's own average over every row.
    if (op && num?.kind === "cue" && num.cue.type === "agg" && num.cue.agg !== "sum") {
      const b = back(k, "with", "of");
      const left = at(b);
      claim(k, numberIndex);
      if (left) claim(b);
      intents.push({ type: "versus", op, agg: num.cue.agg, ...(left ? { target: left } : {}), ...(noun ? { noun } : {}) });
      return;
    }
    // "units in stock below their reorder level": one column against another.
    if (op && num?.kind === "mention" && !claimed.has(numberIndex) && has(num, "field")) {
      const b = back(k, "with", "of");
      const left = at(b);
      if (left && has(left, "field")) {
        claim(k, numberIndex, b);
        intents.push({ type: "columns", left, op, right: num });
        return;
      }
      // "products below their reorder level": what is held (the stock) against the level.
      const right = num.entries.find((e) => e.target.type === "field")?.target;
      const held = right?.type === "field" ? lexicon.entities.get(right.entity)?.fields.filter((f) => f.name !== right.field && f.role === "measure" && STOCK.test(f.name)) : undefined;
      if (right?.type === "field" && held?.length === 1 && (!left || has(left, "entity"))) {
        claim(k, numberIndex);
        intents.push({ type: "columnsOf", field: { entity: right.entity, field: held[0]!.name }, op, right: num });
        return;
      }
    }
    if (!op || num?.kind !== "number") return;
    claim(k, numberIndex);
    let unit: string | undefined;
    let next = numberIndex + 1;
    const u = items[next];
    if (u && (u.kind === "word" || u.kind === "cue" || u.kind === "mention") && UNITS.has(u.text.toLowerCase())) {
      unit = u.text.toLowerCase();
      claim(next);
      next++;
    }
    if (num.text.endsWith("%")) unit = "percent";
    // "ordered more than 30 times": a count of what the verb names.
    if (unit === "times") {
      const b = back(Math.min(k, numberIndex), "with", "of", "negate");
      const verb = at(b);
      if (verb) claim(b);
      intents.push({ type: "compare", op, value: num.value, ...(verb ? { target: verb } : {}), after: true, countTarget: true });
      return;
    }
    // "more than 10 invoices": the thing counted follows the number.
    let afterIndex = numberIndex < k ? ahead(k) : ahead(next - 1);
    let countTarget = false;
    if (items[afterIndex]?.kind === "cue" && (items[afterIndex] as { cue: Cue }).cue.type === "count") {
      countTarget = true;
      afterIndex = ahead(afterIndex);
    }
    const afterMention = at(afterIndex);
    // "under 10 units" after "stock": a unit word that is not itself an amount or a table leaves the comparison to what came before.
    const beforeMention = at(back(Math.min(k, numberIndex), "with", "of", "negate"));
    const weakAfter = afterMention && !has(afterMention, "entity") && (!hasFieldRole(afterMention, lexicon, "measure") || (beforeMention !== undefined && afterMention.score < beforeMention.score));
    // (A value after it is a condition of its own: "rated above 4 in New York".)
    if (afterMention && weakAfter && !only(afterMention, "value") && beforeMention && hasFieldRole(beforeMention, lexicon, "measure")) claim(afterIndex);
    else if (afterMention && !only(afterMention, "value")) {
      claim(afterIndex);
      intents.push({ type: "compare", op, value: num.value, ...(unit ? { unit } : {}), target: afterMention, after: true, ...(noun ? { noun } : {}), countTarget });
      return;
    }
    const b = back(Math.min(k, numberIndex), "with", "of", "negate");
    const before = at(b);
    if (before && !only(before, "value")) claim(b);
    intents.push({ type: "compare", op, value: num.value, ...(unit ? { unit } : {}), ...(before && !only(before, "value") ? { target: before } : {}), after: false, ...(noun ? { noun } : {}) });
  });
}
