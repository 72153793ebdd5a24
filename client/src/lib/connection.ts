import { useSyncExternalStore } from "react";

/** How the live connection (the WebSocket) is doing, as the banner shows it. */
export type ConnectionState = "connecting" | "online" | "reconnecting" | "offline";

export type ConnectionEvent =
  | { type: "connecting"; retry: boolean }
  | { type: "connected" }
  /** `code` 1000 is graphql-ws closing an idle lazy socket on purpose. */
  | { type: "closed"; code: number }
  | { type: "browser-offline" }
  | { type: "browser-online" };

/** The next state after a socket or browser event; pure so the banner's rules are testable. */
export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case "connected":
      return "online";
    case "connecting":
      if (state === "offline") return "offline";
      return event.retry || state === "reconnecting" ? "reconnecting" : state === "online" ? "online" : "connecting";
    case "closed":
      if (state === "offline") return "offline";
      return event.code === 1000 ? state : "reconnecting";
    case "browser-offline":
      return "offline";
    case "browser-online":
      return state === "offline" ? "reconnecting" : state;
  }
}

export interface ConnectionStore {
  get(): ConnectionState;
  dispatch(event: ConnectionEvent): void;
  subscribe(listener: () => void): () => void;
  /** Called after the socket came back from a drop: views refetch what they may have missed. */
  onReconnected(listener: () => void): () => void;
}

export function createConnectionStore(initial: ConnectionState = "connecting"): ConnectionStore {
  let state = initial;
  const listeners = new Set<() => void>();
  const reconnected = new Set<() => void>();
  return {
    get: () => state,
    dispatch(event) {
      const next = nextConnectionState(state, event);
      const cameBack = next === "online" && (state === "reconnecting" || state === "offline");
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
      if (cameBack) for (const listener of reconnected) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onReconnected(listener) {
      reconnected.add(listener);
      return () => reconnected.delete(listener);
    },
  };
}

export function useConnectionState(store: ConnectionStore): ConnectionState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
