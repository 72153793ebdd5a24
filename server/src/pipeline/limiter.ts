import { AppError } from "../errors.ts";

export interface LimiterOptions {
  /** Runs executing at once on this instance. */
  perInstance: number;
  /** Runs executing at once for one user on this instance. */
  perUser: number;
  /** Runs waiting for a slot; beyond this `ask` is refused with RATE_LIMITED. */
  maxQueued: number;
}

interface Waiter {
  userId: string;
  start: () => void;
}

/**
 * Bounded concurrency for pipeline runs: a global and a per-user cap, with a
 * bounded FIFO queue. A user over their cap waits without blocking others.
 */
export function createLimiter(options: LimiterOptions) {
  let running = 0;
  const perUser = new Map<string, number>();
  const queue: Waiter[] = [];

  const canStart = (userId: string) => running < options.perInstance && (perUser.get(userId) ?? 0) < options.perUser;

  function begin(userId: string) {
    running += 1;
    perUser.set(userId, (perUser.get(userId) ?? 0) + 1);
  }

  function end(userId: string) {
    running -= 1;
    const left = (perUser.get(userId) ?? 1) - 1;
    if (left > 0) perUser.set(userId, left);
    else perUser.delete(userId);
    const index = queue.findIndex((w) => canStart(w.userId));
    if (index >= 0) {
      const [next] = queue.splice(index, 1);
      begin(next!.userId);
      next!.start();
    }
  }

  return {
    /** Throws RATE_LIMITED synchronously when the queue is full, so `ask` can refuse before storing anything. */
    reserve(userId: string) {
      if (!canStart(userId) && queue.length >= options.maxQueued) {
        throw new AppError("RATE_LIMITED", "Too many questions are running right now.", { hint: "Wait for an answer to finish, then ask again." });
      }
    },
    /** Runs `task` when a slot is free for this user. */
    run<T>(userId: string, task: () => Promise<T>): Promise<T> {
      const started = new Promise<void>((resolve) => {
        if (canStart(userId)) {
          begin(userId);
          resolve();
        } else {
          queue.push({ userId, start: resolve });
        }
      });
      return started.then(task).finally(() => end(userId));
    },
    stats: () => ({ running, queued: queue.length }),
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
