import type { TurnResult } from "./run.ts";

export interface Score {
  label: string;
  conversations: number;
  conversationsCorrect: number;
  turns: number;
  turnsCorrect: number;
}

const pct = (a: number, b: number) => (b === 0 ? "   –  " : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

/** Accuracy per dataset and overall, over turns with gold SQL and conversations whose scored turns all pass. */
export function score(results: TurnResult[]): Score[] {
  const byDataset = new Map<string, TurnResult[]>();
  for (const r of results) byDataset.set(r.dataset, [...(byDataset.get(r.dataset) ?? []), r]);
  const one = (label: string, rs: TurnResult[]): Score => {
    const scored = rs.filter((r) => r.correct !== null);
    const conversations = new Map<string, boolean>();
    for (const r of scored) conversations.set(r.id, (conversations.get(r.id) ?? true) && r.correct === true);
    return {
      label,
      conversations: conversations.size,
      conversationsCorrect: [...conversations.values()].filter(Boolean).length,
      turns: scored.length,
      turnsCorrect: scored.filter((r) => r.correct).length,
    };
  };
  return [...[...byDataset.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, rs]) => one(name, rs)), one("all", results)];
}

/** The summary table and the failures, as printable text. */
export function formatReport(results: TurnResult[], elapsedMs: number): string {
  const lines: string[] = [];
  const scores = score(results);
  lines.push("", "Execution accuracy", "");
  lines.push(`${"dataset".padEnd(14)} ${"turns".padStart(9)} ${"turn acc".padStart(9)} ${"convs".padStart(9)} ${"conv acc".padStart(9)}`);
  lines.push("-".repeat(54));
  for (const s of scores) {
    if (s.label === "all") lines.push("-".repeat(54));
    lines.push(
      `${s.label.padEnd(14)} ${`${s.turnsCorrect}/${s.turns}`.padStart(9)} ${pct(s.turnsCorrect, s.turns).padStart(9)} ${`${s.conversationsCorrect}/${s.conversations}`.padStart(9)} ${pct(s.conversationsCorrect, s.conversations).padStart(9)}`,
    );
  }
  const failures = results.filter((r) => r.correct === false);
  const unscored = results.filter((r) => r.correct === null).length;
  if (unscored > 0) lines.push("", `${unscored} turn(s) without gold SQL: predictions written, not scored.`);
  if (failures.length > 0) {
    lines.push("", `Failures (${failures.length}):`);
    for (const f of failures) lines.push(`  ${f.id}#${f.turn} ${f.question.slice(0, 70)} — ${f.reason ?? "wrong"}`);
  }
  lines.push("", `${results.length} turns in ${(elapsedMs / 1000).toFixed(1)} s`);
  return lines.join("\n");
}
