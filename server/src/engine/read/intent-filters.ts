import type { Lexicon } from "../lexicon/build.ts";
import type { Item } from "../lexicon/segment.ts";
import type { Claim, Intent, Skip } from "./intents.ts";
import { has, hasFieldRole, only, type MentionItem } from "./resolve.ts";

const PREPOSITIONS = new Set(["to", "from", "by", "via", "in", "on", "at", "with", "for", "into", "through", "during", "between", "after", "before", "since"]);

/** Tables named by the other mentions of the question. */
function otherEntities(items: Item[], except: MentionItem): Set<string> {
  const out = new Set<string>();
  for (const it of items) {
    if (it.kind !== "mention" || it === except) continue;
    for (const e of it.entries) if (e.target.type === "entity") out.add(e.target.entity);
  }
  return out;
}

export function readFilters(
  lexicon: Lexicon,
  items: Item[],
  intents: Intent[],
  claimed: Set<number>,
  back: Skip,
  ahead: Skip,
  claim: Claim,
  qualifiers: Map<MentionItem, MentionItem>,
): void {
  const negatedAt = (k: number): number => {
    let j = k - 1;
    let steps = 0;
    let verbs = 0;
    while (j >= 0 && steps < 4) {
      const it = items[j]!;
      if (it.kind === "cue" && it.cue.type === "negate") return j;
      if (it.kind === "cue" && it.cue.type === "with") {
        j--;
        continue;
      }
      // Fillers and one unknown verb may sit between: "never placed an order".
      if (it.kind === "word" && !it.filler && (verbs++ > 0 || !/^[a-z]+$/i.test(it.text))) return -1;
      if (it.kind !== "word" && it.kind !== "mention") return -1;
      if (it.kind === "mention" && !has(it, "value")) return -1;
      j--;
      steps++;
    }
    return -1;
  };
  let lastValue: { index: number; negate: boolean } | undefined;
  items.forEach((it, k) => {
    if (claimed.has(k) || it.kind !== "mention") return;
    let neg = negatedAt(k);
    // "exclude USA and UK": the second value is excluded too.
    const joined = items[k - 1]?.kind === "cue" && ["and", "or", "nor"].includes(items[k - 1]!.text.toLowerCase());
    if (neg < 0 && joined && lastValue?.index === k - 2 && lastValue.negate) neg = k - 1;
    const negate = neg >= 0;
    if (has(it, "value") && (only(it, "value") || it.entries.find((e) => e.target.type === "value")!.score >= it.score)) {
      claim(k);
      lastValue = { index: k, negate };
      const before = back(k);
      const named = items[before];
      // "the genre Rock" names the value's table; "clients in Mexico" are the rows asked about, located by it.
      const adjacent = items.slice(before + 1, k).every((x) => /^(the|a|an)$/i.test(x.text));
      if (named?.kind === "mention" && adjacent && !claimed.has(before) && has(named, "entity") && !has(named, "value")) {
        qualifiers.set(it, named);
        claim(before);
      }
      if (negate) claim(neg);
      intents.push({ type: "value", item: it, negate });
      return;
    }
    if (hasFieldRole(it, lexicon, "dimension") && it.entries.some((e) => e.target.type === "field" && lexicon.fields.get(`${e.target.entity}\u0000${e.target.field}`)?.flag)) {
      claim(k);
      if (negate) claim(neg);
      intents.push({ type: "flag", item: it, negate });
      return;
    }
    const next = items[ahead(k)];
    if (next?.kind === "cue" && next.cue.type === "null") {
      claim(k, ahead(k));
      intents.push({ type: "null", item: it, op: negate ? "not_null" : next.cue.op });
      return;
    }
    const raw = it.text.toLowerCase();
    const participle = /(ed|en)$/.test(raw) || raw === "sold" || raw === "paid";
    // "orders not yet shipped", "shipped orders" (but not "shipped to Brazil", where the verb only introduces a place).
    const following = items[k + 1];
    const clauseEnds = !following || following.kind === "mention" || (following.kind === "word" && !PREPOSITIONS.has(following.text.toLowerCase()) && following.filler) || (following.kind === "cue" && following.cue.type === "followup");
    if (hasFieldRole(it, lexicon, "time") && participle && only(it, "field") && clauseEnds) {
      claim(k);
      if (negate) claim(neg);
      intents.push({ type: "null", item: it, op: negate ? "is_null" : "not_null" });
      return;
    }
    // "without a fax", "tracks with no composer", "customers who don't have a company".
    const word = items[neg]?.text.toLowerCase();
    const possession = items.slice(neg + 1, k).some((x) => x.kind === "cue" && x.cue.type === "with");
    if (negate && has(it, "field") && !has(it, "entity", "label") && (word === "without" || word === "no" || possession)) {
      claim(k, neg);
      intents.push({ type: "has", item: it, negate: true });
      return;
    }
    // "customers who never placed an order", "artists without albums", "customers who did not place any orders".
    const verbBetween = items.slice(neg + 1, k).some((x) => x.kind === "word" && !x.filler);
    // "customers who didn't order": a table named after the rows it is about is a relation.
    const namedBefore = items.slice(0, neg).some((x) => x.kind === "mention" && has(x, "entity"));
    const notVerb = (word === "not" || /n't$/.test(word ?? "")) && (verbBetween || namedBefore || /(ed|en)$/i.test(it.text) || ["sold", "bought", "paid"].includes(it.text.toLowerCase()));
    // "genres with no sales": a metric's rows that are missing.
    const noMetric = negate && has(it, "metric") && !has(it, "entity") && (word === "no" || word === "without");
    if (noMetric || (negate && has(it, "entity") && (word === "without" || word === "no" || word === "never" || possession || notVerb))) {
      claim(k, neg);
      intents.push({ type: "related", item: it, negate: true });
      return;
    }
    // "artists that have albums": rows with related rows of another entity.
    const w = items[k - 1];
    const w2 = items[k - 2];
    const withBefore = (w?.kind === "cue" && w.cue.type === "with") || (w?.kind === "word" && w.filler && w2?.kind === "cue" && w2.cue.type === "with" && ["any", "some"].includes(w.text.toLowerCase()));
    if (!negate && withBefore && only(it, "entity") && items[k + 1]?.kind !== "mention") {
      claim(k);
      intents.push({ type: "related", item: it, negate: false });
      return;
    }
    // "order lines with a discount", "customers that have a company".
    const article = items[k - 1];
    const withCue = items[k - 2];
    const columnOfNamed = it.entries.some((e) => e.target.type === "field" && otherEntities(items, it).has(e.target.entity));
    const valueFollows = items.slice(k + 1, k + 3).some((x) => x.kind === "number");
    // "products that have units on order": an amount is had when above zero, article or not.
    const prevCue = items[k - 1];
    if (!negate && prevCue?.kind === "cue" && prevCue.cue.type === "with" && !valueFollows && hasFieldRole(it, lexicon, "measure") && !has(it, "entity", "label")) {
      claim(k);
      intents.push({ type: "has", item: it, negate: false });
      return;
    }
    if (!negate && article?.kind === "word" && ["a", "an", "any"].includes(article.text.toLowerCase()) && withCue?.kind === "cue" && withCue.cue.type === "with" && has(it, "field") && (!has(it, "entity", "label") || columnOfNamed) && !valueFollows) {
      claim(k);
      intents.push({ type: "has", item: it, negate: false });
      return;
    }
    // "out of stock".
    const out = items[k - 1];
    if (out?.kind === "cue" && out.cue.type === "empty" && hasFieldRole(it, lexicon, "measure")) {
      claim(k, k - 1);
      intents.push({ type: "has", item: it, negate: true });
    }
  });
}

/** "priced at 0.99", "quantity 10": a number right after a measure column is an equality. */
export function readBareNumbers(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, back: Skip, claim: Claim): void {
  items.forEach((it, k) => {
    if (claimed.has(k) || it.kind !== "number") return;
    const b = back(k, "of");
    const before = items[b];
    if (before?.kind !== "mention" || !hasFieldRole(before, lexicon, "measure")) return;
    if (b < k - 3) return;
    claim(k);
    if (!claimed.has(b)) claim(b);
    // "priced at 99 cents": the amount in the currency's unit.
    const cents = /^cents?$/i.test(items[k + 1]?.text ?? "");
    if (cents) claim(k + 1);
    intents.push({ type: "compare", op: "=", value: cents ? it.value / 100 : it.value, target: before, after: false });
  });
}
