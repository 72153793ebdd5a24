import type { Lexicon } from "../lexicon/build.ts";
import type { Item } from "../lexicon/segment.ts";
import type { TimeGrain } from "../spec.ts";
import type { Cue } from "../text/cues.ts";
import { GRAIN_NOUNS, type TimeExpr } from "../time/extract.ts";
import { has, hasFieldRole, only, type MentionItem } from "./resolve.ts";

export type Dir = "asc" | "desc";
export type CompareOp = ">" | ">=" | "<" | "<=" | "=" | "!=";

export type Intent =
  | { type: "count"; target?: MentionItem; distinct: boolean }
  | { type: "agg"; agg: "sum" | "avg" | "min" | "max"; target?: MentionItem; distinct: boolean; countOf?: MentionItem }
  | { type: "group"; target: MentionItem }
  /** "each sales support agent": per row of the table a value belongs to. */
  | { type: "groupOf"; item: MentionItem }
  /** "each one", "each of them": per row of what the conversation was about. */
  | { type: "groupPrevious" }
  | { type: "grain"; grain: TimeGrain; ranked?: boolean }
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
  | { type: "time"; expr: TimeExpr; hint?: MentionItem }
  | { type: "superlative"; dir: Dir; target?: MentionItem; noun?: string; count?: boolean }
  | { type: "top"; n: number; dir: Dir }
  | { type: "sort"; target?: MentionItem; count?: boolean; dir?: Dir }
  | { type: "dir"; dir: Dir }
  | { type: "alpha" }
  | { type: "quoted"; text: string }
  /** "units in stock below reorder level". */
  | { type: "columns"; left: MentionItem; op: CompareOp; right: MentionItem }
  /** "a unit price above the average". */
  | { type: "versus"; target?: MentionItem; op: CompareOp; agg: "avg" | "min" | "max"; noun?: string }
  /** "the track Enter Sandman": a row named by its label, for values too many to sample. */
  | { type: "named"; item: MentionItem; text: string }
  /** "customer ALFKI", "order 10248": a row named by its key. */
  | { type: "key"; item: MentionItem; value: string | number };

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
  /** Texts of items no rule used (for the "ignored" list). */
  unused: string[];
  /** Item index of the first follow-up cue, to tell "and" at the start from "A and B". */
  startsWithFollowup: boolean;
}

const PREPOSITIONS = new Set(["to", "from", "by", "via", "in", "on", "at", "with", "for", "into", "through", "during", "between", "after", "before", "since"]);

const UNITS = new Set(["times", "minute", "minutes", "min", "mins", "second", "seconds", "sec", "secs", "hour", "hours", "hr", "hrs", "ms", "millisecond", "milliseconds", "percent", "%", "dollars", "dollar", "usd", "eur", "euros", "days", "day", "mb", "kb", "gb", "megabytes", "kilobytes", "gigabytes", "bytes"]);

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
  const first = items.findIndex((it) => !(it.kind === "word" && it.filler));
  const startsWithFollowup = first >= 0 && items[first]!.kind === "cue" && (items[first] as { cue: Cue }).cue.type === "followup";

  // "unit price of products", "name of the artist": the entity after "of" qualifies the field before it.
  items.forEach((it, k) => {
    if (it.kind !== "cue" || it.cue.type !== "of") return;
    const before = items[skipBack(k)];
    const after = items[skipAhead(k)];
    if (before?.kind === "mention" && after?.kind === "mention" && has(after, "entity") && has(before, "field", "label", "metric")) {
      qualifiers.set(before, after);
    }
  });

  // Time expressions, with the time column named just before ("hired in 2003").
  items.forEach((it, k) => {
    if (it.kind !== "time") return;
    claim(k);
    if (it.expr.kind === "grain") {
      intents.push({ type: "grain", grain: it.expr.grain });
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
    intents.push({ type: "time", expr: it.expr, ...(hint ? { hint } : {}) });
  });

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
    while (items[j]?.kind === "word" && !claimed.has(j) && /^\p{Lu}/u.test(items[j]!.text)) words.push(items[j++]!.text);
    if (words.length === 0) return;
    for (let x = k + 1; x < j; x++) claim(x);
    intents.push({ type: "named", item: it, text: words.join(" ") });
  });
  items.forEach((it, k) => {
    if (it.kind === "quoted") {
      claim(k);
      intents.push({ type: "quoted", text: it.text });
    }
  });

  const free: MentionItem[] = [];
  const unused: string[] = [];
  items.forEach((it, k) => {
    if (claimed.has(k)) return;
    if (it.kind === "mention") free.push(it);
    else if (it.kind === "word" && !it.filler) unused.push(it.text);
    else if (it.kind === "number") unused.push(it.text);
  });
  return { items, intents, free, qualifiers, followups, list, which, unused, startsWithFollowup };
}

type Skip = (k: number, ...cues: Cue["type"][]) => number;
type At = (k: number) => MentionItem | undefined;
type Claim = (...ks: number[]) => void;

