import type { Lexicon } from "../lexicon/build.ts";
import type { Item } from "../lexicon/segment.ts";
import type { Cue } from "../text/cues.ts";
import type { At, Claim, Intent, Skip } from "./intents.ts";
import { has, hasFieldRole, only } from "./resolve.ts";

export function readAggregates(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, ahead: Skip, at: At, claim: Claim): void {
  items.forEach((it, k) => {
    if (claimed.has(k) || it.kind !== "cue") return;
    if (it.cue.type !== "count" && it.cue.type !== "agg" && it.cue.type !== "distinct") return;
    // "minimum and maximum unit price": the first aggregate shares the second one's column.
    const and = items[k + 1];
    const second = items[k + 2];
    if (it.cue.type === "agg" && and?.kind === "cue" && and.text.toLowerCase() === "and" && second?.kind === "cue" && second.cue.type === "agg") {
      const target = at(ahead(k + 2));
      if (target) {
        claim(k, k + 1);
        intents.push({ type: "agg", agg: it.cue.agg, target, distinct: false });
        return;
      }
    }
    if (it.cue.type === "distinct" && items[k - 1]?.kind === "cue") return;
    // "their track counts", "the order count": the thing counted comes first.
    const before = items[k - 1];
    if (it.cue.type === "count" && before?.kind === "mention" && !claimed.has(k - 1) && has(before, "entity") && (k + 1 >= items.length || items[k + 1]?.kind !== "mention")) {
      claim(k, k - 1);
      intents.push({ type: "count", target: before, distinct: false });
      return;
    }
    claim(k);
    let j = k + 1;
    let distinct = it.cue.type === "distinct";
    while (j < items.length) {
      const x = items[j]!;
      // "total quarterly sales": the grain between the aggregate and what it adds up is read on its own.
      if ((x.kind === "word" && x.filler) || (x.kind === "time" && x.expr.kind === "grain")) j++;
      else if (x.kind === "cue" && (x.cue.type === "of" || x.cue.type === "distinct")) {
        if (x.cue.type === "distinct") distinct = true;
        claim(j);
        j++;
      } else break;
    }
    // "average number of tracks per album": an average of counts.
    if (it.cue.type === "agg" && items[j]?.kind === "cue" && (items[j] as { cue: Cue }).cue.type === "count") {
      claim(j);
      const t = at(ahead(j));
      if (t) claim(ahead(j));
      // "average number of seats" is the average of a number column, not of a count of rows.
      if (t && hasFieldRole(t, lexicon, "measure") && !has(t, "entity")) intents.push({ type: "agg", agg: it.cue.agg, target: t, distinct: false });
      else intents.push({ type: "agg", agg: it.cue.agg, distinct: false, ...(t ? { countOf: t } : {}) });
      return;
    }
    let target = at(j);
    // "number of discontinued products", "count of Rock tracks": the adjective filters, the noun is counted.
    const nextItem = items[j + 1];
    const flag = target?.entries.some((e) => e.target.type === "field" && lexicon.fields.get(`${e.target.entity}\u0000${e.target.field}`)?.flag);
    if (target && (flag || only(target, "value")) && nextItem?.kind === "mention" && has(nextItem, "entity")) {
      j += 1;
      target = at(j);
    }
    const usable = target && !only(target, "value");
    if (usable) claim(j);
    if (it.cue.type === "agg") intents.push({ type: "agg", agg: it.cue.agg, ...(usable ? { target } : {}), distinct, ...(it.cue.amount ? { amount: true } : {}) });
    else intents.push({ type: "count", ...(usable ? { target } : {}), distinct, ...(it.cue.type === "count" && it.cue.people ? { people: true } : {}) });
    void lexicon;
  });
}
