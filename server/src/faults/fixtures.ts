import type { Client } from "graphql-ws";
import pg from "pg";
import type { StoredEvent } from "../pipeline/events.ts";

/**
 * A shop whose `orders` view takes `zz_knob.seconds` to read, so a question
 * about orders stays in EXECUTE long enough to break something under it.
 * The pause runs once per query (a materialised CTE); it is 0 until a test turns it up,
 * so adding the data source (which samples the tables) stays fast.
 */
export const slowShopSql = `
  CREATE TABLE zz_knob (seconds float NOT NULL);
  INSERT INTO zz_knob VALUES (0);
  CREATE TABLE product (id int PRIMARY KEY, name text NOT NULL, category text NOT NULL, price numeric(8,2) NOT NULL);
  CREATE TABLE ledger (id int PRIMARY KEY, product_id int NOT NULL REFERENCES product(id), quantity int NOT NULL, ordered_at date NOT NULL);
  INSERT INTO product VALUES (1, 'Lamp', 'Home', 20), (2, 'Desk', 'Office', 150), (3, 'Chair', 'Office', 90);
  INSERT INTO ledger SELECT g, 1 + g % 3, 1 + g % 4, DATE '2024-01-01' + g FROM generate_series(1, 60) g;
  CREATE VIEW orders AS
    WITH pause AS MATERIALIZED (SELECT pg_sleep((SELECT seconds FROM zz_knob LIMIT 1)))
    SELECT l.id, l.product_id, l.quantity, l.ordered_at FROM ledger l, pause;`;

export async function setPause(url: string, seconds: number) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("UPDATE zz_knob SET seconds = $1", [seconds]);
  } finally {
    await client.end();
  }
}

export interface Feed {
  events: StoredEvent[];
  /** Resolves with every event once the subscription completes (after DONE), rejects on error. */
  done: Promise<StoredEvent[]>;
  /** Resolves when an event matching `test` has arrived. */
  until(test: (event: StoredEvent) => boolean): Promise<StoredEvent>;
  stop(): void;
}

/** Follows `queryProgress` of a run over graphql-ws, from `afterSeq`. */
export function follow(client: Client, runId: string, afterSeq = 0): Feed {
  const events: StoredEvent[] = [];
  const waiters: { test: (event: StoredEvent) => boolean; resolve: (event: StoredEvent) => void }[] = [];
  let stop = () => {};
  const done = new Promise<StoredEvent[]>((resolve, reject) => {
    stop = client.subscribe<{ queryProgress: StoredEvent }>(
      { query: `subscription($runId: ID!, $afterSeq: Int!) { queryProgress(runId: $runId, afterSeq: $afterSeq) { seq stage status payload } }`, variables: { runId, afterSeq } },
      {
        next: (result) => {
          if (result.errors) return reject(new Error(JSON.stringify(result.errors)));
          const event = result.data!.queryProgress;
          events.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.test(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(events),
      },
    );
  });
  return {
    events,
    done,
    stop: () => stop(),
    until(test) {
      const seen = events.find(test);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
  };
}

/** Nothing lost, nothing doubled: 1, 2, 3… and DONE last. */
export function expectComplete(events: Pick<StoredEvent, "seq" | "stage">[]) {
  const seqs = events.map((e) => e.seq);
  const expected = Array.from({ length: events.length }, (_, i) => i + 1);
  if (JSON.stringify(seqs) !== JSON.stringify(expected)) throw new Error(`events out of order, missing or doubled: ${seqs.join(",")}`);
  if (events.at(-1)?.stage !== "DONE") throw new Error(`the last event is ${events.at(-1)?.stage}, not DONE`);
}

/** The environment of an app instance started as a child process on the test services; `extra` adds or overrides settings. */
export function childServerEnv(options: { port: number; databaseUrl: string; redisUrl: string; secret: string; dataDir: string }, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "test",
    PORT: String(options.port),
    HOST: "127.0.0.1",
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    AGENTMEDHA_SECRET: options.secret,
    AGENTMEDHA_DATA_DIR: options.dataDir,
    DEMO_DATA: "false",
    DEMO_USER: "false",
    LOG_LEVEL: "warn",
    // Test databases are on this machine; the connection policy refuses loopback unless allowed.
    DATA_SOURCE_ALLOWED_HOSTS: "127.0.0.1,localhost,::1",
    ...extra,
  };
}
