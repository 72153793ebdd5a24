import { nameWords } from "../../semantic/names.ts";
import { fieldKey, type Lexicon } from "../lexicon/build.ts";
import type { FieldRef } from "../spec.ts";

const MS: Record<string, number> = { ms: 1, millisecond: 1, milliseconds: 1, second: 1000, seconds: 1000, sec: 1000, secs: 1000, minute: 60_000, minutes: 60_000, min: 60_000, mins: 60_000, hour: 3_600_000, hours: 3_600_000, hr: 3_600_000, hrs: 3_600_000 };
const BYTES: Record<string, number> = { bytes: 1, kb: 1024, kilobytes: 1024, mb: 1024 ** 2, megabytes: 1024 ** 2, gb: 1024 ** 3, gigabytes: 1024 ** 3 };

const UNIT_WORDS: Record<string, string> = {
  minute: "minute", minutes: "minute", min: "minute", mins: "minute", second: "second", seconds: "second", sec: "second", secs: "second",
  hour: "hour", hours: "hour", hr: "hour", hrs: "hour", millisecond: "ms", milliseconds: "ms", ms: "ms",
};

/** Words naming a unit of time, for lexicon entries pointing at duration columns. */
export const DURATION_WORDS = Object.keys(UNIT_WORDS);

/** How much to divide a duration column by to answer in the unit a word names ("minutes" of milliseconds: 60000). */
export function unitScale(column: string, word: string): number | undefined {
  const unit = UNIT_WORDS[word.toLowerCase()];
  if (!unit) return undefined;
  const columnUnit = nameWords(column).find((w) => MS[w] !== undefined);
  if (!columnUnit) return undefined;
  const target = MS[unit === "ms" ? "ms" : unit]!;
  const scale = target / MS[columnUnit]!;
  return scale === 1 ? undefined : scale;
}

/**
 * A number said in one unit, expressed in the column's unit: "5 minutes"
 * against a `milliseconds` column is 300000, "10%" against a 0–1 fraction is 0.1.
 */
export function convertUnit(lexicon: Lexicon, ref: FieldRef, value: number, unit: string | undefined): number {
  if (!unit) return value;
  const words = nameWords(ref.field);
  const columnUnit = words.find((w) => MS[w] !== undefined || BYTES[w] !== undefined);
  if (MS[unit] !== undefined && columnUnit && MS[columnUnit] !== undefined) return (value * MS[unit]!) / MS[columnUnit]!;
  if (BYTES[unit] !== undefined && columnUnit && BYTES[columnUnit] !== undefined) return (value * BYTES[unit]!) / BYTES[columnUnit]!;
  if (unit === "percent") {
    const field = lexicon.fields.get(fieldKey(ref.entity, ref.field));
    if (field?.max !== undefined && field.max !== null && Number(field.max) <= 1) return value / 100;
  }
  return value;
}
