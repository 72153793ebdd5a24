import type { Lexicon, Target } from "./lexicon/build.ts";
import type { Item } from "./lexicon/segment.ts";
import type { Parts } from "./read/parts.ts";

/** A short human name for a reading, for clarification buttons. */
export function targetLabel(lexicon: Lexicon, t: Target): string {
  const entity = (name: string) => lexicon.entities.get(name)?.label.toLowerCase() ?? name;
  switch (t.type) {
    case "entity":
    case "label":
      return entity(t.entity);
    case "field":
    case "value": {
      const f = lexicon.fields.get(`${t.entity}\u0000${t.field}`);
      return `${entity(t.entity)} ${(f?.label ?? t.field).toLowerCase()}`;
    }
    case "metric":
      return lexicon.model.metrics.find((m) => m.name === t.metric)?.label.toLowerCase() ?? t.metric;
    case "glossary":
      return lexicon.model.glossary[t.index]?.term ?? "glossary term";
  }
}

function targetText(lexicon: Lexicon, t: Target): string {
  switch (t.type) {
    case "entity":
      return `table ${lexicon.entities.get(t.entity)?.table ?? t.entity}`;
    case "label":
      return `name of ${t.entity}`;
    case "field":
      return `column ${t.entity}.${t.field}`;
    case "value":
      return `value '${t.value}' of ${t.entity}.${t.field}`;
    case "metric":
      return `metric ${t.metric}`;
    case "glossary":
      return `glossary term ${lexicon.model.glossary[t.index]?.term ?? "?"}`;
  }
}

/** Which words were understood as what, and which were left unused (shown to users for honesty). */
export function describeItems(lexicon: Lexicon, items: Item[], parts: Parts, corrections: string[]): { understood: string[]; ignored: string[] } {
  const understood: string[] = [];
  for (const it of items) {
    if (it.kind === "mention") {
      const best = it.entries.reduce((a, b) => (b.score > a.score ? b : a));
      understood.push(`“${it.text}” → ${targetText(lexicon, best.target)}`);
    } else if (it.kind === "time") understood.push(`“${it.text}” → time ${it.expr.kind === "grain" ? `grain ${it.expr.grain}` : it.expr.label}`);
    else if (it.kind === "cue" && it.cue.type !== "followup") understood.push(`“${it.text}” → ${it.cue.type === "contains" && it.cue.at ? `${it.cue.at}s with` : it.cue.type}`);
    else if (it.kind === "quoted") understood.push(`“${it.text}” → quoted value`);
  }
  for (const c of corrections) understood.push(`read ${c}`);
  return { understood, ignored: [...new Set(parts.ignored)] };
}
