import { parseSync, scanSync } from "libpg-query";
import { unnamedTargets } from "./column-names.ts";

/**
 * PostgreSQL SQL (what the engine writes and the guard checks) adapted to
 * DuckDB, whose parser is PostgreSQL's but whose defaults and function names
 * differ in a few places. Token-level, so identifiers, literals and comments
 * are never touched by accident; the session settings that make the rest
 * behave like PostgreSQL (integer division, NULL order) are in duckdb-executor.
 *
 * - LIKE / ILIKE: PostgreSQL escapes with backslash by default, DuckDB has no
 *   default escape, so a pattern without ESCAPE gets `ESCAPE '\'`.
 * - bare `numeric` / `decimal`: arbitrary precision in PostgreSQL, DECIMAL(18,3)
 *   in DuckDB; DECIMAL(38,10) keeps ratios and averages exact enough.
 * - `pg_catalog.` prefixes: DuckDB's built-ins live in no such schema.
 * - jsonb and the json_* constructors and aggregates: DuckDB's JSON names.
 * - to_char(value, 'YYYY-MM'): strftime with the format translated.
 * - select-list items without an alias get the name PostgreSQL would give
 *   them (column-names.ts), so results and wrapping queries see the same names.
 */

interface Token {
  start: number;
  end: number;
  text: string;
  tokenName: string;
  keywordName: string;
}

/** `order` breaks ties between edits at one position: an ESCAPE goes before an alias. */
type Edit = { start: number; end: number; text: string; order?: number };

const functionNames: Record<string, string> = {
  json_build_object: "json_object",
  jsonb_build_object: "json_object",
  json_build_array: "json_array",
  jsonb_build_array: "json_array",
  json_agg: "json_group_array",
  jsonb_agg: "json_group_array",
  json_object_agg: "json_group_object",
  jsonb_object_agg: "json_group_object",
  to_jsonb: "to_json",
  jsonb_typeof: "json_type",
  json_typeof: "json_type",
  jsonb_array_length: "json_array_length",
  jsonb_extract_path: "json_extract",
  jsonb_extract_path_text: "json_extract_string",
  json_extract_path: "json_extract",
  json_extract_path_text: "json_extract_string",
  every: "bool_and",
};

/** Ends a LIKE pattern expression when met outside parentheses. */
const patternEnds = new Set([
  ")", "]", ",", ";", "=", "<", ">", "<>", "!=", "<=", ">=",
  "and", "or", "then", "when", "else", "end", "from", "where", "group", "order", "limit", "offset", "having",
  "window", "union", "intersect", "except", "as", "asc", "desc", "nulls", "is", "on", "join", "inner", "left",
  "right", "full", "cross", "escape", "not", "like", "ilike", "between", "in", "fetch", "for", "using", "filter", "over",
]);

/** to_char template patterns, longest first, and their strftime equivalents. */
const charFormats: [string, string][] = [
  ["FMMonth", "%B"], ["FMmonth", "%B"], ["FMDay", "%A"], ["FMDD", "%-d"], ["FMMM", "%-m"], ["FMHH24", "%-H"],
  ["YYYY", "%Y"], ["HH24", "%H"], ["HH12", "%I"], ["Month", "%B"], ["Mon", "%b"], ["Day", "%A"], ["Dy", "%a"],
  ["YY", "%y"], ["MM", "%m"], ["DD", "%d"], ["HH", "%I"], ["MI", "%M"], ["SS", "%S"], ["AM", "%p"], ["PM", "%p"], ["IW", "%V"],
];

/** A to_char date template as a strftime one; undefined when it uses something strftime cannot say. */
export function strftimeFormat(template: string): string | undefined {
  let out = "";
  for (let i = 0; i < template.length; ) {
    const rest = template.slice(i);
    const quoted = /^"([^"]*)"/.exec(rest);
    if (quoted) {
      out += quoted[1]!.replace(/%/g, "%%");
      i += quoted[0].length;
      continue;
    }
    const hit = charFormats.find(([pattern]) => rest.startsWith(pattern));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
      continue;
    }
    const ch = template[i]!;
    if (/[A-Za-z]/.test(ch)) return undefined;
    out += ch === "%" ? "%%" : ch;
    i += 1;
  }
  return out;
}

const lower = (token: Token | undefined) => token?.text.toLowerCase();

