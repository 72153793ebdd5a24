export type BreakerState = "closed" | "open" | "half-open";

export interface CircuitBreaker {
  readonly state: BreakerState;
  /** True when a call may go through now; in half-open, only the one probe does. */
  allow(): boolean;
  success(): void;
  failure(): void;
  /** Closed again at once (a fresh connection is up). */
  reset(): void;
}

export interface BreakerOptions {
  /** How long an open breaker refuses calls before it lets one probe through. */
  cooldownMs: number;
  /** Milliseconds now; injectable so the logic is tested without waiting. */
  now?: () => number;
  /** Called when the breaker closes after being open. */
  onClose?: () => void;
}

/**
 * Skips a dependency that just failed instead of making every caller wait for
 * it to fail again: one failure opens it, after `cooldownMs` a single probe is
 * let through, whose outcome closes or reopens it.
 */
export function createCircuitBreaker({ cooldownMs, now = Date.now, onClose }: BreakerOptions): CircuitBreaker {
  let state: BreakerState = "closed";
  let openedAt = 0;
  let probing = false;

  const close = () => {
    const wasOpen = state !== "closed";
    state = "closed";
    probing = false;
    if (wasOpen) onClose?.();
  };

  return {
    get state() {
      if (state === "open" && now() - openedAt >= cooldownMs) state = "half-open";
      return state;
    },
    allow() {
      const current = this.state;
      if (current === "closed") return true;
      if (current === "open" || probing) return false;
      probing = true;
      return true;
    },
    success: close,
    failure() {
      state = "open";
      openedAt = now();
      probing = false;
    },
    reset: close,
  };
}
