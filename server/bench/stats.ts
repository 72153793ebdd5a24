/** Percentiles and a printed table, shared by the pipeline benchmarks. */

export function percentile(samples: number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : "—");

export interface Row {
  measure: string;
  value: string;
  target?: string;
  /** Whether the figure meets its target; undefined when there is none. */
  ok?: boolean;
}

/** A fixed-width table on stdout, with ✓/✗ against targets. */
export function printTable(title: string, rows: Row[]) {
  const width = (k: keyof Row) => Math.max(k.length, ...rows.map((r) => String(r[k] ?? "").length));
  const [w1, w2, w3] = [width("measure"), width("value"), width("target")];
  console.log(`\n${title}`);
  console.log(`${"measure".padEnd(w1)}  ${"value".padStart(w2)}  ${"target".padEnd(w3)}  `);
  console.log(`${"-".repeat(w1)}  ${"-".repeat(w2)}  ${"-".repeat(w3)}  --`);
  for (const r of rows) {
    const mark = r.ok === undefined ? "" : r.ok ? "✓" : "✗";
    console.log(`${r.measure.padEnd(w1)}  ${r.value.padStart(w2)}  ${(r.target ?? "").padEnd(w3)}  ${mark}`);
  }
}

/** Progress on stderr, so stdout stays the figures. */
export function say(message: string) {
  process.stderr.write(`${message}\n`);
}
