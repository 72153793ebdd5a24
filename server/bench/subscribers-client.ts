/**
 * A separate process holding many `queryProgress` subscriptions, so the
 * server's memory per subscriber is measured without the clients in it.
 * Protocol on stdin/stdout (JSON lines): it reads {runId}, subscribes N times,
 * prints {ready}; then prints one {seq, lagMs} per event per subscriber and
 * {done} when every subscription completed.
 *   tsx bench/subscribers-client.ts <url> <token> <subscribers> <connections>
 */
import readline from "node:readline";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

const [url, token, subscribersArg, connectionsArg] = process.argv.slice(2);
const subscribers = Number(subscribersArg);
const connections = Number(connectionsArg);
const clients: Client[] = Array.from({ length: connections }, () =>
  createClient({ url: `${url!.replace(/^http/, "ws")}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, lazy: false, retryAttempts: 0 }),
);
const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const { runId } = JSON.parse(line) as { runId: string };
  let completed = 0;
  const lags: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < subscribers; i++) {
    let count = 0;
    clients[i % connections]!.subscribe<{ queryProgress: { seq: number; at: string } }>(
      { query: "subscription($runId: ID!) { queryProgress(runId: $runId) { seq at } }", variables: { runId } },
      {
        next: ({ data }) => {
          count += 1;
          lags.push(Date.now() - Date.parse(data!.queryProgress.at));
        },
        error: (error) => out({ error: String(JSON.stringify(error)).slice(0, 300) }),
        complete: () => {
          counts.push(count);
          if (++completed === subscribers) out({ done: true, lags, counts });
        },
      },
    );
  }
  // The server acknowledges a subscription only by sending events; give the
  // subscribe messages time to arrive before the run starts.
  setTimeout(() => out({ ready: true }), 1500);
});
