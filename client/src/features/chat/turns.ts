import type { AssistantReply } from "./RunAnswer.tsx";

export interface ConversationMessage {
  id: string;
  role: "USER" | "ASSISTANT";
  kind: string;
  content: string;
  payload?: unknown;
  run: { id: string } | null;
}

/** A question not yet stored: sent and waiting for `ask`, or refused by it. */
export interface PendingTurn {
  key: string;
  question: string;
  runId: string | null;
  error: { code: string; message: string } | null;
}

export interface Turn {
  key: string;
  question: string | null;
  runId: string | null;
  reply: AssistantReply | null;
  /** For a pending turn: why `ask` refused it. */
  error: { code: string; message: string } | null;
}

/**
 * The conversation as turns: every message belongs to a run, so a run's
 * question and the assistant's reply become one turn, in the order stored.
 * Pending turns follow until the stored messages include their run.
 */
export function buildTurns(messages: readonly ConversationMessage[], pending: readonly PendingTurn[]): Turn[] {
  const turns: Turn[] = [];
  const byRun = new Map<string, Turn>();
  // A stored turn keeps its pending key, so React keeps its live answer mounted.
  const pendingKey = new Map(pending.filter((p) => p.runId).map((p) => [p.runId!, p.key]));
  for (const m of messages) {
    if (!m.run) continue;
    let turn = byRun.get(m.run.id);
    if (!turn) {
      turn = { key: pendingKey.get(m.run.id) ?? m.run.id, question: null, runId: m.run.id, reply: null, error: null };
      byRun.set(m.run.id, turn);
      turns.push(turn);
    }
    if (m.role === "USER") turn.question = m.content;
    else turn.reply = { kind: m.kind, content: m.content, payload: m.payload ?? null };
  }
  for (const p of pending) {
    if (p.runId && byRun.has(p.runId)) continue;
    turns.push({ key: p.key, question: p.question, runId: p.runId, reply: null, error: p.error });
  }
  return turns;
}
