import { describe, expect, it, vi } from "vitest";
import { connectionState, createConnectionStore, initialFacts, nextFacts, type ConnectionEvent, type ConnectionFacts } from "./connection";

const after = (events: ConnectionEvent[], from: ConnectionFacts = initialFacts) => connectionState(events.reduce(nextFacts, from));

describe("connection state", () => {
  it("ignores the normal closure of an idle socket and flags a drop until a retry succeeds", () => {
    expect(after([{ type: "connected" }, { type: "closed", code: 1000 }])).toBe("online");
    expect(after([{ type: "connected" }, { type: "closed", code: 1006 }])).toBe("reconnecting");
    expect(after([{ type: "connected" }, { type: "closed", code: 1006 }, { type: "connecting", retry: true }])).toBe("reconnecting");
    expect(after([{ type: "connected" }, { type: "closed", code: 1006 }, { type: "connecting", retry: true }, { type: "connected" }])).toBe("online");
  });

  it("is offline while the browser is, whatever the socket does", () => {
    expect(after([{ type: "connected" }, { type: "browser-offline" }, { type: "closed", code: 1006 }])).toBe("offline");
    expect(after([{ type: "connected" }, { type: "browser-offline" }, { type: "closed", code: 1006 }, { type: "browser-online" }])).toBe("reconnecting");
    // The socket survived the outage: back online at once.
    expect(after([{ type: "connected" }, { type: "browser-offline" }, { type: "browser-online" }])).toBe("online");
  });

  it("a first connection is not a reconnection", () => {
    expect(after([{ type: "connecting", retry: false }])).toBe("connecting");
    expect(after([{ type: "connecting", retry: false }, { type: "connected" }])).toBe("online");
  });
});

describe("connection store", () => {
  it("tells listeners about changes and about coming back after a drop", () => {
    const store = createConnectionStore();
    const changed = vi.fn();
    const back = vi.fn();
    store.subscribe(changed);
    store.onReconnected(back);
    store.dispatch({ type: "connecting", retry: false });
    store.dispatch({ type: "connected" });
    expect(back).not.toHaveBeenCalled();
    store.dispatch({ type: "closed", code: 1006 });
    expect(store.get()).toBe("reconnecting");
    store.dispatch({ type: "connected" });
    expect(back).toHaveBeenCalledTimes(1);
    expect(changed).toHaveBeenCalledTimes(4);
  });
});