/** The string a standard SQL literal token stands for ('it''s' → it's); undefined for E'', U&'' or dollar quoting. */
function literalValue(token: Token): string | undefined {
  if (token.tokenName !== "SCONST" || !token.text.startsWith("'")) return undefined;
  return token.text.slice(1, -1).replace(/''/g, "'");
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Index of the last token of the LIKE pattern that starts at `from`. */
function patternEnd(tokens: Token[], from: number): number {
  let depth = 0;
  let i = from;
  for (; i < tokens.length; i++) {
    const text = lower(tokens[i])!;
    if (depth === 0 && i > from && patternEnds.has(text)) break;
    if (text === "(" || text === "[") depth += 1;
    else if (text === ")" || text === "]") {
      if (depth === 0) break;
      depth -= 1;
    }
  }
  return i - 1;
}

export function toDuckdbSql(sql: string): string {
  const bytes = Buffer.from(sql, "utf8");
  const tokens = (scanSync(sql).tokens as Token[]).filter((t) => t.tokenName !== "C_COMMENT" && t.tokenName !== "SQL_COMMENT");
  const edits: Edit[] = [];
  const typePosition = (i: number) => lower(tokens[i - 1]) === "::" || lower(tokens[i - 1]) === "as";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const text = token.text.toLowerCase();
    const next = tokens[i + 1];
    if (text === "pg_catalog" && next?.text === ".") {
      edits.push({ start: token.start, end: next.end, text: "" });
      i += 1;
    } else if ((text === "numeric" || text === "decimal") && typePosition(i) && next?.text !== "(") {
      edits.push({ start: token.start, end: token.end, text: "DECIMAL(38,10)" });
    } else if (text === "jsonb" && typePosition(i)) {
      edits.push({ start: token.start, end: token.end, text: "JSON" });
    } else if (next?.text === "(" && Object.hasOwn(functionNames, text) && lower(tokens[i - 1]) !== ".") {
      edits.push({ start: token.start, end: token.end, text: functionNames[text]! });
    } else if (text === "to_char" && next?.text === "(") {
      toCharEdit(tokens, i, edits);
    } else if ((text === "like" || text === "ilike") && !["any", "all", "some"].includes(lower(next) ?? "")) {
      const end = patternEnd(tokens, i + 1);
      if (end > i && lower(tokens[end + 1]) !== "escape") {
        edits.push({ start: tokens[end]!.end, end: tokens[end]!.end, text: " ESCAPE '\\'" });
      }
    }
  }
  aliasEdits(sql, tokens, edits);
  if (edits.length === 0) return sql;
  const parts: Buffer[] = [];
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start || (a.order ?? 0) - (b.order ?? 0))) {
    parts.push(bytes.subarray(at, edit.start), Buffer.from(edit.text, "utf8"));
    at = edit.end;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts).toString("utf8");
}

/** to_char(value, 'template') with a literal date template → strftime(value, '%...'). */
function toCharEdit(tokens: Token[], i: number, edits: Edit[]): void {
  let depth = 0;
  let comma = -1;
  let close = -1;
  for (let j = i + 1; j < tokens.length; j++) {
    const text = tokens[j]!.text;
    if (text === "(" || text === "[") depth += 1;
    else if (text === ")" || text === "]") {
      depth -= 1;
      if (depth === 0) {
        close = j;
        break;
      }
    } else if (text === "," && depth === 1 && comma < 0) comma = j;
  }
  if (comma < 0 || close !== comma + 2) return;
  const template = literalValue(tokens[comma + 1]!);
  const format = template === undefined ? undefined : strftimeFormat(template);
  if (format === undefined) return;
  edits.push({ start: tokens[i]!.start, end: tokens[i]!.end, text: "strftime" });
  edits.push({ start: tokens[comma + 1]!.start, end: tokens[comma + 1]!.end, text: quoteLiteral(format) });
}

/** Columns of a statement that is a bare VALUES list; 0 otherwise. */
function valuesWidth(statement: Record<string, any> | undefined): number {
  const select = statement?.SelectStmt;
  if (!select || (select.op && select.op !== "SETOP_NONE") || !Array.isArray(select.valuesLists)) return 0;
  return Number(select.valuesLists[0]?.List?.items?.length ?? 0);
}

/** Clause keywords that end the last select-list item. */
const selectListEnds = new Set(["from", "into", "where", "group", "having", "window", "order", "limit", "offset", "fetch", "union", "intersect", "except", "for"]);

/** ` AS "name"` after each unaliased select-list item, named as PostgreSQL names it. */
function aliasEdits(sql: string, tokens: Token[], edits: Edit[]): void {
  let statement: unknown;
  try {
    statement = (parseSync(sql) as unknown as { stmts?: { stmt: unknown }[] }).stmts?.[0]?.stmt;
  } catch {
    return;
  }
  const values = valuesWidth(statement as Record<string, unknown>);
  if (values > 0) {
    // DuckDB names VALUES columns col0, col1...; PostgreSQL column1, column2...
    const names = Array.from({ length: values }, (_, i) => `column${i + 1}`).join(", ");
    const end = Buffer.byteLength(sql, "utf8");
    edits.push({ start: 0, end: 0, text: "SELECT * FROM (", order: -1 }, { start: end, end, text: `) AS "*VALUES*"(${names})`, order: 2 });
    return;
  }
  const found = unnamedTargets(statement as Record<string, unknown>);
  if (!found) return;
  const firstAt = (offset: number) => tokens.findIndex((t) => t.start >= offset);
  found.targets.forEach((target, i) => {
    if (!target) return;
    const next = found.locations[i + 1];
    let end: number;
    if (next !== undefined) {
      const nextIndex = firstAt(next);
      if (nextIndex < 1 || tokens[nextIndex - 1]!.text !== ",") return;
      end = nextIndex - 2;
    } else {
      end = lastItemEnd(tokens, firstAt(target.location));
    }
    const token = tokens[end];
    if (!token || token.start < target.location) return;
    edits.push({ start: token.end, end: token.end, text: ` AS "${target.name.replace(/"/g, '""')}"`, order: 1 });
  });
}

/** `IS DISTINCT FROM` and `WITHIN GROUP` are inside an item, not a clause after it. */
function continuesItem(keyword: string, previous: string | undefined): boolean {
  return (keyword === "from" && previous === "distinct") || (keyword === "group" && previous === "within");
}

function lastItemEnd(tokens: Token[], from: number): number {
  if (from < 0) return -1;
  let depth = 0;
  let i = from;
  for (; i < tokens.length; i++) {
    const text = lower(tokens[i])!;
    if (text === "(" || text === "[") depth += 1;
    else if (text === ")" || text === "]") {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0 && selectListEnds.has(text) && !continuesItem(text, lower(tokens[i - 1]))) break;
  }
  return i - 1;
}
