/**
 * Metric expressions are short SQL aggregates over one entity's columns
 * (`sum(unit_price * quantity)`). They are tokenised here so column names can
 * be checked against the model and qualified with a table alias.
 */

export class MetricExpressionError extends Error {
  readonly code = "METRIC_EXPRESSION_INVALID";
  constructor(message: string) {
    super(message);
    this.name = "MetricExpressionError";
  }
}

type Token = { kind: "ident"; text: string; quoted: boolean } | { kind: "other"; text: string };

const ALLOWED_FUNCTIONS = new Set([
  "sum", "avg", "min", "max", "count", "coalesce", "nullif", "round", "abs", "greatest", "least", "distinct",
  "case", "when", "then", "else", "end", "and", "or", "not", "is", "null", "true", "false", "filter", "where",
  "as", "numeric", "integer", "int", "float", "real", "double", "precision", "decimal", "text", "date", "in",
  "between", "like", "ilike", "extract", "from", "date_trunc", "cast", "interval",
]);

function tokenize(expression: string): Token[] {
  if (/;|--|\/\*/.test(expression)) throw new MetricExpressionError("Metric expressions cannot contain ';' or comments.");
  const tokens: Token[] = [];
  const re = /"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)|('(?:[^']|'')*')|(\s+)|(.)/gs;
  for (const m of expression.matchAll(re)) {
    if (m[1] !== undefined) tokens.push({ kind: "ident", text: m[1].replace(/""/g, '"'), quoted: true });
    else if (m[2] !== undefined) tokens.push({ kind: "ident", text: m[2], quoted: false });
    else tokens.push({ kind: "other", text: m[0] });
  }
  return tokens;
}

/** Whether token i is a column reference (not a function call or keyword). */
function isColumn(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind !== "ident") return false;
  if (t.quoted) return true;
  const next = tokens.slice(i + 1).find((n) => !(n.kind === "other" && /^\s+$/.test(n.text)));
  if (next && next.text === "(") return false;
  return !ALLOWED_FUNCTIONS.has(t.text.toLowerCase());
}

/** Column names an expression refers to (words that are not functions or keywords). */
export function expressionColumns(expression: string): string[] {
  const tokens = tokenize(expression);
  return tokens.flatMap((t, i) => (isColumn(tokens, i) ? [t.text] : []));
}

/** The expression with each column reference prefixed by `alias.` and quoted. */
export function qualifyExpression(expression: string, alias: string, columns: string[]): string {
  const known = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const exact = new Set(columns);
  const tokens = tokenize(expression);
  const quote = (n: string) => `"${n.replace(/"/g, '""')}"`;
  return tokens
    .map((t, i) => {
      if (t.kind !== "ident" || !isColumn(tokens, i)) return t.text;
      if (t.quoted) return exact.has(t.text) ? `${quote(alias)}.${quote(t.text)}` : quote(t.text);
      const column = known.get(t.text.toLowerCase());
      return column ? `${quote(alias)}.${quote(column)}` : t.text;
    })
    .join("");
}
