import type { CombinedError } from "urql";
import { errorCode, errorHint, errorMessage } from "../lib/errors.ts";
import { AlertIcon } from "./icons.tsx";

/** One line per problem in an error's `extensions.details` (issues, problems, unknown columns, a YAML line). */
export function errorDetails(error: CombinedError | null | undefined): string[] {
  const details = error?.graphQLErrors[0]?.extensions?.details as Record<string, unknown> | undefined;
  if (!details || typeof details !== "object") return [];
  const lines: string[] = [];
  const describe = (item: unknown): string => {
    if (typeof item === "string") return item;
    if (item && typeof item === "object") {
      const { message, path } = item as { message?: unknown; path?: unknown };
      if (typeof message === "string") return Array.isArray(path) && path.length ? `${path.join(".")}: ${message}` : message;
    }
    return JSON.stringify(item);
  };
  for (const key of ["issues", "problems"]) {
    const list = details[key];
    if (Array.isArray(list)) lines.push(...list.slice(0, 12).map(describe));
  }
  if (Array.isArray(details.columns)) lines.push(`Unknown columns: ${details.columns.join(", ")}`);
  if (typeof details.line === "number") lines.push(`Near line ${details.line}.`);
  return lines;
}

/** A failed request explained: the message, what to try, and the details the server listed. */
export function ErrorNote({ error, className = "" }: { error: CombinedError | null | undefined; className?: string }) {
  if (!error) return null;
  const hint = errorHint(error);
  const details = errorDetails(error);
  const code = errorCode(error);
  return (
    <div className={`error-note ${className}`} role="alert">
      <AlertIcon />
      <div>
        <p className="error-note-message">{errorMessage(error)}</p>
        {hint && <p className="muted">{hint}</p>}
        {details.length > 0 && (
          <ul>
            {details.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        )}
        {code && <code className="error-code">{code}</code>}
      </div>
    </div>
  );
}
