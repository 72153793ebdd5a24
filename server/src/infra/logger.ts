import pino, { type Logger } from "pino";
import type { Config } from "../config.ts";
import { currentRequestId } from "./request-scope.ts";

export type { Logger };

/** JSON logs for machines; `LOG_PRETTY=1` (set by `npm run dev`) for people. */
export function createLogger(config: Pick<Config, "logLevel">): Logger {
  const pretty = process.env.LOG_PRETTY === "1";
  return pino({
    level: config.logLevel,
    base: { service: "agentmedha" },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: { paths: ["req.headers.authorization", "*.password", "*.connectionUrl"], censor: "[redacted]" },
    ...(pretty ? { transport: { target: "pino-pretty", options: { translateTime: "HH:MM:ss", ignore: "pid,hostname,service" } } } : {}),
  });
}
