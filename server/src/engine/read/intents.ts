import type { Lexicon } from "../lexicon/build.ts";
import type { Item } from "../lexicon/segment.ts";
import type { FieldRef, TimeGrain } from "../spec.ts";
import type { Cue } from "../text/cues.ts";
import { GRAIN_NOUNS, type TimeExpr } from "../time/extract.ts";
import { readAggregates } from "./intent-aggregates.ts";
import { readComparisons } from "./intent-comparisons.ts";
import { readBareNumbers, readFilters } from "./intent-filters.ts";
import { readRanking } from "./intent-ranking.ts";
import { readSpans } from "./intent-spans.ts";
import { has, hasFieldRole, only, type MentionItem } from "./resolve.ts";

export type Dir = "asc" | "desc";
export type CompareOp = ">" | ">=" | "<" | "<=" | "=" | "!=";

export type Intent =
  | { type: "count"; target?: MentionItem; distinct: boolean; people?: boolean }
  | { type: "agg"; agg: "sum" | "avg" | "min" | "max"; target?: MentionItem; distinct: boolean; countOf?: MentionItem; amount?: boolean }
  | { type: "group"; target: MentionItem }
  /** "each sales support agent": per row of the table a value belongs to. */
  | { type: "groupOf"; item: MentionItem }
  /** "each one", "each of them": per row of what the conversation was about. */
  | { type: "groupPrevious" }
  | { type: "grain"; grain: TimeGrain; ranked?: boolean; fiscal?: boolean }
  | { type: "value"; item: MentionItem; negate: boolean }
  | { type: "flag"; item: MentionItem; negate: boolean }
  | { type: "null"; item: MentionItem; op: "is_null" | "not_null" }
  /** "with a discount", "without a fax", "out of stock": whether a column has a (non-zero) value. */
  | { type: "has"; item: MentionItem; negate: boolean }
  /** "customers who never placed an order": rows with no related rows of another entity. */
  | { type: "related"; item: MentionItem; negate: boolean }
  /** "shipped late": a time column after the row's due-date column. */
  | { type: "late"; hint?: MentionItem }
  | { type: "compare"; op: CompareOp; value: number; unit?: string; target?: MentionItem; after: boolean; noun?: string; countTarget?: boolean }
  /** `negate`: "but not in 1997". */
  | { type: "time"; expr: TimeExpr; hint?: MentionItem; negate?: boolean; after?: MentionItem }
  | { type: "superlative"; dir: Dir; target?: MentionItem; noun?: string; count?: boolean }
  | { type: "top"; n: number; dir: Dir }
  | { type: "sort"; target?: MentionItem; count?: boolean; dir?: Dir }
  | { type: "dir"; dir: Dir }
  | { type: "alpha" }
  | { type: "quoted"; text: string; field?: MentionItem; of?: MentionItem }
  /** "at that price", "with the same price": the value of a column in the previous answer. */
  | { type: "sameValue"; item: MentionItem }
  /** "units in stock below reorder level". */
  | { type: "columns"; left: MentionItem; op: CompareOp; right: MentionItem }
  /** "products below their reorder level": a known column (the stock) against a named one. */
  | { type: "columnsOf"; field: FieldRef; op: CompareOp; right: MentionItem }
  /** "a unit price above the average". */
  | { type: "versus"; target?: MentionItem; op: CompareOp; agg: "avg" | "min" | "max"; noun?: string }
  /** "the track Enter Sandman": a row named by its label, for values too many to sample. */
  | { type: "named"; item: MentionItem; text: string }
  /** "with the word Greatest in the title": part of a text value, in a column named after it or the rows' name. */
  | { type: "contains"; text: string; field?: MentionItem; at?: "start" | "end"; of?: MentionItem }
  /** "days between order date and shipped date": the time from one date of the rows to another. */
  | { type: "span"; from: FieldRef; to: FieldRef; agg?: "max" | "min" }
  /** "how long is that album": its total length. */
  | { type: "howLong" }
  /** "customer ALFKI", "order 10248": a row named by its key. */
  | { type: "key"; item: MentionItem; value: string | number };

const LETTER = /^(letters?|characters?)$/i;
/** Words that introduce a name: "named 'X'", "called 'X'". */
const NAMING = /^(named|called|titled|labell?ed)$/i;

export type FollowupKind = Extract<Cue, { type: "followup" }>["kind"];

