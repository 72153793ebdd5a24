import { AppError } from "../../errors.ts";
import type { Viewer } from "../../graphql/context.ts";
import { isSqlSandboxError, type SqlSandboxError } from "../../sql/errors.ts";
import { IntrospectionError } from "../../sql/introspect/postgres.ts";

export const connectionErrorCodes = {
  DATA_SOURCE_CONNECTION_FAILED: "The database could not be connected to; an administrator finds the cause in the audit log.",
} as const;

const message = "Could not connect to the database.";
const hint =
  "Check the host, port, database name, user name and password, and that the server accepts connections from here. An administrator can see the exact cause in the audit log.";

/** What a non-administrator reads in a data source's status when it cannot be connected to. */
export const concealedStatusMessage = `DATA_SOURCE_CONNECTION_FAILED: ${message}`;

const unreachableCodes = new Set(["DATA_SOURCE_UNREACHABLE", "DATA_SOURCE_AUTH_FAILED", "DATA_SOURCE_NOT_FOUND"]);

/**
 * Failures that tell what is listening at the other end (nothing, something
 * that is not PostgreSQL, a server without that role or database): told
 * apart, they make the product a port scanner and a name guesser.
 */
function describesTheRemoteEnd(error: SqlSandboxError): boolean {
  // QUERY_FAILED without a SQLSTATE: no PostgreSQL answered (a TLS, protocol or socket failure).
  return unreachableCodes.has(error.code) || (error.code === "QUERY_FAILED" && !error.details.sqlstate);
}

/** The driver's failure behind an error: reading the catalogue wraps the one that stopped it. */
export function rootCause(error: unknown): unknown {
  return error instanceof IntrospectionError && isSqlSandboxError(error.cause) ? error.cause : error;
}

/**
 * The error a viewer sees when connecting failed: administrators get the
 * cause; everyone else one message whatever happened, the cause going to the
 * audit log with the attempt.
 */
export function connectionFailureFor(viewer: Viewer, error: unknown): unknown {
  const cause = rootCause(error);
  if (viewer.role === "ADMIN" || !isSqlSandboxError(cause) || !describesTheRemoteEnd(cause)) return error;
  return new AppError("DATA_SOURCE_CONNECTION_FAILED", message, {
    hint,
    cause,
    auditDetails: { cause: cause.code, causeMessage: cause.message.slice(0, 300) },
  });
}

/** Same rule for a stored status (`CODE: message`, as `markFailure` writes it). */
export function statusMessageFor(viewer: Viewer | null, statusMessage: string | null): string | null {
  if (!statusMessage || viewer?.role === "ADMIN") return statusMessage;
  return unreachableCodes.has(statusMessage.split(":", 1)[0]!) ? concealedStatusMessage : statusMessage;
}
