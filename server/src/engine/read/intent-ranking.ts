import type { Lexicon } from "../lexicon/build.ts";
import type { Item } from "../lexicon/segment.ts";
import type { Cue } from "../text/cues.ts";
import { GRAIN_NOUNS } from "../time/extract.ts";
import type { At, Claim, Intent, Skip } from "./intents.ts";
import { has, hasFieldRole, only, type MentionItem } from "./resolve.ts";

export function readRanking(lexicon: Lexicon, items: Item[], intents: Intent[], claimed: Set<number>, ahead: Skip, at: At, claim: Claim): void {
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
      // "the 5 genres with the fewest tracks": a count of rows, ranked further on.
      const ranker = items.slice(k + 2).find((x) => x.kind === "cue" && (x.cue.type === "most" || (x.cue.type === "adjective" && x.cue.form === "most")));
      if (next?.kind === "mention" && has(next, "entity") && ranker?.kind === "cue" && (ranker.cue.type === "most" || ranker.cue.type === "adjective")) {
        claim(k);
        intents.push({ type: "top", n: it.value, dir: ranker.cue.dir });
        return;
      }
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
      // "from the best ratings to the lowest": an order stated by its two ends, every row kept.
      const to = j + 1;
      const end = items[to]?.text.toLowerCase() === "to" ? items[ahead(to)] : undefined;
      const ended = items[j]?.kind === "mention" ? at(j) : undefined;
      if (ended && end?.kind === "cue" && end.cue.type === "most" && end.cue.dir !== it.cue.dir) {
        claim(j, to, ahead(to));
        intents.push({ type: "sort", target: ended }, { type: "dir", dir: it.cue.dir });
        return;
      }
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
  // "how many songs on each?": a bare "each" at the end is each of the rows before.
  const bareEach = items[k]?.text.toLowerCase() === "each" && items.slice(k + 1).every((x) => x.kind === "word" && x.filler);
  if (next === "one" || next === "them" || (next === "of" && items[k + 2]?.text.toLowerCase() === "them") || bareEach) {
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
  // "each German customer": the table after the value is the group; the value filters it.
  const owner = at(j + 1);
  if (target && distributive && only(target, "value") && owner && has(owner, "entity")) {
    claim(k, j + 1);
    intents.push({ type: "group", target: owner });
    return;
  }
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
