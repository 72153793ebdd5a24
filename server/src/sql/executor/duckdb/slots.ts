/**
 * At most `size` holders at once; the rest wait in order. A waiter can be
 * cancelled (its time limit or signal fired) and leaves the queue.
 */
export class Slots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(size: number) {
    this.#free = size;
  }

  /** Resolves with the release function; `onCancel` receives a way to give up waiting. */
  take(onCancel: (cancel: (error: Error) => void) => void): Promise<() => void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve(this.#release());
    }
    return new Promise((resolve, reject) => {
      const grant = () => resolve(this.#release());
      this.#waiting.push(grant);
      onCancel((error) => {
        const index = this.#waiting.indexOf(grant);
        if (index < 0) return;
        this.#waiting.splice(index, 1);
        reject(error);
      });
    });
  }

  #release(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free += 1;
    };
  }
}
