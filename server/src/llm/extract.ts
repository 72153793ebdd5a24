/**
 * Reads the model's answer out of whatever it wrote. Servers without
 * structured output (common locally) get JSON wrapped in prose or a code
 * fence, a ```sql fence, or bare SQL; all of them are accepted. Nothing here
 * throws: unreadable text is a failed extraction the caller can correct.
 */

export type ExtractedVia = "json" | "json-in-text" | "json-lenient" | "sql-fence" | "bare-sql";

export type Extraction =
  | { ok: true; sql: string; explanation: string; tables: string[]; via: ExtractedVia }
  | { ok: false; reason: string };

const SQL_KEYS = ["sql", "query", "sql_query", "SQL", "Query"];
const EXPLANATION_KEYS = ["explanation", "reasoning", "description", "summary"];
const SQL_START = /^[ \t]*(\(?\s*SELECT\b|WITH\s+(RECURSIVE\s+)?[\w"]+(\s*\([^)]*\))?\s+AS\s*(NOT\s+)?(MATERIALIZED\s+)?\()/im;

/** Reasoning models (e.g. deepseek-r1 on Ollama) think aloud first; that part never holds the answer. */
function withoutThinking(text: string): string {
  return text.replace(/<think>[\s\S]*?(<\/think>|$)/gi, "").trim();
}

function cleanSql(sql: string): string {
  let s = sql.trim();
  const fenced = /^```[a-z]*\s*\n?([\s\S]*?)\n?```$/i.exec(s);
  if (fenced) s = fenced[1]!.trim();
  return s.replace(/[\s;]+$/, "").trim();
}

function fromObject(value: unknown, via: ExtractedVia): Extraction | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const obj = value as Record<string, unknown>;
  const key = SQL_KEYS.find((k) => typeof obj[k] === "string");
  if (!key) return null;
  const sql = cleanSql(obj[key] as string);
  if (!sql) return { ok: false, reason: "The reply's sql field is empty." };
  const explanationKey = EXPLANATION_KEYS.find((k) => typeof obj[k] === "string");
  const tables = Array.isArray(obj.tables) ? obj.tables.filter((t): t is string => typeof t === "string") : [];
  return { ok: true, sql, explanation: explanationKey ? (obj[explanationKey] as string).trim() : "", tables, via };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every balanced `{...}` in the text, outermost first, skipping braces inside strings. */
function jsonObjects(text: string): string[] {
  const found: string[] = [];
  for (let start = text.indexOf("{"); start >= 0; start = text.indexOf("{", start + 1)) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        found.push(text.slice(start, i + 1));
        start = i;
        break;
      }
    }
  }
  return found;
}

/** Decodes a JSON string body, allowing raw newlines and tabs that strict JSON forbids. */
function decodeJsonString(body: string): string | null {
  const escaped = body.replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  const value = tryParse(`"${escaped}"`);
  return typeof value === "string" ? value : null;
}

/** `"sql": "..."` from JSON that does not parse (trailing commas, raw newlines, cut-off endings). */
function lenientJson(text: string): Extraction | null {
  const keys = SQL_KEYS.join("|");
  const match = new RegExp(`"(?:${keys})"\\s*:\\s*"((?:\\\\.|[^"\\\\])*)"`).exec(text);
  if (!match) return null;
  const sql = decodeJsonString(match[1]!);
  if (sql === null || !cleanSql(sql)) return null;
  const explained = /"explanation"\s*:\s*"((?:\\.|[^"\\])*)"/.exec(text);
  const explanation = explained ? (decodeJsonString(explained[1]!) ?? "") : "";
  return { ok: true, sql: cleanSql(sql), explanation: explanation.trim(), tables: [], via: "json-lenient" };
}

