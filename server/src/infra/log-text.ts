/** pino's numeric levels, as a person reads them. */
const levelNames: Record<number, string> = { 10: "trace", 20: "debug", 30: "info", 40: "warn", 50: "error", 60: "fatal" };

/** Fields every line has, or that say nothing to a person at a terminal. */
const omitted = new Set(["level", "time", "msg", "pid", "hostname", "service", "err"]);

function showValue(value: unknown): string {
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}

function clock(time: unknown): string {
  const date = typeof time === "number" ? new Date(time) : new Date();
  return date.toTimeString().slice(0, 8);
}

/**
 * One pino JSON line as `HH:MM:SS level message key=value …`, with an error's
 * stack on the lines below. A line that is not JSON passes through unchanged.
 */
export function formatLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith("\n") ? line : `${line}\n`;
  }
  const level = levelNames[entry.level as number] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key]) => !omitted.has(key))
    .map(([key, value]) => `${key}=${showValue(value)}`);
  const err = entry.err as { message?: string; stack?: string; code?: string } | undefined;
  if (err?.code) fields.push(`code=${showValue(err.code)}`);
  const head = [clock(entry.time), level.padEnd(5), typeof entry.msg === "string" ? entry.msg : "", ...fields].filter(Boolean).join(" ");
  const detail = err ? `\n${(err.stack ?? err.message ?? "").replace(/^/gm, "    ")}` : "";
  return `${head}${detail}\n`;
}
