import type { TableSnapshot } from "../sql/snapshot.ts";
import { isEnglishWord, isKnownWord } from "./dictionary.ts";
import { splitIdentifier } from "./inflect.ts";
import { identifierPieces, spellOut, type NameWords } from "./names.ts";
import { ABBREVIATIONS } from "./thesaurus.ts";

/**
 * Leading words that say what kind of table a name is, not what it holds
 * (`tbl_orders`, `dim_customer`, `fact_sales`): dropped from labels.
 */
const ROLE_PREFIXES = new Set(["tbl", "tb", "tab", "dim", "fact", "fct", "stg", "lkp", "lu", "vw", "view"]);

/** Share of names that must start with the same short token for it to be the schema's prefix (`sb`, `t_`). */
const PREFIX_SHARE = 0.6;

export interface SchemaNaming {
  table(table: TableSnapshot): NameWords;
  column(table: TableSnapshot, column: string): NameWords;
  /**
   * A column's words without the table's short form, which is how the column
   * names what it refers to: `sbTxCustId` of transactions → ["customer", "id"].
   */
  columnTail(table: TableSnapshot, column: string): string[];
}

/** A short token that means nothing alone: a naming convention rather than a word. */
function conventionToken(token: string): boolean {
  return ROLE_PREFIXES.has(token) || (token.length <= 4 && /^[a-z]+$/.test(token) && !ABBREVIATIONS[token] && !isEnglishWord(token));
}

/** The first piece most names share when it is a naming convention (`sb` of `sbCustomer`, `t` of `t_orders`). */
function sharedPrefix(names: string[][]): string | undefined {
  const counts = new Map<string, number>();
  for (const pieces of names) if (pieces.length > 1) counts.set(pieces[0]!, (counts.get(pieces[0]!) ?? 0) + 1);
  const [token, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!token || !count || count < 2 || count < PREFIX_SHARE * names.length) return undefined;
  return conventionToken(token) ? token : undefined;
}

/** Words of delimited or camelCase names in the schema: pieces to prefer when splitting its folded names. */
function schemaVocabulary(tables: TableSnapshot[]): Set<string> {
  const words = new Set<string>();
  for (const name of tables.flatMap((t) => [t.name, ...t.columns.map((c) => c.name)])) {
    const split = splitIdentifier(name).filter((w) => /^[a-z]{2,}$/.test(w));
    if (split.length > 1) for (const w of split) words.add(w);
  }
  return words;
}

function commonStart(names: string[]): string {
  let start = names[0] ?? "";
  for (const n of names) while (!n.startsWith(start)) start = start.slice(0, -1);
  return start;
}

/**
 * The short form of the table that starts its columns (`cust` in `sbCustomer`,
 * `dp` in `sbDailyPrice`), when it is an abbreviation of the table's words:
 * their initials, the start of its one word, or a listed abbreviation.
 */
function columnToken(table: TableSnapshot, tableWritten: string[], prefix: string | undefined): string | undefined {
  if (table.columns.length < 2) return undefined;
  const folded = table.columns.map((c) => c.name.toLowerCase().replace(/[^a-z0-9]/g, ""));
  let start = commonStart(folded);
  if (prefix && start.startsWith(prefix)) start = start.slice(prefix.length);
  start = start.replace(/[0-9]+$/, "");
  if (start.length < 2 || folded.includes(`${prefix ?? ""}${start}`)) return undefined;
  const tableWords = spellOut(tableWritten);
  const initials = tableWords.map((w) => w[0]).join("");
  const byInitials = tableWords.length > 1 && start === initials;
  const listed = ABBREVIATIONS[start] === tableWords.join(" ");
  // Initials may spell a word (`so` of sale order), and a listed abbreviation (`tx`) counts as one; any other start that is a word is the column's own.
  if (isKnownWord(start) && !byInitials && !listed) return undefined;
  return byInitials || listed || (tableWords.length === 1 && tableWords[0]!.startsWith(start)) ? start : undefined;
}

function withoutPrefix(pieces: string[], prefix: string | undefined): string[] {
  return prefix && pieces.length > 1 && pieces[0] === prefix ? pieces.slice(1) : pieces;
}

/**
 * How a schema names things, learnt from all its names at once: a prefix most
 * tables (and columns) share (`sb`, `tbl_`, `t_`), role prefixes (`dim_`,
 * `fact_`), the table's short form at the start of its columns, and the
 * schema's own words for splitting names PostgreSQL folded to lower case.
 * Labels and synonyms are built from the words left.
 */
export function schemaNaming(tables: TableSnapshot[]): SchemaNaming {
  const vocabulary = schemaVocabulary(tables);
  const tablePrefix = sharedPrefix(tables.map((t) => identifierPieces(t.name, vocabulary)));
  if (tablePrefix) vocabulary.add(tablePrefix);
  const columnPieces = tables.flatMap((t) => t.columns.map((c) => identifierPieces(c.name, vocabulary)));
  const columnPrefix =
    tablePrefix && columnPieces.filter((p) => p[0] === tablePrefix).length >= PREFIX_SHARE * columnPieces.length
      ? tablePrefix
      : sharedPrefix(columnPieces);

  const tableNames = new Map<TableSnapshot, NameWords>();
  const columnNames = new Map<TableSnapshot, Map<string, NameWords & { tail: string[] }>>();
  for (const table of tables) {
    let written = withoutPrefix(identifierPieces(table.name, vocabulary), tablePrefix);
    if (written.length > 1 && ROLE_PREFIXES.has(written[0]!)) written = written.slice(1);
    tableNames.set(table, { written, words: spellOut(written) });
    const token = columnToken(table, written, columnPrefix);
    const known = token ? new Set([...vocabulary, token]) : vocabulary;
    const columns = new Map<string, NameWords & { tail: string[] }>();
    for (const column of table.columns) {
      const pieces = withoutPrefix(identifierPieces(column.name, known), columnPrefix);
      const short = token !== undefined && pieces.length > 1 && pieces[0] === token;
      const tail = spellOut(short ? pieces.slice(1) : pieces);
      // The table's short form reads as the table's words: `dp_close` in daily_price → "daily price close".
      const words = short ? [...spellOut(written), ...tail] : tail;
      columns.set(column.name, { written: pieces, words, tail });
    }
    columnNames.set(table, columns);
  }
  return {
    table: (table) => tableNames.get(table) ?? { written: identifierPieces(table.name), words: spellOut(identifierPieces(table.name)) },
    column: (table, column) => {
      const hit = columnNames.get(table)?.get(column);
      if (hit) return { written: hit.written, words: hit.words };
      const pieces = identifierPieces(column);
      return { written: pieces, words: spellOut(pieces) };
    },
    columnTail: (table, column) => columnNames.get(table)?.get(column)?.tail ?? spellOut(identifierPieces(column)),
  };
}
