import { singularize, splitIdentifier } from "../../semantic/inflect.ts";
import type { ValueType } from "../snapshot.ts";

/** Table name reduced to a comparable key: `order_items` → `orderitem`, `Customers` → `customer`. */
export function tableKey(name: string): string {
  const words = splitIdentifier(name);
  const last = words.pop();
  return [...words, last ? singularize(last) : ""].join("");
}

/**
 * The keys a table answers to: its whole name, and without its first word
 * when it has several (`dim_customer`, `tbl_orders` → also `customer`, `order`).
 */
export function tableKeys(name: string): string[] {
  const words = splitIdentifier(name);
  const keys = [tableKey(name)];
  if (words.length >= 2) keys.push(tableKey(words.slice(1).join("_")));
  return keys;
}

/** First letters of a table's words: `domain_author` → `da`. */
function initials(name: string): string {
  return splitIdentifier(name)
    .map((w) => w[0])
    .join("");
}

/** Suffixes that make a column an identifier (`_id`, `id`) or a natural key (`code`, `key`, `name`, `no`). */
const ID_SUFFIXES = ["id", "key"];
const NATURAL_SUFFIXES = ["code", "no", "number", "name"];

/**
 * How much a column's name says "I identify a row of this table", best first
 * (0 = `id`, 1 = `<table>_id`/`<table>id`/`<table>_key`, 2 = the same without the table's first word or `<initials>id`, 3 = `code`/
 * `<table>_code`/`<table>_name`...), or null when it does not.
 */
export function keyNameRank(table: string, column: string): number | null {
  const col = splitIdentifier(column).join("");
  const own = tableKeys(table);
  if (ID_SUFFIXES.includes(col)) return 0;
  const named = ID_SUFFIXES.some((suffix) => col === `${own[0]}${suffix}`);
  if (named) return 1;
  if (ID_SUFFIXES.some((suffix) => own.some((key) => col === `${key}${suffix}`))) return 2;
  if (col === `${initials(table)}id` && col.length <= 4) return 2;
  if (col === "code") return 3;
  if (NATURAL_SUFFIXES.some((suffix) => own.some((key) => col === `${key}${suffix}`))) return 3;
  return null;
}

/** Whether a key of this rank stands for the row (an identifier) rather than a natural value (a name). */
export const isIdentifierRank = (rank: number | null): boolean => rank !== null && rank <= 2;

/**
 * The table key a referencing column names: `customer_id`, `customerId`,
 * `customerid`, `customer_key` → `customer`; null when the column does not end in `id` or `key`.
 */
export function referencedTableKey(column: string): string | null {
  const words = splitIdentifier(column);
  const last = words[words.length - 1] ?? "";
  if (words.length >= 2 && ID_SUFFIXES.includes(last)) return tableKey(words.slice(0, -1).join("_"));
  if (words.length === 1 && last.length > 4 && last.endsWith("id")) return tableKey(last.slice(0, -2));
  return null;
}

/**
 * A name shared across tables means the same thing only when it is specific:
 * several words (`state_name`) or a key-like single word (`isbn`, `aid`), not
 * `name`, `title` or `year`.
 */
export function isDistinctiveName(column: string): boolean {
  const words = splitIdentifier(column);
  if (words.length >= 2) return true;
  const word = words[0] ?? "";
  return word.length > 2 && word.length <= 5 && word.endsWith("id") && word !== "id";
}

const NUMERIC: ValueType[] = ["integer", "bigint", "decimal"];

/** Values of these two types can be equal (integers of any width, text of any length). */
export function typesCompatible(a: ValueType, b: ValueType): boolean {
  if (a === b) return true;
  return NUMERIC.includes(a) && NUMERIC.includes(b);
}
