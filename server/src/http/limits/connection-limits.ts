/**
 * Open WebSocket connections per address and per user. `open` reserves a
 * slot and answers false when the owner already holds `max`; `release` frees it.
 */
export function createConnectionCounter(max: number) {
  const open = new Map<string, number>();
  return {
    open(owner: string): boolean {
      const count = open.get(owner) ?? 0;
      if (count >= max) return false;
      open.set(owner, count + 1);
      return true;
    },
    release(owner: string) {
      const count = (open.get(owner) ?? 0) - 1;
      if (count <= 0) open.delete(owner);
      else open.set(owner, count);
    },
    count: (owner: string) => open.get(owner) ?? 0,
  };
}

export type ConnectionCounter = ReturnType<typeof createConnectionCounter>;
