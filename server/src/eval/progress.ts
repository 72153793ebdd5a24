import type { TurnResult } from "./run.ts";

const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s`;
};

/** One line of progress: conversations done, outcomes so far, time spent and a guess at what is left. */
export function progressLine(done: number, total: number, results: readonly TurnResult[], elapsedMs: number, last: string): string {
  const count = (o: TurnResult["outcome"]) => results.filter((r) => r.correct !== null && r.outcome === o).length;
  const left = done > 0 && done < total ? `, ~${clock((elapsedMs / done) * (total - done))} left` : "";
  const width = String(total).length;
  return `[${String(done).padStart(width)}/${total}] ${count("right")} right, ${count("wrong")} wrong SQL, ${count("asked")} asked back, ${count("failed")} failed · ${clock(elapsedMs)}${left} · ${last}`;
}

/**
 * Progress on stderr: redrawn in place on a terminal, otherwise one line
 * about every 5% (a log file stays short but shows the run is alive).
 */
export function createProgress(stream: { write(text: string): unknown; isTTY?: boolean }, started = Date.now()) {
  let printed = 0;
  return {
    update(done: number, total: number, results: readonly TurnResult[], last: string) {
      const line = progressLine(done, total, results, Date.now() - started, last);
      if (stream.isTTY) {
        stream.write(`\r\u001b[2K${line}${done === total ? "\n" : ""}`);
        return;
      }
      const step = Math.max(1, Math.ceil(total / 20));
      if (done === total || done - printed >= step || done === 1) {
        printed = done;
        stream.write(`${line}\n`);
      }
    },
  };
}

/**
 * Introspection progress as log lines: one when a phase ends, and every
 * quarter of a long phase (a 1,000-table schema shows it is moving).
 */
export function introspectionProgress(name: string, log: (line: string) => void) {
  const printed = new Map<string, number>();
  return ({ phase, done, total }: { phase: string; done: number; total: number }) => {
    if (total === 0) return;
    const quarter = Math.floor((4 * done) / total);
    const long = total >= 400;
    if (done !== total && !(long && quarter > (printed.get(phase) ?? 0))) return;
    if (printed.get(phase) === 4) return;
    printed.set(phase, done === total ? 4 : quarter);
    log(`  ${name}: introspecting, ${phase} ${done}/${total}`);
  };
}
