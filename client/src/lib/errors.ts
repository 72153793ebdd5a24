import type { CombinedError } from "urql";

/**
 * Sentences for people, by the server's stable error codes (`extensions.code`).
 * Codes missing here fall back to the server's own message, which is written
 * for people too; these add what to do about it.
 */
export const friendlyErrors: Record<string, string> = {
  INVALID_CREDENTIALS: "That e-mail and password do not match an account.",
  EMAIL_TAKEN: "An account with this e-mail already exists. Log in instead.",
  WEAK_PASSWORD: "Choose a longer password: at least 8 characters, with a letter and a digit or symbol.",
  UNAUTHENTICATED: "Please log in to continue.",
  TOKEN_EXPIRED: "Your session has expired. Log in again to continue.",
  TOKEN_INVALID: "You were logged out. Log in again to continue.",
  FORBIDDEN: "You do not have permission to do that.",
  NOT_FOUND: "This no longer exists, or it is not yours to see.",
  BAD_USER_INPUT: "Some of what was entered is not valid.",
  RATE_LIMITED: "Too many requests in a short time. Wait a moment and try again.",
  PAYLOAD_TOO_LARGE: "That is more than the server accepts in one request.",
  SERVICE_UNAVAILABLE: "The server cannot reach its database right now. Try again in a moment.",
  INTERNAL: "Something went wrong on the server. It has been logged; try again.",
  SESSION_READ_ONLY: "This chat has ended and can no longer take questions. Start a new chat.",
  RUN_FINISHED: "That answer has already finished.",
  EMPTY_QUESTION: "Type a question first.",
  QUESTION_TOO_LONG: "That question is too long. Shorten it and try again.",
  NO_DATA_SOURCES: "There is no data to ask yet. Add a data source first.",
  DATA_SOURCE_NAME_TAKEN: "You already have a data source with this name.",
  DATA_SOURCE_BAD_URL: "The connection URL is not valid. Use postgresql://user:password@host:5432/database.",
  DATA_SOURCE_AUTH_FAILED: "The database refused the user name or password.",
  DATA_SOURCE_NOT_FOUND: "The database named in the URL does not exist on that server.",
  DATA_SOURCE_UNREACHABLE: "The database server could not be reached. Check the host, port and firewall.",
  DATA_SOURCE_EMPTY: "The database has no tables or views in the chosen schemas.",
  INTROSPECTION_FAILED: "Reading the database’s tables failed.",
  SEMANTIC_MODEL_CONFLICT: "Someone else changed this model meanwhile. Reload it and make your change again.",
  SEMANTIC_MODEL_YAML_INVALID: "The YAML could not be read.",
  CSRF_HEADER_REQUIRED: "The request was refused by the server’s CSRF protection. Reload the page.",
  PERSISTED_OPERATION_NOT_FOUND: "The server runs a newer version. Reload the page.",
};

/** The first GraphQL error's code, if any. */
export function errorCode(error: CombinedError | undefined | null): string | undefined {
  return error?.graphQLErrors[0]?.extensions?.code as string | undefined;
}

/** A sentence for people from a GraphQL or network error. */
export function errorMessage(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.networkError) return "Cannot reach the server. Check your connection and try again.";
  const first = error.graphQLErrors[0];
  if (!first) return error.message;
  const code = errorCode(error);
  // Validation errors name the field: the server's text says more than a generic line.
  if (code === "BAD_USER_INPUT" || code === "SEMANTIC_MODEL_YAML_INVALID") return first.message;
  return (code && friendlyErrors[code]) || first.message;
}

/** The server's hint (what to try), when it sent one. */
export function errorHint(error: CombinedError | undefined | null): string | null {
  const hint = error?.graphQLErrors[0]?.extensions?.hint;
  return typeof hint === "string" ? hint : null;
}
