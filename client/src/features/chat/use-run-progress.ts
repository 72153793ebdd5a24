import { print } from "graphql";
import type { Client as WsClient } from "graphql-ws";
import { useEffect, useMemo, useRef, useState } from "react";
import type { ProgressEvent } from "../answer/types.ts";
import { applyEvents, emptyLiveRun, resumableVariables, type LiveRun } from "./live-run.ts";
import { QueryProgress } from "./operations.ts";
import { usePaced } from "./use-paced.ts";

const progressQuery = print(QueryProgress);

export interface RunProgressOptions {
  /** Events already known (the run query's), so the subscription starts after them. */
  seed: readonly ProgressEvent[] | null;
  /** Subscribe: the run is still going. */
  live: boolean;
  /** The DONE event arrived. */
  onDone?: () => void;
  /** Show the events one after another (see usePaced): the user is watching this run. */
  paced?: boolean;
}

/**
 * Follows one run: the known events, then live ones from `queryProgress`,
 * resumed after the last seq when the socket reconnects (graphql-ws retries on
 * its own; see resumableVariables). Paced, what it returns is read from the
 * events shown so far, so the stepper and the live preview agree.
 */
export function useRunProgress(ws: WsClient, runId: string, { seed, live, onDone, paced = false }: RunProgressOptions): LiveRun & { subscriptionError: string | null } {
  const [state, setState] = useState<LiveRun>(emptyLiveRun);
  const [subscriptionError, setSubscriptionError] = useState<string | null>(null);
  const lastSeq = useRef(0);
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  useEffect(() => {
    if (!seed || seed.length === 0) return;
    lastSeq.current = Math.max(lastSeq.current, ...seed.map((e) => e.seq));
    setState((s) => applyEvents(s, seed));
  }, [seed]);

  const ready = seed !== null;
  useEffect(() => {
    if (!live || !ready) return;
    let finished = false;
    const unsubscribe = ws.subscribe<{ queryProgress: ProgressEvent }>(
      { query: progressQuery, variables: resumableVariables(runId, () => lastSeq.current) },
      {
        next(result) {
          if (result.errors?.length) {
            setSubscriptionError(result.errors[0]!.message);
            return;
          }
          const event = result.data?.queryProgress;
          if (!event) return;
          lastSeq.current = Math.max(lastSeq.current, event.seq);
          setState((s) => applyEvents(s, [event]));
          if (event.stage === "DONE" && !finished) {
            finished = true;
            doneRef.current?.();
          }
        },
        error(error) {
          setSubscriptionError(error instanceof Error ? error.message : "The live updates stopped.");
        },
        complete() {},
      },
    );
    return () => unsubscribe();
  }, [ws, runId, live, ready]);

  const shown = usePaced(state.events, paced);
  const view = useMemo(() => (shown.length === state.events.length ? state : applyEvents(emptyLiveRun, shown)), [shown, state]);
  return { ...view, subscriptionError };
}
