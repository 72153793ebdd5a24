import pino, { type DestinationStream, type Logger } from "pino";
import type { Config } from "../config.ts";
import { formatLogLine } from "./log-text.ts";
import { currentRequestId } from "./request-scope.ts";

export type { Logger };

/** Short lines for a person (`LOG_FORMAT=text`, the default), or JSON lines for machines (`LOG_FORMAT=json`). */
export function createLogger(config: Pick<Config, "logLevel" | "logFormat">): Logger {
  const options = {
    level: config.logLevel,
    base: { service: "agentmedha" },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: { paths: ["req.headers.authorization", "*.password", "*.connectionUrl"], censor: "[redacted]" },
  };
  if (config.logFormat === "json") return pino(options);
  // Formatted in-process: a transport would start a worker thread for a handful of lines.
  const text: DestinationStream = { write: (line: string) => void process.stdout.write(formatLogLine(line)) };
  return pino(options, text);
}
