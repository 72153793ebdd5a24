import { isTerminal, type EventLog } from "../../pipeline/events.ts";
import type { AuditService } from "./audit.service.ts";

/**
 * The event log, recording a DATA_SOURCE_QUERIED audit entry when a run ends
 * (whatever ended it: the pipeline, a cancel, the sweeper of dead instances).
 */
export function auditedEventLog<T extends EventLog>(events: T, audit: AuditService): T {
  return {
    ...events,
    async append(runId, event) {
      const stored = await events.append(runId, event);
      if (isTerminal(stored)) void audit.recordRun(runId);
      return stored;
    },
  };
}
