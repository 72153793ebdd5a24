import { editDistance } from "./lexicon/fuzzy.ts";
import type { Lexicon } from "./lexicon/build.ts";
import type { Reading } from "./read/intents.ts";
import type { PlanOutcome } from "./plan.ts";
import { emptySpec } from "./spec.ts";
import { stem } from "./text/stem.ts";

function similarity(word: string, name: string): number {
  const a = stem(word.toLowerCase());
  const b = stem(name.toLowerCase());
  if (a === b) return 1;
  if (b.startsWith(a.slice(0, 4)) || a.startsWith(b.slice(0, 4))) return 0.6;
  const d = editDistance(a, b, 3);
  return d <= 3 ? 0.5 - d * 0.1 : 0;
}

/**
 * When the question names nothing the model knows, offer the closest tables
 * as runnable options instead of guessing; with no usable words at all, refuse.
 */
export function clarifyUnknown(lexicon: Lexicon, reading: Reading, reason: "NOT_UNDERSTOOD" | "NO_SUBJECT"): PlanOutcome {
  const unknown = reading.unused.filter((w) => /\p{L}{3,}/u.test(w));
  const counting = reading.intents.some((i) => i.type === "count");
  const entities = lexicon.model.entities.filter((e) => !e.bridge);
  if (entities.length === 0) {
    return { kind: "reject", code: "NOT_UNDERSTOOD", message: "This data source has no tables to ask about." };
  }
  // Without any question words around them, unknown words are noise, not a table to look for.
  const structured = reading.items.some((i) => i.kind === "cue" && ["count", "agg", "list", "which", "group", "most", "top"].includes(i.cue.type));
  if (reason === "NOT_UNDERSTOOD" && ((unknown.length === 0 && !counting) || !structured)) {
    return {
      kind: "reject",
      code: "NOT_UNDERSTOOD",
      message: `I could not find anything to query in that. Try asking about ${entities.slice(0, 4).map((e) => e.label.toLowerCase()).join(", ")}.`,
    };
  }
  const ranked = entities
    .map((e) => ({ e, score: Math.max(0, ...unknown.map((w) => similarity(w, e.label))) + Math.log10(1 + e.rowCount) / 100 }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 4);
  const words = unknown.length > 0 ? `“${unknown.join(" ")}”` : "what to count";
  return {
    kind: "clarify",
    ...(unknown.length > 0 ? { unread: unknown } : {}),
    message: `I don't know ${words} in this data. Did you mean one of these?`,
    options: ranked.map(({ e }) => {
      const spec = emptySpec(e.name);
      if (counting) spec.measures = [{ kind: "count", entity: e.name }];
      return { label: `${counting ? "Count" : "List"} ${e.label.toLowerCase()} rows`, spec };
    }),
  };
}