/** SQL from its first keyword to the first semicolon, or to where prose starts again. */
function bareSql(text: string): string | null {
  const match = SQL_START.exec(text);
  if (!match) return null;
  const rest = text.slice(match.index);
  let inString: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (inString) {
      if (c === inString) inString = null;
    } else if (c === "'" || c === '"') inString = c;
    else if (c === ";") return rest.slice(0, i);
  }
  const paragraphs = rest.split(/\n\s*\n/);
  const kept = [paragraphs[0]!];
  for (const p of paragraphs.slice(1)) {
    if (!/^\s*(SELECT|FROM|WHERE|JOIN|LEFT|RIGHT|INNER|GROUP|ORDER|HAVING|LIMIT|UNION|\)|,)/i.test(p)) break;
    kept.push(p);
  }
  return kept.join("\n\n").replace(/```\s*$/, "");
}

function prose(text: string): string {
  return text.replace(/```[\s\S]*?```/g, " ").replace(/\s+/g, " ").trim();
}

export function extractAnswer(raw: string): Extraction {
  const text = withoutThinking(raw);
  if (!text) return { ok: false, reason: "The reply was empty." };

  const whole = fromObject(tryParse(text), "json");
  if (whole) return whole;

  for (const fence of text.matchAll(/```(?:json|JSON)?\s*\n([\s\S]*?)```/g)) {
    const fenced = fromObject(tryParse(fence[1]!.trim()), "json-in-text");
    if (fenced) return fenced;
  }
  for (const candidate of jsonObjects(text)) {
    const found = fromObject(tryParse(candidate), "json-in-text");
    if (found) return found;
  }
  const lenient = lenientJson(text);
  if (lenient) return lenient;

  const looksLikeJson = /^(```(json)?\s*)?\{/i.test(text);
  if (looksLikeJson) return { ok: false, reason: "The reply looked like JSON but could not be read, and no sql field was found in it." };

  const sqlFence = /```(?:sql|postgres(?:ql)?|pgsql)?\s*\n([\s\S]*?)```/i.exec(text);
  if (sqlFence && SQL_START.test(sqlFence[1]!)) {
    const sql = cleanSql(sqlFence[1]!);
    return { ok: true, sql, explanation: prose(text.replace(sqlFence[0], " ")), tables: [], via: "sql-fence" };
  }
  const bare = bareSql(text);
  if (bare && cleanSql(bare)) {
    return { ok: true, sql: cleanSql(bare), explanation: prose(text.replace(bare, " ")), tables: [], via: "bare-sql" };
  }
  return { ok: false, reason: "The reply held no SQL query." };
}

/**
 * The SQL written so far in a reply that is still streaming, for showing it
 * live: the decoded prefix of the JSON `sql` string, the inside of a ```sql
 * fence, or bare SQL. Empty until the SQL starts.
 */
export function partialSql(raw: string): string {
  if (/<think>(?![\s\S]*<\/think>)/i.test(raw)) return "";
  const text = withoutThinking(raw);
  const key = new RegExp(`"(?:${SQL_KEYS.join("|")})"\\s*:\\s*"`).exec(text);
  if (key) {
    let out = "";
    for (let i = key.index + key[0].length; i < text.length; i++) {
      const c = text[i]!;
      if (c === '"') break;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const next = text[i + 1];
      if (next === undefined) break;
      if (next === "u") {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-f]{4}$/i.test(hex)) break;
        out += String.fromCharCode(parseInt(hex, 16));
        i += 5;
        continue;
      }
      out += ({ n: "\n", t: "\t", r: "\r", b: "\b", f: "\f" } as Record<string, string>)[next] ?? next;
      i++;
    }
    return out;
  }
  if (/^(```(json)?\s*)?\{/i.test(text)) return "";
  const fence = /```(?:sql|postgres(?:ql)?|pgsql)?\s*\n([\s\S]*?)(```|$)/i.exec(text);
  if (fence) return fence[1]!.trimEnd();
  const start = SQL_START.exec(text);
  return start ? text.slice(start.index).trimEnd() : "";
}
