import { describe, expect, it } from "vitest";
import { formatLogLine } from "./log-text.ts";

const at = new Date(2026, 0, 2, 9, 5, 7).getTime();

describe("text log lines", () => {
  it("shows the time, level, message and fields, not pino's bookkeeping", () => {
    const line = JSON.stringify({ level: 40, time: at, pid: 1, hostname: "h", service: "agentmedha", msg: "redis reconnected", role: "publish", ms: 12 });
    expect(formatLogLine(line)).toBe("09:05:07 warn  redis reconnected role=publish ms=12\n");
  });

  it("quotes values with spaces and writes objects as JSON", () => {
    const line = JSON.stringify({ level: 30, time: at, msg: "request", url: "/a b", entry: { x: 1 } });
    expect(formatLogLine(line)).toBe('09:05:07 info  request url="/a b" entry={"x":1}\n');
  });

  it("puts an error's code on the line and its stack, indented, below", () => {
    const line = JSON.stringify({ level: 50, time: at, msg: "close failed", err: { message: "boom", code: "ECONNRESET", stack: "Error: boom\n    at x" } });
    expect(formatLogLine(line)).toBe("09:05:07 error close failed code=ECONNRESET\n    Error: boom\n        at x\n");
  });

  it("passes a line that is not JSON through", () => {
    expect(formatLogLine("plain")).toBe("plain\n");
  });
});
