/**
 * Small English inflection rules: enough to relate "categories" to "category",
 * "boxes" to "box" and "people" to "person" for table names and questions.
 * Question words and lexicon entries go through the same functions, so a
 * consistent result matters more than a linguistically perfect one.
 */

const IRREGULAR_SINGULAR: Record<string, string> = {
  people: "person",
  men: "man",
  women: "woman",
  children: "child",
  feet: "foot",
  teeth: "tooth",
  mice: "mouse",
  geese: "goose",
  data: "data",
  media: "media",
  criteria: "criterion",
  indices: "index",
  matrices: "matrix",
  analyses: "analysis",
  statuses: "status",
  buses: "bus",
  quizzes: "quiz",
  leaves: "leaf",
  lives: "life",
  wives: "wife",
  knives: "knife",
  shelves: "shelf",
  halves: "half",
  thieves: "thief",
};

const IRREGULAR_PLURAL: Record<string, string> = Object.fromEntries(
  Object.entries(IRREGULAR_SINGULAR)
    .filter(([plural, single]) => plural !== single)
    .map(([plural, single]) => [single, plural]),
);

/** Words ending in "s" that are already singular. */
const SINGULAR_S = new Set([
  "status",
  "bus",
  "gas",
  "news",
  "series",
  "species",
  "address",
  "business",
  "process",
  "access",
  "class",
  "glass",
  "boss",
  "loss",
  "canvas",
  "alias",
  "analysis",
  "basis",
  "axis",
  "thesis",
  "campus",
  "census",
  "bonus",
  "virus",
  "focus",
  "corpus",
  "radius",
  "plus",
  "minus",
  "bias",
  "atlas",
  "iris",
  "lens",
  "yes",
  "this",
  "its",
  "his",
  "was",
  "is",
  "has",
  "does",
  "us",
  "less",
  "express",
  "miss",
  "kiss",
  "mass",
  "pass",
  "gross",
  "cross",
  "dress",
  "chess",
  "press",
  "success",
  "progress",
  "congress",
  "sales",
  "goods",
  "lyrics",
  "analytics",
  "statistics",
  "economics",
  "physics",
  "mathematics",
  "electronics",
  "logistics",
  "metrics",
]);

export function singularize(word: string): string {
  const w = word.toLowerCase();
  if (w.length < 3) return w;
  const irregular = IRREGULAR_SINGULAR[w];
  if (irregular) return irregular;
  if (SINGULAR_S.has(w)) return w === "sales" ? "sale" : w === "goods" ? "good" : w;
  if (w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) return w;
  if (w.endsWith("ies") && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(ches|shes|xes|zzes|sses)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("oes") && w.length > 4) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

export function pluralize(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR_PLURAL[w];
  if (irregular) return irregular;
  if (w === "data" || w === "media" || w === "series" || w === "species") return w;
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(w)) return `${w}es`;
  return `${w}s`;
}

/** Splits identifiers such as `billing_country`, `unitPrice` or `HTTPStatus2` into lower-case words. */
export function splitIdentifier(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([a-zA-Z])(\d)/g, "$1 $2")
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}