export interface Reading {
  items: Item[];
  intents: Intent[];
  /** Mentions no intent used: candidates for the subject, listed columns, measures. */
  free: MentionItem[];
  /** Entity tied to a field mention by "of" ("unit price of products"). */
  qualifiers: Map<MentionItem, MentionItem>;
  followups: Set<FollowupKind>;
  list: boolean;
  which: boolean;
  /** "the distinct list of X", "show unique X": rows listed once each, not counted. */
  distinctList: boolean;
  /** Texts of items no rule used (for the "ignored" list). */
  unused: string[];
  /** The items behind `unused`, with their positions. */
  unusedItems: Item[];
  /** Item index of the first follow-up cue, to tell "and" at the start from "A and B". */
  startsWithFollowup: boolean;
}

export type Skip = (k: number, ...cues: Cue["type"][]) => number;
export type At = (k: number) => MentionItem | undefined;
export type Claim = (...ks: number[]) => void;

export function readIntents(lexicon: Lexicon, items: Item[]): Reading {
  const claimed = new Set<number>();
  const intents: Intent[] = [];
  const qualifiers = new Map<MentionItem, MentionItem>();
  const followups = new Set<FollowupKind>();
  let list = false;
  let which = false;
  const isFiller = (k: number) => {
    const it = items[k];
    return it !== undefined && it.kind === "word" && it.filler;
  };
  const isCue = (k: number, ...types: Cue["type"][]) => {
    const it = items[k];
    return it?.kind === "cue" && types.includes(it.cue.type);
  };
  /** Next index after k that is not filler (or one of the given cue types). */
  const skipAhead = (k: number, ...cues: Cue["type"][]) => {
    let j = k + 1;
    while (j < items.length && (isFiller(j) || isCue(j, ...cues))) j++;
    return j;
  };
  const skipBack = (k: number, ...cues: Cue["type"][]) => {
    let j = k - 1;
    while (j >= 0 && (isFiller(j) || isCue(j, ...cues))) j--;
    return j;
  };
  const mentionAt = (k: number): MentionItem | undefined => {
    const it = items[k];
    return it?.kind === "mention" && !claimed.has(k) ? it : undefined;
  };
  const claim = (...ks: number[]) => ks.forEach((k) => claimed.add(k));

  // "Which year had the highest revenue?": the time bucket is what gets ranked.
  items.forEach((it, k) => {
    if (it.kind !== "cue" || it.cue.type !== "which") return;
    const next = items[k + 1];
    const grain = next?.kind === "word" ? GRAIN_NOUNS[next.text.toLowerCase()] : undefined;
    if (grain && grain !== "day") {
      claim(k + 1);
      intents.push({ type: "grain", grain, ranked: true });
    }
  });
  // Follow-up markers, list/which cues.
  items.forEach((it, k) => {
    if (it.kind !== "cue") return;
    if (it.cue.type === "followup") followups.add(it.cue.kind);
    if (it.cue.type === "list") list = true;
    if (it.cue.type === "which") which = true;
    if (["followup", "list", "which"].includes(it.cue.type)) claim(k);
  });
  // "Return the distinct list of X", "show unique X": "distinct" next to a listing verb lists, where
  // alone ("distinct customers per state") or after a count ("number of distinct") it counts.
  let distinctList = false;
  items.forEach((it, k) => {
    if (it.kind !== "cue" || it.cue.type !== "distinct") return;
    if (isCue(skipBack(k), "list") || isCue(skipAhead(k), "list")) {
      distinctList = true;
      claim(k);
    }
  });
  // "that price", "the same price": a column's value in the previous answer, not a column to show.
  items.forEach((it, k) => {
    if (it.kind !== "cue" || it.cue.type !== "followup" || !["pronoun", "same"].includes(it.cue.kind)) return;
    if (!["that", "this", "same", "the same"].includes(it.text.toLowerCase())) return;
    // "the value of that stock" is the stock itself, priced.
    if (items[k - 1]?.kind === "cue" && (items[k - 1] as { cue: Cue }).cue.type === "of" && items[k - 2]?.text.toLowerCase() === "value") return;
    const next = mentionAt(k + 1);
    if (!next || !hasFieldRole(next, lexicon, "measure", "time", "dimension") || has(next, "entity")) return;
    claim(k + 1);
    intents.push({ type: "sameValue", item: next });
  });
  const first = items.findIndex((it) => !(it.kind === "word" && it.filler));
  const startsWithFollowup = first >= 0 && items[first]!.kind === "cue" && (items[first] as { cue: Cue }).cue.type === "followup";

  items.forEach((it, k) => {
    if (it.kind !== "cue" || it.cue.type !== "contains" || claimed.has(k)) return;
    const at = it.cue.at;
    // "starting with the letter B".
    let v = k + 1;
    const skippable = (x: number) => items[x]?.kind === "word" && !/^\p{L}$/u.test(items[x]!.text) && (isFiller(x) || (at !== undefined && LETTER.test(items[x]!.text)));
    while (skippable(v)) v++;
    const next = items[v];
    if (!next || claimed.has(v) || next.kind === "time") return;
    // "playlists that contain the track Enter Sandman": rows related to a named row, not a text match.
    if (!at && next.kind === "mention" && has(next, "entity")) return;
    // "containing the word love": the second cue reads the text.
    if (next.kind === "cue" && next.cue.type === "contains") return;
    claim(k, v);
    // "contain Enter Sandman": a name of several capitalised words.
    let text = next.text;
    if (next.kind === "word" && /^\p{Lu}/u.test(next.text)) {
      while (items[v + 1]?.kind === "word" && !claimed.has(v + 1) && /^\p{Lu}/u.test(items[v + 1]!.text)) {
        text += ` ${items[++v]!.text}`;
        claim(v);
      }
    }
    // "... in the title": the column the text is in.
    let field: MentionItem | undefined;
    if (items[v + 1]?.text.toLowerCase() === "in") {
      const f = mentionAt(skipAhead(v + 1));
      if (f && has(f, "field")) {
        field = f;
        claim(skipAhead(v + 1));
      }
    }
    // "cities starting with B": the column named just before; "artists starting with A": that table's name.
    let of: MentionItem | undefined;
    if (at && !field) {
      const before = mentionAt(skipBack(k));
      if (before && has(before, "field") && !has(before, "entity")) {
        field = before;
        claim(skipBack(k));
      } else if (before && has(before, "entity")) of = before;
    }
    intents.push({ type: "contains", text, ...(field ? { field } : {}), ...(at ? { at } : {}), ...(of ? { of } : {}) });
  });
  // "unit price of products", "name of the artist": the entity after "of" qualifies the field before it.
  items.forEach((it, k) => {
    if (it.kind !== "cue" || it.cue.type !== "of") return;
    const before = items[skipBack(k)];
    const after = items[skipAhead(k)];
    if (before?.kind === "mention" && after?.kind === "mention" && has(after, "entity") && has(before, "field", "label", "metric")) {
      qualifiers.set(before, after);
    }
  });

  // "lakes in states with an area over 1000", "… states whose area": the rows just named hold the column, when they
  // have one and are not what the question is about ("towns with an area over 1000" is about towns).
  items.forEach((it, k) => {
    const linking = (it.kind === "cue" && it.cue.type === "with") || (it.kind === "word" && it.text.toLowerCase() === "whose");
    if (!linking) return;
    const before = items[skipBack(k)];
    const after = items[skipAhead(k)];
    if (before?.kind !== "mention" || after?.kind !== "mention" || qualifiers.has(after)) return;
    if (!items.slice(0, items.indexOf(before)).some((x) => x.kind === "mention" && has(x, "entity"))) return;
    const owners = new Set(before.entries.flatMap((e) => (e.target.type === "entity" ? [e.target.entity] : [])));
    if (after.entries.some((e) => e.target.type === "field" && owners.has(e.target.entity))) qualifiers.set(after, before);
  });

  // Time expressions, with the time column named just before ("hired in 2003").
  items.forEach((it, k) => {
    if (it.kind !== "time") return;
    claim(k);
    if (it.expr.kind === "grain") {
      intents.push({ type: "grain", grain: it.expr.grain, ...(it.expr.fiscal ? { fiscal: true } : {}) });
      // "per year and country": the grouping goes on after the time grain.
      const and = items[k + 1];
      const next = mentionAt(skipAhead(k + 1));
      const grainWord = items[k + 2]?.kind === "word" ? GRAIN_NOUNS[items[k + 2]!.text.toLowerCase()] : undefined;
      if (and?.kind === "cue" && and.text.toLowerCase() === "and" && grainWord) {
        claim(k + 1, k + 2);
        intents.push({ type: "grain", grain: grainWord });
        return;
      }
      if (and?.kind === "cue" && and.text.toLowerCase() === "and" && next && !only(next, "value")) {
        claim(k + 1, skipAhead(k + 1));
        intents.push({ type: "group", target: next });
      }
      return;
    }
    const back = skipBack(k);
    const hintItem = mentionAt(back);
    // Only a mention that is read as a time column ("hired"), not a table that shares a word ("orders").
    const best = hintItem?.entries.reduce((a, b) => (b.score > a.score ? b : a));
    const hint = hintItem && best?.target.type === "field" && hasFieldRole(hintItem, lexicon, "time") ? hintItem : undefined;
    if (hint) claim(back);
    const neg = items[back];
    const negate = neg?.kind === "cue" && neg.cue.type === "negate" && !claimed.has(back);
    if (negate) claim(back);
    // "clients who did not place any orders in 2023": the table just before may own the period.
    const after = !hint && neg?.kind === "mention" && has(neg, "entity") ? neg : undefined;
    intents.push({ type: "time", expr: it.expr, ...(hint ? { hint } : {}), ...(negate ? { negate } : {}), ...(after ? { after } : {}) });
  });

  // "shipped after their required date", "hired before their manager's birth date": one date against another.
  items.forEach((it, k) => {
    if (it.kind !== "word" || claimed.has(k)) return;
    const word = it.text.toLowerCase();
    const next = items[k + 1]?.text.toLowerCase();
    const op = word === "after" || (word === "later" && next === "than") ? ">" : word === "before" || (word === "earlier" && next === "than") || (word === "prior" && next === "to") ? "<" : undefined;
    if (!op) return;
    const r = skipAhead(word === "after" || word === "before" ? k : k + 1);
    const right = mentionAt(r);
    if (!right || !hasFieldRole(right, lexicon, "time") || has(right, "entity")) return;
    const l = skipBack(k);
    const left = mentionAt(l);
    if (left && hasFieldRole(left, lexicon, "time")) {
      claim(k, l, r);
      intents.push({ type: "columns", left, op, right });
    } else if (op === ">") {
      // "orders delivered after the required date": the row's own completion date against it.
      claim(k, r);
      intents.push({ type: "late" });
    }
  });
  readSpans(lexicon, items, intents, claimed, claim);
  readComparisons(lexicon, items, intents, claimed, skipAhead, skipBack, mentionAt, claim);
  readRanking(lexicon, items, intents, claimed, skipAhead, mentionAt, claim);
  readAggregates(lexicon, items, intents, claimed, skipAhead, mentionAt, claim);
  readFilters(lexicon, items, intents, claimed, skipBack, skipAhead, claim, qualifiers);
  readBareNumbers(lexicon, items, intents, claimed, skipBack, claim);

  items.forEach((it, k) => {
    if (it.kind !== "cue" || it.cue.type !== "late") return;
    claim(k);
    const b = skipBack(k);
    const hint = mentionAt(b);
    if (hint && hasFieldRole(hint, lexicon, "time")) claim(b);
    intents.push({ type: "late", ...(hint && hasFieldRole(hint, lexicon, "time") ? { hint } : {}) });
  });
  items.forEach((it, k) => {
    const next = items[k + 1];
    if (it.kind !== "mention" || !next || claimed.has(k + 1) || !only(it, "entity")) return;
    const code = next.kind === "word" && /^[A-Z0-9][A-Z0-9-]{2,}$/.test(next.text) && /[A-Z]/.test(next.text);
    const number = next.kind === "number" && Number.isInteger(next.value) && !next.text.includes(",");
    if (!code && !number) return;
    claim(k + 1);
    intents.push({ type: "key", item: it, value: next.kind === "number" ? next.value : next.text });
  });
  items.forEach((it, k) => {
    if (it.kind !== "mention" || !only(it, "entity")) return;
    let j = k + 1;
    const words: string[] = [];
    // ("each domain ID" names the key column, not a domain called "ID".)
    while (items[j]?.kind === "word" && !claimed.has(j) && /^\p{Lu}/u.test(items[j]!.text) && !/^ids?$/i.test(items[j]!.text)) words.push(items[j++]!.text);
    if (words.length === 0) return;
    for (let x = k + 1; x < j; x++) claim(x);
    intents.push({ type: "named", item: it, text: words.join(" ") });
  });
  items.forEach((it, k) => {
    if (it.kind === "quoted" && !claimed.has(k)) {
      claim(k);
      // "the vendor named 'Utility Company'", "a title of 'Intro'": the column named just before holds it.
      let b = k - 1;
      while (b >= 0 && ((isFiller(b) && !claimed.has(b)) || NAMING.test(items[b]!.text))) b--;
      const field = mentionAt(b);
      const text = field && hasFieldRole(field, lexicon, "dimension") && !has(field, "entity") ? field : undefined;
      if (text) claim(b, ...Array.from({ length: k - b - 1 }, (_, x) => b + 1 + x).filter((x) => NAMING.test(items[x]!.text)));
      // "the domain "Machine Learning"": a row of the table named just before.
      const of = !text && field && has(field, "entity") ? field : undefined;
      intents.push({ type: "quoted", text: it.text, ...(text ? { field: text } : {}), ...(of ? { of } : {}) });
    }
  });

  const free: MentionItem[] = [];
  const unusedItems: Item[] = [];
  items.forEach((it, k) => {
    if (claimed.has(k)) return;
    if (it.kind === "mention") free.push(it);
    else if ((it.kind === "word" && !it.filler) || it.kind === "number") unusedItems.push(it);
  });
  const unused = unusedItems.map((it) => it.text);
  return { items, intents, free, qualifiers, followups, list, which, distinctList, unused, unusedItems, startsWithFollowup };
}
