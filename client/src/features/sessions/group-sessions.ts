export interface DatedSession {
  id: string;
  updatedAt: string;
}

export interface SessionGroup<T> {
  label: string;
  sessions: T[];
}

const DAY = 86_400_000;

/** Midnight (local time) of the day `time` falls in. */
function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** Sessions (most recent first) under "Today", "Yesterday", "Previous 7 days", "Previous 30 days" and "Older". */
export function groupSessions<T extends DatedSession>(sessions: readonly T[], now = Date.now()): SessionGroup<T>[] {
  const today = startOfDay(now);
  const bounds: [string, number][] = [
    ["Today", today],
    ["Yesterday", today - DAY],
    ["Previous 7 days", today - 7 * DAY],
    ["Previous 30 days", today - 30 * DAY],
    ["Older", Number.NEGATIVE_INFINITY],
  ];
  const groups = new Map<string, T[]>();
  for (const session of sessions) {
    const time = Date.parse(session.updatedAt);
    const label = bounds.find(([, from]) => time >= from)![0];
    groups.set(label, [...(groups.get(label) ?? []), session]);
  }
  return bounds.filter(([label]) => groups.has(label)).map(([label]) => ({ label, sessions: groups.get(label)! }));
}
