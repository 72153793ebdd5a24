import type { EngineErrorCode } from "./errors.ts";

/** Reasons a question is refused before any reading is attempted. */
export type RejectCode = Extract<EngineErrorCode, "EMPTY_QUESTION" | "QUESTION_TOO_LONG" | "SQL_NOT_ACCEPTED" | "NOT_ENGLISH" | "NOT_UNDERSTOOD" | "INVALID_DATE" | "NUMBER_TOO_LARGE">;

/** Long enough for a question with its instructions (a paragraph of "return these columns, order by…"). */
export const MAX_QUESTION_LENGTH = 4000;

const SQL_START = /^\s*(select|with|insert|update|delete|drop|create|alter|truncate|grant|revoke|copy|call|exec|execute|begin|commit|rollback|explain|vacuum)\b/i;
const SQL_KEYWORDS = /\b(SELECT|FROM|WHERE|GROUP BY|ORDER BY|JOIN|INSERT INTO|VALUES|UPDATE|SET|DELETE FROM|DROP TABLE|LIMIT|HAVING|UNION|CREATE TABLE|ALTER TABLE|TRUNCATE)\b/g;
const DESTRUCTIVE = /^\s*(drop|delete|truncate|insert|update|alter|create|grant|revoke)\s+(table|from|into|database|schema|index|view|user|role|\w+\s+set)\b/i;

/** Looks like SQL rather than a question: a statement keyword plus SQL punctuation or several upper-case keywords. */
export function looksLikeSql(text: string): boolean {
  if (DESTRUCTIVE.test(text)) return true;
  if (!SQL_START.test(text)) return false;
  const symbols = /[*;=()]|\b\w+_\w+\b|\b\w+\.\w+\b/.test(text);
  const upper = (text.match(SQL_KEYWORDS) ?? []).length;
  return symbols || upper >= 2;
}

const FOREIGN_WORDS = new Set([
  // Spanish / Portuguese
  "cuantos", "cuantas", "cual", "cuales", "donde", "hay", "los", "las", "del", "por", "para", "que", "quantos", "quantas",
  "qual", "quais", "onde", "tem", "dos", "das", "com", "uma", "muestra", "mostrar", "clientes", "ventas", "pedidos",
  // French
  "combien", "quel", "quels", "quelle", "quelles", "les", "des", "pour", "avec", "sont", "est", "dans", "montre", "ventes",
  // German
  "wie", "viele", "welche", "welcher", "gibt", "es", "der", "die", "das", "und", "mit", "nach", "pro", "zeige", "kunden",
  // Italian / Dutch
  "quanti", "quante", "quali", "sono", "della", "hoeveel", "welke", "zijn", "het", "een", "voor",
]);
const ENGLISH_WORDS = new Set([
  "how", "many", "what", "which", "who", "the", "are", "is", "of", "per", "by", "for", "with", "show", "list", "give",
  "me", "total", "average", "number", "top", "each", "all", "and", "from", "there", "does", "do", "have", "has", "was",
  "were", "in", "on", "than", "more", "most", "count", "sum", "by", "only", "what's", "whats", "sort", "order",
]);

/** Written in another script, or mostly another language's function words. */
export function looksForeign(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const latin = letters.filter((c) => /[a-zA-Z\u00C0-\u024F]/.test(c)).length;
  if (latin / letters.length < 0.7) return true;
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .match(/[a-z']+/g) ?? [];
  const foreign = words.filter((w) => FOREIGN_WORDS.has(w)).length;
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  return foreign >= 2 && foreign > english * 2;
}

export const questionTooLongMessage = (length: number) =>
  `The question is ${length.toLocaleString("en")} characters long; questions are limited to ${MAX_QUESTION_LENGTH.toLocaleString("en")}. Shorten it to the essentials.`;

export function rejectReason(question: string): { code: RejectCode; message: string } | undefined {
  const text = question.trim();
  if (!text) return { code: "EMPTY_QUESTION", message: "Ask a question about your data, e.g. “How many customers are there?”" };
  if (text.length > MAX_QUESTION_LENGTH) {
    return { code: "QUESTION_TOO_LONG", message: questionTooLongMessage(text.length) };
  }
  if (looksLikeSql(text)) {
    return { code: "SQL_NOT_ACCEPTED", message: "That looks like SQL. Ask the question in plain English and the SQL will be written for you." };
  }
  if (looksForeign(text)) {
    return { code: "NOT_ENGLISH", message: "Only English questions are understood for now. Please ask in English." };
  }
  return undefined;
}
