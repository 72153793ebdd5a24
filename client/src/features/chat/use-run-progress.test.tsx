import { act, renderHook } from "@testing-library/react";
import type { Client as WsClient, Sink } from "graphql-ws";
import { describe, expect, it, vi } from "vitest";
import type { ProgressEvent } from "../answer/types.ts";
import { PACE_MS } from "./use-paced";
import { useRunProgress } from "./use-run-progress";

const event = (seq: number, stage: string, status: ProgressEvent["status"] = "COMPLETED", payload: unknown = null): ProgressEvent => ({
  seq,
  stage,
  status,
  payload,
  durationMs: 1,
  at: "2026-01-10T12:00:00.000Z",
});

/**
 * A stand-in for graphql-ws that serialises the subscribe payload the way the
 * real client does on every (re)connection, and replays "stored" events after
 * the requested seq like the server.
 */
function fakeSocket(stored: ProgressEvent[]) {
  let sink: Sink | null = null;
  let payload: unknown = null;
  const sent: { afterSeq: number }[] = [];
  const connect = () => {
    const message = JSON.parse(JSON.stringify({ payload })) as { payload: { variables: { afterSeq: number } } };
    sent.push({ afterSeq: message.payload.variables.afterSeq });
    for (const e of stored.filter((e) => e.seq > message.payload.variables.afterSeq)) sink!.next({ data: { queryProgress: e } });
  };
  const client = {
    subscribe: vi.fn((p: unknown, s: Sink) => {
      payload = p;
      sink = s;
      connect();
      return () => {
        sink = null;
      };
    }),
  } as unknown as WsClient;
  return {
    client,
    sent,
    push(e: ProgressEvent) {
      stored.push(e);
      sink?.next({ data: { queryProgress: e } });
    },
    reconnect: connect,
  };
}

describe("useRunProgress", () => {
  it("starts after the known events, resumes after the last one on reconnect, and reports DONE once", () => {
    const stored = [event(1, "UNDERSTAND", "STARTED"), event(2, "UNDERSTAND")];
    const socket = fakeSocket([...stored]);
    const onDone = vi.fn();
    const { result } = renderHook(() => useRunProgress(socket.client, "run-1", { seed: stored, live: true, onDone }));
    expect(socket.sent).toEqual([{ afterSeq: 2 }]);

    act(() => {
      socket.push(event(3, "COMPILE", "COMPLETED", { sql: "select 1", explanation: "One." }));
      socket.push(event(4, "EXECUTE", "STARTED"));
    });
    expect(result.current.sql).toBe("select 1");

    // The socket drops; the retried subscription asks only for what came after seq 4.
    act(() => socket.reconnect());
    expect(socket.sent.at(-1)).toEqual({ afterSeq: 4 });

    act(() => {
      socket.push(event(5, "EXECUTE"));
      socket.push(event(6, "DONE", "COMPLETED", { status: "SUCCEEDED", message: "1 row." }));
    });
    expect(result.current.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.current.done).toBe(true);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it("does not subscribe to a finished run or before its events are known", () => {
    const socket = fakeSocket([]);
    renderHook(() => useRunProgress(socket.client, "run-1", { seed: null, live: true }));
    renderHook(() => useRunProgress(socket.client, "run-2", { seed: [event(1, "DONE")], live: false }));
    expect(socket.client.subscribe).not.toHaveBeenCalled();
  });

  it("paced, replays a run that finished before it was read one event at a time, the preview following the stepper", () => {
    vi.useFakeTimers();
    try {
      const finished = [event(1, "UNDERSTAND", "STARTED"), event(2, "UNDERSTAND"), event(3, "COMPILE", "COMPLETED", { sql: "select 1", explanation: "One." }), event(4, "DONE")];
      const socket = fakeSocket([]);
      const { result } = renderHook(() => useRunProgress(socket.client, "run-1", { seed: finished, live: false, paced: true }));
      const seen: number[] = [];
      for (let i = 0; i < 10 && !result.current.done; i++) {
        act(() => void vi.advanceTimersByTime(PACE_MS));
        seen.push(result.current.events.length);
        if (result.current.events.length < 3) expect(result.current.sql).toBeNull();
      }
      expect(seen).toEqual([1, 2, 3, 4]);
      expect(result.current.sql).toBe("select 1");
    } finally {
      vi.useRealTimers();
    }
  });
});
