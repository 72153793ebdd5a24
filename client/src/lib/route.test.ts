import { describe, expect, it } from "vitest";
import { relativeTime } from "../ui/time";
import { parseRoute, routePath, type Route } from "./route";

describe("routes", () => {
  it("round-trip every place through the URL", () => {
    const routes: Route[] = [
      { name: "home" },
      { name: "session", sessionId: "U2Vzc2lvbjox/=" },
      { name: "dataSources" },
      { name: "settings" },
      { name: "dataSource", dataSourceId: "RGF0YVNvdXJjZTox" },
      { name: "dataSource", dataSourceId: "RGF0YVNvdXJjZTox", tab: "metrics" },
    ];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it("sends unknown paths home", () => {
    expect(parseRoute("/")).toEqual({ name: "home" });
    expect(parseRoute("/unknown/path")).toEqual({ name: "home" });
    expect(parseRoute("/data-sources/x/Bad_Tab")).toEqual({ name: "home" });
  });
});

describe("relativeTime", () => {
  it("speaks in the largest fitting unit", () => {
    const now = Date.parse("2026-01-10T12:00:00Z");
    expect(relativeTime("2026-01-10T11:59:40Z", now)).toBe("just now");
    expect(relativeTime("2026-01-10T11:55:00Z", now)).toMatch(/5 minutes ago/);
    expect(relativeTime("2026-01-09T12:00:00Z", now)).toMatch(/yesterday|1 day ago/);
  });
});
