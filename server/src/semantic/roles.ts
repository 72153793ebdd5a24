import type { ColumnSnapshot, TableSnapshot } from "../sql/snapshot.ts";
import { nameWords } from "./names.ts";
import type { Aggregation, FieldRole } from "./types.ts";

const NUMERIC = new Set(["integer", "bigint", "decimal", "float"]);
/** Numbers that label rather than measure. */
const CODE_WORDS = new Set([
  "id", "code", "number", "zip", "postal", "phone", "year", "month", "day", "week", "quarter", "extension", "ext",
  "sequence", "seq", "position", "version", "rank", "ordinal", "index", "flag", "type", "status", "via", "reports",
]);
/** Text that is prose or contact detail: listed, never grouped or linked. */
const ATTRIBUTE_WORDS = new Set([
  "note", "notes", "comment", "comments", "description", "remarks", "bio", "body", "content", "summary", "email",
  "phone", "fax", "url", "homepage", "website", "address", "postal", "zip", "path", "photo", "picture", "image",
  "password", "hash", "token", "extension",
]);
const AVERAGED = new Set([
  "price", "rate", "ratio", "percent", "percentage", "score", "rating", "age", "discount", "level", "latitude",
  "longitude", "lat", "lon", "temperature", "weight", "height", "cost",
]);
const MONEY = new Set([
  "price", "cost", "amount", "total", "revenue", "sales", "sale", "freight", "fee", "charge", "salary", "wage", "pay",
  "balance", "payment", "paid", "budget", "tax", "income", "profit", "spend", "spent", "value", "subtotal",
]);
const FLAG_WORDS = /^(is|has|can|should|was|active|enabled|disabled|deleted|archived|discontinued|verified|paid|closed|open|flag)$/;

export interface ColumnRole {
  role: FieldRole;
  aggregation?: Aggregation;
  money?: boolean;
  flag?: boolean;
}

function isFlag(column: ColumnSnapshot, words: string[]): boolean {
  if (column.type === "boolean") return true;
  if (column.type !== "integer") return false;
  const values = column.samples;
  const binary = values !== undefined && values.length > 0 && values.every((v) => v === "0" || v === "1");
  return binary && (values.length === 2 || words.some((w) => FLAG_WORDS.test(w)));
}

const WHOLE = new Set(["integer", "bigint"]);

/**
 * A "number of things" column (`citation_num`, `num_rooms`): whole numbers that start at
 * zero count something, where labels (house or order numbers) start at one or higher.
 */
function isTally(column: ColumnSnapshot, words: string[]): boolean {
  if (!WHOLE.has(column.type) || column.min !== "0" || !words.includes("number")) return false;
  const others = words.filter((w) => w !== "number");
  return others.length > 0 && !others.some((w) => CODE_WORDS.has(w) || w === "id");
}

/** Decides what a column is for, from its type, keys, name (its words, when the schema's naming is known) and sampled values. */
export function columnRole(table: TableSnapshot, column: ColumnSnapshot, words = nameWords(column.name)): ColumnRole {
  const inPk = table.primaryKey.includes(column.name);
  // A reference by a shared name (`city_name`) is still a value to group and filter by.
  const inFk = table.foreignKeys.some((fk) => fk.columns.includes(column.name) && !(column.type === "text" && fk.evidence?.rule === "shared_name"));
  if (["binary", "json", "array", "other", "uuid", "interval"].includes(column.type) && !inPk && !inFk) {
    return { role: "attribute" };
  }
  if (inFk) return { role: "foreign_key" };
  if (inPk) return { role: "id" };
  if (column.type === "date" || column.type === "timestamp") return { role: "time" };
  if (isFlag(column, words)) return { role: "dimension", flag: true };
  if (NUMERIC.has(column.type)) {
    const last = words[words.length - 1] ?? "";
    if (isTally(column, words)) return { role: "measure", aggregation: "sum", money: false };
    if (words.some((w) => CODE_WORDS.has(w)) || last === "id") return { role: "dimension" };
    const averaged = words.some((w) => AVERAGED.has(w));
    return {
      role: "measure",
      aggregation: averaged ? "avg" : "sum",
      money: words.some((w) => MONEY.has(w)),
    };
  }
  if (column.type === "text" && words.some((w) => ATTRIBUTE_WORDS.has(w))) return { role: "attribute" };
  return { role: "dimension" };
}
