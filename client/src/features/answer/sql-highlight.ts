import { formatDialect, postgresql } from "sql-formatter";

export type SqlTokenKind = "keyword" | "function" | "type" | "identifier" | "quoted" | "string" | "number" | "comment" | "parameter" | "operator" | "punctuation" | "space";

export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
}

const KEYWORDS = new Set(
  `select from where group by order having limit offset fetch first next rows only join inner left right full outer cross
  natural lateral on using as and or not in is null like ilike similar between exists any all some distinct case when then
  else end asc desc nulls last with recursive union intersect except filter over partition window range preceding following
  unbounded current row true false interval date time timestamp at zone cast collate escape values default`
    .split(/\s+/)
    .filter(Boolean),
);

const TYPES = new Set(
  `int integer bigint smallint numeric decimal real double precision float text varchar char character boolean bool
  timestamptz json jsonb uuid`
    .split(/\s+/)
    .filter(Boolean),
);

/** Ordered: the first rule matching at the current position wins. */
const RULES: [SqlTokenKind, RegExp][] = [
  ["space", /\s+/y],
  ["comment", /--[^\n]*/y],
  ["comment", /\/\*[\s\S]*?(\*\/|$)/y],
  ["string", /[eE]?'(?:[^']|'')*(?:'|$)/y],
  // Dollar quoting: $tag$ … $tag$ (tag may be empty).
  ["string", /\$([A-Za-z_]\w*)?\$[\s\S]*?(?:\$\1\$|$)/y],
  ["quoted", /"(?:[^"]|"")*(?:"|$)/y],
  ["parameter", /\$\d+/y],
  ["number", /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y],
  ["identifier", /[\p{L}_][\p{L}\p{N}_$]*/uy],
  ["operator", /::|<>|!=|<=|>=|\|\||[-+*/%<>=~!|&^#@]/y],
  ["punctuation", /[(),;.[\]]/y],
];

/**
 * Splits SQL into tokens for highlighting. Total: every character lands in a
 * token, so joining the texts gives the input back (unknown characters are punctuation).
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let pos = 0;
  while (pos < sql.length) {
    let matched: SqlToken | null = null;
    for (const [kind, rule] of RULES) {
      rule.lastIndex = pos;
      const m = rule.exec(sql);
      if (m && m[0].length > 0) {
        matched = { kind, text: m[0] };
        break;
      }
    }
    matched ??= { kind: "punctuation", text: String.fromCodePoint(sql.codePointAt(pos)!) };
    if (matched.kind === "identifier") matched.kind = classifyWord(matched.text, sql, pos + matched.text.length);
    tokens.push(matched);
    pos += matched.text.length;
  }
  return tokens;
}

function classifyWord(word: string, sql: string, end: number): SqlTokenKind {
  const lower = word.toLowerCase();
  const rest = sql.slice(end, end + 40);
  // A word before "(" is a function call, unless it is a keyword that takes parentheses (IN, EXISTS, OVER…).
  if (/^\s*\(/.test(rest) && !KEYWORDS.has(lower)) return TYPES.has(lower) ? "type" : "function";
  if (KEYWORDS.has(lower)) return "keyword";
  if (TYPES.has(lower)) return "type";
  return "identifier";
}

/**
 * Pretty-printed PostgreSQL; the SQL unchanged when the formatter cannot parse it.
 * Letter case is kept: upper-casing keywords would also upper-case columns
 * named like keywords (year, month, name), which reads as a different query.
 */
export function prettySql(sql: string): string {
  try {
    return formatDialect(sql, { dialect: postgresql, keywordCase: "preserve", tabWidth: 2 });
  } catch {
    return sql.trim();
  }
}
