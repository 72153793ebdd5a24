import { valueTypeOf } from "../introspect/types.ts";
import type { ValueType } from "../snapshot.ts";
import type { TypeInfo } from "./type-catalog.ts";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One cell of a result. Every value is JSON-safe, so results can be stored and sent as they are. */
export type CellValue = JsonValue;

/**
 * The value-typing rules, the same for every executor (the session asks for
 * ISO dates and standard strings, and values arrive as text):
 *
 * | type        | JS value                                                              |
 * |-------------|-----------------------------------------------------------------------|
 * | integer     | number (int2, int4, oid)                                              |
 * | bigint      | number when it is a safe integer (|n| ≤ 2^53-1), else its exact decimal string |
 * | decimal     | exact decimal string as the database wrote it ("1234.50"; "NaN"); money as formatted |
 * | float       | number; "NaN", "Infinity", "-Infinity" as strings (JSON has no such numbers) |
 * | boolean     | true / false                                                          |
 * | date        | "YYYY-MM-DD" ("infinity", BC dates as the database wrote them)        |
 * | timestamp   | without zone: "YYYY-MM-DDTHH:MM:SS[.ffffff]"; with zone: the same instant in UTC with "Z" |
 * | json        | parsed JSON                                                           |
 * | everything else (text, time, interval, uuid, bytea as \x hex, arrays as {..} literals, enums) | string |
 * | NULL        | null                                                                  |
 */
export function valueTypeOfInfo(info: TypeInfo): ValueType {
  return valueTypeOf(info.name, info.category, info.kind);
}

export function convertValue(text: string | null, info: TypeInfo): CellValue {
  if (text === null) return null;
  switch (info.name) {
    case "int2":
    case "int4":
    case "oid":
      return Number(text);
    case "int8": {
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : text;
    }
    case "float4":
    case "float8": {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case "bool":
      return text === "t" || text === "true";
    case "timestamp":
      return localTimestamp(text);
    case "timestamptz":
      return utcTimestamp(text);
    case "json":
    case "jsonb":
      return JSON.parse(text) as JsonValue;
    default:
      return text;
  }
}

const plainTimestamp = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}:\d{2}:\d{2})(\.\d+)?$/;
const zonedTimestamp = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?$/;

function localTimestamp(text: string): string {
  const m = plainTimestamp.exec(text);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}${m[5] ?? ""}` : text;
}

/** ISO output with an offset ("2024-01-02 03:04:05.123456+02") → the UTC instant, keeping microseconds. */
function utcTimestamp(text: string): string {
  const m = zonedTimestamp.exec(text);
  if (!m) return text;
  const [, y, mo, d, h, mi, s, fraction, sign, oh, om, os] = m;
  const offsetSeconds = (sign === "-" ? -1 : 1) * (Number(oh) * 3600 + Number(om ?? 0) * 60 + Number(os ?? 0));
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s) - offsetSeconds, 0);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return text;
  const iso = date.toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z
  return `${iso.slice(0, 19)}${fraction ?? ""}Z`;
}
