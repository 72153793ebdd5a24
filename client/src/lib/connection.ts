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

/** What is known about the socket and the browser; the banner's state is derived from it. */
export interface ConnectionFacts {
  /** idle: closed on purpose (no subscriptions) or never opened; dropped: closed abnormally, retrying. */
  socket: "idle" | "connecting" | "open" | "dropped";
  browserOnline: boolean;
}

export const initialFacts: ConnectionFacts = { socket: "idle", browserOnline: true };

/** The facts after a socket or browser event; pure so the banner's rules are testable. */
export function nextFacts(facts: ConnectionFacts, event: ConnectionEvent): ConnectionFacts {
  switch (event.type) {
    case "connecting":
      // A retry after a drop is still a drop until it succeeds.
      return { ...facts, socket: facts.socket === "dropped" || event.retry ? "dropped" : "connecting" };
    case "connected":
      return { ...facts, socket: "open" };
    case "closed":
      return { ...facts, socket: event.code === 1000 ? "idle" : "dropped" };
    case "browser-offline":
      return { ...facts, browserOnline: false };
    case "browser-online":
      return { ...facts, browserOnline: true };
  }
}

export function connectionState(facts: ConnectionFacts): ConnectionState {
  if (!facts.browserOnline) return "offline";
  if (facts.socket === "dropped") return "reconnecting";
  if (facts.socket === "connecting") return "connecting";
  return "online";
}

export interface ConnectionStore {
  get(): ConnectionState;
  dispatch(event: ConnectionEvent): void;
  subscribe(listener: () => void): () => void;
  /** Called after the socket came back from a drop: views refetch what they may have missed. */
  onReconnected(listener: () => void): () => void;
}

export function createConnectionStore(): ConnectionStore {
  let facts = initialFacts;
  let state = connectionState(facts);
  const listeners = new Set<() => void>();
  const reconnected = new Set<() => void>();
  return {
    get: () => state,
    dispatch(event) {
      facts = nextFacts(facts, event);
      const next = connectionState(facts);
      if (next === state) return;
      const cameBack = next === "online" && (state === "reconnecting" || state === "offline");
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
