/** The parts of a semantic model example questions are made from (the AskableDataSources selection). */
export interface ExampleModel {
  metrics: { name: string; label: string; entity: string }[];
  verifiedQueries: { question: string }[];
  entities: {
    name: string;
    label: string;
    bridge: boolean;
    rowCount: number;
    defaultTimeField: string | null;
    fields: { name: string; label: string; role: string; sampleValues: string[]; distinctCount?: number | null }[];
  }[];
}

/** "Order item" → "order items", "Category" → "categories", "Box" → "boxes". */
export function plural(label: string): string {
  const lower = label.toLowerCase();
  if (/(s|x|z|ch|sh)$/.test(lower)) return `${lower}es`;
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return `${lower}s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Columns with a handful of values shared by many rows: good to break a count
 * down by. A column with a value per row (a small table's names or codes) is
 * a label, not a category.
 */
function categories(entity: ExampleModel["entities"][number]) {
  return entity.fields.filter((f) => {
    const distinct = f.distinctCount ?? f.sampleValues.length;
    return f.role === "DIMENSION" && distinct >= 2 && distinct <= 12 && distinct * 2 <= entity.rowCount;
  });
}

/**
 * Questions a newcomer can click, made from the data source's own semantic
 * model so they fit any database: its verified questions first, then its
 * first metric, the largest table over time, and tables by a small category.
 */
export function exampleQuestions(model: ExampleModel | null | undefined, max = 4): string[] {
  if (!model) return [];
  const out: string[] = model.verifiedQueries.slice(0, 2).map((v) => v.question);
  const metric = model.metrics[0];
  if (metric) out.push(`What is the total ${metric.label.toLowerCase()}?`);
  const entities = model.entities.filter((e) => !e.bridge && e.rowCount > 0).sort((a, b) => b.rowCount - a.rowCount);
  // Tables people slice by category are the ones people count (tickets rather than ticket events).
  const byCategories = [...entities].sort((a, b) => categories(b).length - categories(a).length);
  const timed = byCategories.find((e) => e.defaultTimeField);
  if (timed) out.push(`How many ${plural(timed.label)} per month?`);
  for (const entity of byCategories) {
    const category = categories(entity)[0];
    if (category) out.push(`${capitalise(plural(entity.label))} by ${category.label.toLowerCase()}`);
  }
  const unique = new Map<string, string>();
  for (const question of out) if (!unique.has(sameQuestion(question))) unique.set(sameQuestion(question), question);
  return [...unique.values()].slice(0, max);
}

/** "What's the total revenue?" and "What is the total revenue" are one question. */
function sameQuestion(question: string): string {
  return question
    .toLowerCase()
    .replace(/(\w)['’]s\b/g, "$1 is")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
