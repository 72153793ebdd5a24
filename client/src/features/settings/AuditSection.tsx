import { useState } from "react";
import { useQuery } from "urql";
import type { AuditOutcome } from "../../graphql/graphql";
import { ErrorNote } from "../../ui/ErrorNote.tsx";
import { relativeTime } from "../../ui/time.ts";
import { AuditLog } from "./operations.ts";

/** "DATA_SOURCE_ADDED" → "Data source added". */
export function actionLabel(action: string): string {
  const words = action.toLowerCase().replaceAll("_", " ").replace("api key", "API key");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "DataSource" → "data source", "ApiKey" → "API key". */
export function targetLabel(type: string): string {
  return type.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace("api key", "API key");
}

/** Who did what to which object, newest first (administrators only). */
export function AuditSection() {
  const [outcome, setOutcome] = useState<AuditOutcome | "">("");
  const [{ data, error, fetching }] = useQuery({ query: AuditLog, variables: { filter: outcome ? { outcome } : null }, requestPolicy: "cache-and-network" });
  const entries = data?.auditLog.edges.map((e) => e.node) ?? [];
  return (
    <section className="settings-section" aria-labelledby="audit-title">
      <div className="tab-head">
        <div>
          <h2 id="audit-title">Activity</h2>
          <p className="muted">Data sources connected, tested, shared and queried; keys and roles changed.</p>
        </div>
        <label className="inline-label">
          Show
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as AuditOutcome | "")}>
            <option value="">Everything</option>
            <option value="DENIED">Refused</option>
            <option value="FAILED">Failed</option>
            <option value="SUCCESS">Done</option>
          </select>
        </label>
      </div>
      <ErrorNote error={error} />
      {fetching && !data && <div className="skeleton" style={{ minHeight: "5rem" }} />}
      {data && entries.length === 0 && <p className="empty-line">Nothing recorded.</p>}
      {entries.length > 0 && (
        <div className="table-scroll audit-table">
          <table className="columns-table">
            <caption className="sr-only">Recorded actions</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Outcome</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td className="nowrap" title={new Date(e.at).toLocaleString()}>
                    {relativeTime(e.at)}
                  </td>
                  <td>{e.actor?.email ?? <span className="muted">the installation</span>}</td>
                  <td>
                    {actionLabel(e.action)}
                    {e.targetType && <span className="muted small"> · {targetLabel(e.targetType)}</span>}
                  </td>
                  <td>
                    <span className={`badge outcome ${e.outcome.toLowerCase()}`}>{e.outcome === "SUCCESS" ? "done" : e.outcome === "DENIED" ? "refused" : "failed"}</span>
                  </td>
                  <td className="mono small">{e.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
