import type { Logger } from "../infra/logger.ts";
import type { PubSub } from "../infra/pubsub.ts";
import { isTerminal, type EventLog, type StoredEvent } from "./events.ts";

export interface RunFeedOptions {
  /** Re-read the store when nothing arrived for this long (a publish may have been lost). */
  idlePollMs?: number;
  /** Keep a finished feed this long so late subscribers replay from memory. */
  lingerMs?: number;
}

/**
 * One feed per run and instance, shared by all of that run's subscribers on the
 * instance: one pub/sub subscription and one store read instead of one per
 * subscriber. Keeps the run's events in order, fills gaps from the store
 * (lost or reordered publishes, Redis restarts), and ends after the terminal event.
 */
class RunFeed {
  readonly events: StoredEvent[] = [];
  private wake = new Set<() => void>();
  private stopLive?: () => void;
  private pollTimer?: NodeJS.Timeout;
  private gapTimer?: NodeJS.Timeout;
  private filling?: Promise<void>;
  /** Live events that arrived ahead of a gap, kept until the gap is filled. */
  private ahead = new Map<number, StoredEvent>();
  subscribers = 0;
  closed = false;

  constructor(
    private readonly runId: string,
    private readonly log: EventLog,
    private readonly pubsub: PubSub,
    private readonly logger: Logger,
    private readonly idlePollMs: number,
  ) {}

  get last(): number {
    return this.events.length;
  }

  get done(): boolean {
    const last = this.events.at(-1);
    return last !== undefined && isTerminal(last);
  }

  start(): Promise<void> {
    // Listen first, then read the store: nothing published in between is missed.
    const live = this.pubsub.subscribe("runEvent", this.runId);
    const iterator = live[Symbol.asyncIterator]();
    this.stopLive = () => void iterator.return?.();
    void (async () => {
      try {
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) this.accept([next.value]);
      } catch (error) {
        this.logger.warn({ err: error, runId: this.runId }, "run feed lost its live subscription; polling the store");
      }
    })();
    return this.fill().then(() => this.schedulePoll());
  }

  private accept(events: StoredEvent[]) {
    for (const event of events) {
      if (event.seq > this.last) this.ahead.set(event.seq, event);
      // A sweeper numbers the end of a dead instance's run after what that instance stored, which
      // can be below what it announced before dying: the end still ends the stream.
      else if (isTerminal(event) && !this.done) this.ahead.set(this.last + 1, { ...event, seq: this.last + 1 });
    }
    let grew = false;
    for (let next = this.ahead.get(this.last + 1); next; next = this.ahead.get(this.last + 1)) {
      this.ahead.delete(next.seq);
      this.events.push(next);
      grew = true;
    }
    if (this.ahead.size > 0) this.fillGapSoon();
    if (grew) {
      this.schedulePoll();
      for (const wake of this.wake) wake();
    }
  }

  /**
   * A later event arrived first: the missing ones were published before this
   * feed listened, or their write to the store is still under way. Read the
   * store now and again shortly until the gap closes.
   */
  private fillGapSoon(attempt = 0) {
    if (this.gapTimer || this.closed) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      void this.fill().then(() => {
        if (this.ahead.size > 0 && attempt < 100) this.fillGapSoon(attempt + 1);
      });
    }, attempt === 0 ? 0 : 20);
    this.gapTimer.unref();
  }

  /** Reads what the store has after the last event held; concurrent calls share one read. */
  fill(): Promise<void> {
    this.filling ??= this.log
      .list(this.runId, this.last)
      .then((events) => this.accept(events))
      .catch((error) => this.logger.warn({ err: error, runId: this.runId }, "run feed could not read the store"))
      .finally(() => (this.filling = undefined));
    return this.filling;
  }

  private schedulePoll() {
    clearTimeout(this.pollTimer);
    if (this.done || this.closed) return;
    this.pollTimer = setTimeout(() => void this.fill().then(() => this.schedulePoll()), this.idlePollMs);
    this.pollTimer.unref();
  }

  async *read(afterSeq: number, signal?: AbortSignal): AsyncGenerator<StoredEvent> {
    let position = Math.max(0, afterSeq);
    while (!signal?.aborted) {
      while (position < this.last) {
        const event = this.events[position]!;
        position += 1;
        yield event;
        if (isTerminal(event)) return;
      }
      if (this.done || this.closed) return;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.wake.delete(wake);
          signal?.removeEventListener("abort", wake);
          resolve();
        };
        this.wake.add(wake);
        signal?.addEventListener("abort", wake, { once: true });
      });
    }
  }

  close() {
    this.closed = true;
    clearTimeout(this.pollTimer);
    clearTimeout(this.gapTimer);
    this.stopLive?.();
    for (const wake of this.wake) wake();
  }
}

export function createRunFeeds(deps: { events: EventLog; pubsub: PubSub; log: Logger }, options: RunFeedOptions = {}) {
  const idlePollMs = options.idlePollMs ?? 2_000;
  const lingerMs = options.lingerMs ?? 30_000;
  const feeds = new Map<string, { feed: RunFeed; ready: Promise<void>; linger?: NodeJS.Timeout }>();

  function acquire(runId: string) {
    let entry = feeds.get(runId);
    if (!entry) {
      const feed = new RunFeed(runId, deps.events, deps.pubsub, deps.log, idlePollMs);
      entry = { feed, ready: feed.start() };
      feeds.set(runId, entry);
    }
    clearTimeout(entry.linger);
    entry.feed.subscribers += 1;
    return entry;
  }

  function release(runId: string) {
    const entry = feeds.get(runId);
    if (!entry) return;
    entry.feed.subscribers -= 1;
    if (entry.feed.subscribers > 0) return;
    entry.linger = setTimeout(() => {
      if (entry.feed.subscribers > 0) return;
      entry.feed.close();
      feeds.delete(runId);
    }, entry.feed.done ? lingerMs : 0);
    entry.linger.unref();
  }

  return {
    /** The run's events after `afterSeq` in order, live until the terminal event. */
    async *stream(runId: string, afterSeq = 0, signal?: AbortSignal): AsyncGenerator<StoredEvent> {
      const entry = acquire(runId);
      try {
        await entry.ready;
        yield* entry.feed.read(afterSeq, signal);
      } finally {
        release(runId);
      }
    },
    get size() {
      return feeds.size;
    },
    close() {
      for (const { feed, linger } of feeds.values()) {
        clearTimeout(linger);
        feed.close();
      }
      feeds.clear();
    },
  };
}

export type RunFeeds = ReturnType<typeof createRunFeeds>;
