/**
 * Runs this tab started (asked, picked or refined). Their progress is replayed
 * stage by stage even when the run finished before the view first read it; a
 * run restored from history is not: it was not watched, so it shows at once.
 */
const asked = new Set<string>();

export function markAskedHere(runId: string): void {
  asked.add(runId);
}

export function wasAskedHere(runId: string): boolean {
  return asked.has(runId);
}
