/** The status of a data source as a badge people read at a glance. */
export function SourceStatus({ status, message }: { status: string; message?: string | null }) {
  const label = status === "READY" ? "ready" : status === "PENDING" ? "connecting" : status === "UNREACHABLE" ? "unreachable" : "error";
  return (
    <span className={`badge source-status ${status.toLowerCase()}`} title={message ?? undefined}>
      {label}
    </span>
  );
}
