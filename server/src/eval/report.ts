import type { Outcome, TurnResult } from "./run.ts";

export interface Score {
  label: string;
  conversations: number;
  conversationsCorrect: number;
  /** Turns with gold SQL. */
  turns: number;
  turnsCorrect: number;
  /** How the scored turns ended. */
  outcomes: Record<Exclude<Outcome, "unscored">, number>;
}

const pct = (a: number, b: number) => (b === 0 ? "–" : `${((100 * a) / b).toFixed(1)}%`);

function scoreOf(label: string, rs: TurnResult[]): Score {
  const scored = rs.filter((r) => r.correct !== null);
  const conversations = new Map<string, boolean>();
  for (const r of scored) conversations.set(r.id, (conversations.get(r.id) ?? true) && r.correct === true);
  const outcomes = { right: 0, wrong: 0, asked: 0, failed: 0 };
  for (const r of scored) if (r.outcome !== "unscored") outcomes[r.outcome]++;
  return {
    label,
    conversations: conversations.size,
    conversationsCorrect: [...conversations.values()].filter(Boolean).length,
    turns: scored.length,
    turnsCorrect: scored.filter((r) => r.correct).length,
    outcomes,
  };
}

function groupBy(results: TurnResult[], key: (r: TurnResult) => string): [string, TurnResult[]][] {
  const groups = new Map<string, TurnResult[]>();
  for (const r of results) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Accuracy per dataset and overall ("all" last), over turns with gold SQL and conversations whose scored turns all pass. */
export function score(results: TurnResult[]): Score[] {
  return [...groupBy(results, (r) => r.dataset).map(([name, rs]) => scoreOf(name, rs)), scoreOf("all", results)];
}

/** Accuracy per `category` of the cases ("(none)" for cases without one), when any case has one. */
export function scoreByCategory(results: TurnResult[]): Score[] {
  if (!results.some((r) => r.category !== null)) return [];
  return groupBy(results, (r) => r.category ?? "(none)").map(([name, rs]) => scoreOf(name, rs));
}

/** How many scored turns failed with each code, most frequent first. */
export function failureCodes(results: TurnResult[]): [code: string, turns: number][] {
  const counts = new Map<string, number>();
  for (const r of results) if (r.correct !== null && r.outcome === "failed") counts.set(r.code ?? "UNKNOWN", (counts.get(r.code ?? "UNKNOWN") ?? 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

/** Lays out rows as columns: the first left-aligned, the others right-aligned; a null row is a rule. */
export function table(header: string[], rows: (string[] | null)[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r ? r[i]!.length : 0))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  const rule = "-".repeat(widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1));
  return [line(header), rule, ...rows.map((r) => (r ? line(r) : rule))];
}

function scoreRow(s: Score, withConversations: boolean): string[] {
  const o = s.outcomes;
  return [
    s.label,
    `${s.turnsCorrect}/${s.turns}`,
    pct(s.turnsCorrect, s.turns),
    ...(withConversations ? [`${s.conversationsCorrect}/${s.conversations}`, pct(s.conversationsCorrect, s.conversations)] : []),
    String(o.right),
    String(o.wrong),
    String(o.asked),
    String(o.failed),
  ];
}

const outcomeHeader = ["right", "wrong SQL", "asked back", "failed"];

/** The summary tables (per dataset, per category, failure codes) and the failures, as printable text. */
export function formatReport(results: TurnResult[], elapsedMs: number): string {
  const lines: string[] = [];
  const scores = score(results);
  lines.push("", "Execution accuracy per dataset (turns with gold SQL)", "");
  const datasetRows = scores.map((s) => scoreRow(s, true));
  lines.push(...table(["dataset", "turns", "turn acc", "convs", "conv acc", ...outcomeHeader], [...datasetRows.slice(0, -1), null, datasetRows.at(-1)!]));

  const categories = scoreByCategory(results);
  if (categories.length > 0) {
    lines.push("", "Per category", "");
    lines.push(...table(["category", "turns", "acc", ...outcomeHeader], categories.map((s) => scoreRow(s, false))));
  }

  const codes = failureCodes(results);
  if (codes.length > 0) {
    const failed = codes.reduce((n, [, k]) => n + k, 0);
    lines.push("", "Failed turns by code", "");
    lines.push(...table(["code", "turns", "share"], codes.map(([code, n]) => [code, String(n), pct(n, failed)])));
  }

  const wrong = results.filter((r) => r.correct === false && r.outcome === "wrong");
  if (wrong.length > 0) {
    const unread = wrong.filter((r) => r.unread.length > 0).length;
    lines.push(
      "",
      `Wrong SQL: ${unread} with words of the question left unread (the answer says which), ${wrong.length - unread} with every word read (nothing warns the user).`,
    );
  }

  const unscored = results.filter((r) => r.correct === null).length;
  if (unscored > 0) lines.push("", `${unscored} turn(s) without gold SQL: predictions written, not scored.`);
  const failures = results.filter((r) => r.correct === false);
  if (failures.length > 0) {
    lines.push("", `Not right (${failures.length}):`);
    for (const f of failures) {
      const unread = f.unread.length > 0 ? ` (unread: ${f.unread.slice(0, 6).join(", ")}${f.unread.length > 6 ? ", …" : ""})` : "";
      lines.push(`  ${f.id}#${f.turn} [${f.outcome === "wrong" ? "wrong SQL" : f.outcome === "asked" ? "asked back" : "failed"}] ${f.question.replace(/\s+/g, " ").slice(0, 70)} — ${f.reason ?? f.error ?? "different result"}${f.outcome === "wrong" ? unread : ""}`);
    }
  }
  lines.push("", `${results.length} turns in ${(elapsedMs / 1000).toFixed(1)} s`);
  return lines.join("\n");
}
