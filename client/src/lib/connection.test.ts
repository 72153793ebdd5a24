import { describe, expect, it, vi } from "vitest";
import { createConnectionStore, nextConnectionState } from "./connection";

describe("nextConnectionState", () => {
  it("ignores the normal closure of an idle socket and flags a drop", () => {
    expect(nextConnectionState("online", { type: "closed", code: 1000 })).toBe("online");
    expect(nextConnectionState("online", { type: "closed", code: 1006 })).toBe("reconnecting");
    expect(nextConnectionState("reconnecting", { type: "connecting", retry: true })).toBe("reconnecting");
    expect(nextConnectionState("reconnecting", { type: "connected" })).toBe("online");
  });

  it("stays offline while the browser is offline, then tries again", () => {
    let state = nextConnectionState("online", { type: "browser-offline" });
    state = nextConnectionState(state, { type: "closed", code: 1006 });
    state = nextConnectionState(state, { type: "connecting", retry: true });
    expect(state).toBe("offline");
    expect(nextConnectionState(state, { type: "browser-online" })).toBe("reconnecting");
  });

  it("a first connection is not a reconnection", () => {
    expect(nextConnectionState("connecting", { type: "connecting", retry: false })).toBe("connecting");
    expect(nextConnectionState("connecting", { type: "connected" })).toBe("online");
  });
});

describe("connection store", () => {
  it("tells listeners about changes and about coming back after a drop", () => {
    const store = createConnectionStore();
    const changed = vi.fn();
    const back = vi.fn();
    store.subscribe(changed);
    store.onReconnected(back);
    store.dispatch({ type: "connected" });
    expect(back).not.toHaveBeenCalled();
    store.dispatch({ type: "closed", code: 1006 });
    expect(store.get()).toBe("reconnecting");
    store.dispatch({ type: "connected" });
    expect(back).toHaveBeenCalledTimes(1);
    expect(changed).toHaveBeenCalledTimes(3);
  });
});