function readComparisons(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, ahead: Skip, back: Skip, at: At, claim: Claim): void {
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
    if (afterMention && weakAfter && beforeMention && hasFieldRole(beforeMention, lexicon, "measure")) claim(afterIndex);
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

function readRanking(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, ahead: Skip, at: At, claim: Claim): void {
  items.forEach((it, k) => {
    if (claimed.has(k)) return;
    // "top 5", "bottom 3", "5 most", "first 10".
    if (it.kind === "cue" && (it.cue.type === "top" || (it.cue.type === "adjective" && it.cue.noun === "date" && items[k + 1]?.kind === "number"))) {
      const n = items[k + 1];
      const dir = it.cue.type === "top" ? it.cue.dir : "desc";
      if (n?.kind === "number" && Number.isInteger(n.value) && n.value > 0) {
        claim(k, k + 1);
        intents.push({ type: "top", n: n.value, dir });
        if (it.cue.type === "adjective") intents.push({ type: "superlative", dir: it.cue.dir, noun: it.cue.noun });
        return;
      }
      if (it.cue.type === "top") {
        claim(k);
        intents.push({ type: "top", n: 1, dir });
        return;
      }
    }
    if (it.kind === "number" && Number.isInteger(it.value) && it.value > 0 && it.value < 1000) {
      const prev = items[k - 1];
      // "the oldest 3 employees", "cheapest 5 products".
      if (prev?.kind === "cue" && (prev.cue.type === "most" || (prev.cue.type === "adjective" && prev.cue.form === "most")) && items[k + 1]?.kind === "mention") {
        claim(k);
        intents.push({ type: "top", n: it.value, dir: prev.cue.dir });
        return;
      }
      // "Which 5 artists have the most albums?"
      if (prev?.kind === "cue" && prev.cue.type === "which" && items[k + 1]?.kind === "mention") {
        claim(k);
        intents.push({ type: "top", n: it.value, dir: "desc" });
        return;
      }
      const next = items[k + 1];
      if (next?.kind === "cue" && (next.cue.type === "most" || (next.cue.type === "adjective" && next.cue.form !== "more"))) {
        claim(k);
        intents.push({ type: "top", n: it.value, dir: next.cue.dir });
      }
    }
  });
  items.forEach((it, k) => {
    if (claimed.has(k) || it.kind !== "cue") return;
    if (it.cue.type === "most") {
      claim(k);
      let j = ahead(k);
      const adj = items[j];
      if (adj?.kind === "cue" && adj.cue.type === "adjective") {
        claim(j);
        const dir = it.cue.dir === "desc" ? adj.cue.dir : adj.cue.dir === "desc" ? "asc" : "desc";
        const ranked = rankedEntity(lexicon, items, claimed, ahead(j), claim);
        intents.push({ type: "superlative", dir, noun: adj.cue.noun, ...(ranked ? { target: ranked } : {}) });
        return;
      }
      let count = false;
      if (items[j]?.kind === "cue" && (items[j] as { cue: Cue }).cue.type === "count") {
        count = true;
        claim(j);
        j = ahead(j);
      }
      const target = at(j);
      if (target && !only(target, "value")) claim(j);
      intents.push({ type: "superlative", dir: it.cue.dir, ...(target && !only(target, "value") ? { target } : {}), count });
    } else if (it.cue.type === "adjective" && (it.cue.form === "most" || !it.cue.noun || it.cue.noun === "frequent")) {
      claim(k);
      const ranked = rankedEntity(lexicon, items, claimed, ahead(k), claim);
      intents.push({ type: "superlative", dir: it.cue.dir, noun: it.cue.noun, ...(ranked ? { target: ranked } : {}) });
    } else if (it.cue.type === "sort") {
      claim(k);
      let j = ahead(k);
      let count = false;
      if (items[j]?.kind === "cue" && (items[j] as { cue: Cue }).cue.type === "count") {
        count = true;
        claim(j);
        j = ahead(j);
      }
      const target = at(j);
      if (target) claim(j);
      intents.push({ type: "sort", ...(target ? { target } : {}), count });
    } else if (it.cue.type === "dir") {
      claim(k);
      intents.push({ type: "dir", dir: it.cue.dir });
    } else if (it.cue.type === "alpha") {
      claim(k);
      intents.push({ type: "alpha" });
    } else if (it.cue.type === "group") {
      readGroup(lexicon, items, intents, k, ahead, at, claim);
    }
  });
}

/** Tables named by the other mentions of the question. */
function otherEntities(items: Item[], except: MentionItem): Set<string> {
  const out = new Set<string>();
  for (const it of items) {
    if (it.kind !== "mention" || it === except) continue;
    for (const e of it.entries) if (e.target.type === "entity") out.add(e.target.entity);
  }
  return out;
}

/** The table an adjective ranks ("the most expensive product"), when one follows it. */
function rankedEntity(lexicon: Lexicon, items: Item[], claimed: Set<number>, j: number, claim: Claim): MentionItem | undefined {
  const it = items[j];
  if (it?.kind !== "mention" || claimed.has(j) || !has(it, "entity")) return undefined;
  const best = it.entries.reduce((a, b) => (b.score > a.score ? b : a));
  if (best.target.type !== "entity") return undefined;
  claim(j);
  void lexicon;
  return it;
}

/** "by country and city", "per artist"; "by revenue" or "by number of tracks" order rather than group. */
function readGroup(lexicon: Lexicon, items: Item[], intents: Intent[], k: number, ahead: Skip, at: At, claim: Claim): void {
  const next = items[k + 1]?.text.toLowerCase();
  if (next === "one" || next === "them" || (next === "of" && items[k + 2]?.text.toLowerCase() === "them")) {
    claim(k, k + 1);
    intents.push({ type: "groupPrevious" });
    return;
  }
  let j = ahead(k);
  if (items[j]?.kind === "cue" && (items[j] as { cue: Cue }).cue.type === "count") {
    const target = at(ahead(j));
    if (target) {
      claim(k, j, ahead(j));
      intents.push({ type: "sort", target, count: true });
    }
    return;
  }
  if (items[j]?.kind === "cue" && (items[j] as { cue: Cue }).cue.type === "agg") {
    const target = at(ahead(j));
    const agg = (items[j] as { cue: { agg: "sum" | "avg" | "min" | "max" } }).cue.agg;
    if (target) {
      claim(k, j, ahead(j));
      intents.push({ type: "agg", agg, target, distinct: false }, { type: "sort" });
    }
    return;
  }
  let target = at(j);
  // "each sales support agent": group by the table the value belongs to (the value still filters).
  const distributive = ["each", "every", "per", "for each", "for every", "in each"].includes(items[k]!.text.toLowerCase());
  if (target && distributive && only(target, "value")) {
    intents.push({ type: "groupOf", item: target });
    claim(k);
    return;
  }
  // "by the artist AC/DC": the table names whose value follows, so it is a filter, not a grouping.
  const valueAfter = items[j + 1];
  if (target && has(target, "entity") && valueAfter?.kind === "mention" && only(valueAfter, "value")) return;
  const countAfter = items[j + 1];
  if (target && has(target, "entity") && countAfter?.kind === "cue" && countAfter.cue.type === "count") {
    claim(k, j, j + 1);
    intents.push({ type: "sort", target, count: true });
    return;
  }
  while (target) {
    if (only(target, "value")) return;
    // "by revenue" ranks; but "count tracks by unit price" groups on the column.
    const counting = items.some((x) => x.kind === "cue" && x.cue.type === "count");
    const measureLike = has(target, "metric") || (!counting && hasFieldRole(target, lexicon, "measure") && !has(target, "entity", "label") && !hasFieldRole(target, lexicon, "dimension", "time"));
    claim(k, j);
    if (measureLike) {
      intents.push({ type: "sort", target });
      return;
    }
    intents.push({ type: "group", target });
    const and = items[j + 1];
    if (!(and?.kind === "cue" && and.text.toLowerCase() === "and") && !(and?.kind === "word" && and.text === ",")) return;
    const andIndex = j + 1;
    j = ahead(andIndex);
    const grain = items[j]?.kind === "word" ? GRAIN_NOUNS[(items[j] as { text: string }).text.toLowerCase()] : undefined;
    if (grain) {
      claim(andIndex, j);
      intents.push({ type: "grain", grain });
      return;
    }
    target = at(j);
    if (target && only(target, "value")) return;
    if (target) claim(andIndex);
  }
}

function readAggregates(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, ahead: Skip, at: At, claim: Claim): void {
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
      if (x.kind === "word" && x.filler) j++;
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
      intents.push({ type: "agg", agg: it.cue.agg, distinct: false, ...(t ? { countOf: t } : {}) });
      return;
    }
    const target = at(j);
    const usable = target && !only(target, "value");
    if (usable) claim(j);
    if (it.cue.type === "agg") intents.push({ type: "agg", agg: it.cue.agg, ...(usable ? { target } : {}), distinct });
    else intents.push({ type: "count", ...(usable ? { target } : {}), distinct });
    void lexicon;
  });
}

function readFilters(
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
      if (named?.kind === "mention" && !claimed.has(before) && has(named, "entity") && !has(named, "value")) {
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
    // "customers who never placed an order", "artists without albums".
    if (negate && has(it, "entity") && (word === "without" || word === "no" || word === "never" || possession)) {
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
function readBareNumbers(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, back: Skip, claim: Claim): void {
  items.forEach((it, k) => {
    if (claimed.has(k) || it.kind !== "number") return;
    const b = back(k, "of");
    const before = items[b];
    if (before?.kind !== "mention" || !hasFieldRole(before, lexicon, "measure")) return;
    if (b < k - 3) return;
    claim(k);
    if (!claimed.has(b)) claim(b);
    intents.push({ type: "compare", op: "=", value: it.value, target: before, after: false });
  });
}
