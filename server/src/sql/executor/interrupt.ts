import { interruptError, type InterruptReason } from "../errors.ts";

/**
 * Watches one query's time limit and abort signal. The first of the two to
 * fire wins and calls `onInterrupt` once; `checkpoint()` throws the matching
 * typed error so code between round trips stops early.
 */
export class InterruptWatch {
  #reason: InterruptReason | undefined;
  readonly #timer: NodeJS.Timeout;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = () => this.#fire("cancelled");
  readonly #onInterrupt: (reason: InterruptReason) => void;

  constructor(timeoutMs: number, signal: AbortSignal | undefined, onInterrupt: (reason: InterruptReason) => void) {
    this.#onInterrupt = onInterrupt;
    this.#signal = signal;
    this.#timer = setTimeout(() => this.#fire("timeout"), Math.max(1, timeoutMs));
    this.#timer.unref();
    if (signal?.aborted) this.#fire("cancelled");
    else signal?.addEventListener("abort", this.#onAbort, { once: true });
  }

  get reason(): InterruptReason | undefined {
    return this.#reason;
  }

  checkpoint = (): void => {
    if (this.#reason) throw interruptError(this.#reason);
  };

  dispose(): void {
    clearTimeout(this.#timer);
    this.#signal?.removeEventListener("abort", this.#onAbort);
  }

  #fire(reason: InterruptReason): void {
    if (this.#reason) return;
    this.#reason = reason;
    this.dispose();
    this.#onInterrupt(reason);
  }
}
