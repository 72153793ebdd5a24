import { GraphQLError } from "graphql";

/**
 * Stable error codes. Clients switch on `extensions.code`; messages may change.
 * Exposed in the schema as the `ErrorCode` enum so they are part of the contract.
 */
export const errorCodes = {
  BAD_USER_INPUT: "An argument is missing, malformed or out of range.",
  UNAUTHENTICATED: "No valid credentials were sent.",
  TOKEN_EXPIRED: "The access token has expired; log in again.",
  TOKEN_INVALID: "The access token is malformed, forged or revoked.",
  FORBIDDEN: "The caller may not do this.",
  NOT_FOUND: "No such object, or not one the caller may see.",
  INVALID_CREDENTIALS: "E-mail or password is wrong.",
  EMAIL_TAKEN: "An account with this e-mail already exists.",
  SIGNUP_CLOSED: "Self sign-up is turned off on this installation (SIGNUP_CLOSED).",
  WEAK_PASSWORD: "The password does not meet the rules.",
  SESSION_READ_ONLY: "The session has ended or expired and can no longer change.",
  DATA_SOURCE_EMPTY: "The database has no tables or views in the chosen schemas.",
  DATA_SOURCE_NAME_TAKEN: "The caller already has a data source with this name.",
  INTROSPECTION_FAILED: "Reading the database's catalogue failed.",
  PAYLOAD_TOO_LARGE: "The request body is larger than allowed.",
  RATE_LIMITED: "Too many requests; retry later.",
  QUERY_TOO_COMPLEX: "The operation is nested too deeply, asks for too much, is too long, or uses too many aliases or directives.",
  PAGE_SIZE_REQUIRED: "A connection was asked for without `first` or `last`.",
  TOO_MANY_SUBSCRIPTIONS: "The WebSocket connection already has as many operations running as allowed.",
  PERSISTED_OPERATION_NOT_FOUND: "The operation hash is not one of the persisted operations.",
  PERSISTED_OPERATIONS_ONLY: "This server runs only persisted operations, except for API keys of administrators.",
  CSRF_HEADER_REQUIRED: "A browser-style request lacks the header that proves it is not cross-site (send `content-type: application/json` or `x-graphql-yoga-csrf`).",
  SERVICE_UNAVAILABLE: "A backing service (database, Redis) is unreachable.",
  INTERNAL: "Something unexpected failed; it has been logged.",
} as const;

export type ErrorCode = keyof typeof errorCodes | (string & {});

/**
 * Codes of expected failures raised below the GraphQL layer (SQL sandbox,
 * semantic model, LLM) register here, so the API exposes them with their
 * message and hint instead of masking them.
 */
const exposedCodes = new Map<string, string>(Object.entries(errorCodes));

export function registerErrorCodes(codes: Record<string, string>) {
  for (const [code, description] of Object.entries(codes)) exposedCodes.set(code, description);
}

export function allErrorCodes(): [code: string, description: string][] {
  return [...exposedCodes.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** An error from anywhere that carries a registered code: safe to show as is. */
export function exposedError(error: unknown): { code: string; message: string; hint?: string; details?: unknown } | null {
  if (!(error instanceof Error)) return null;
  const { code, hint, details } = error as Error & { code?: unknown; hint?: unknown; details?: unknown };
  if (typeof code !== "string" || !exposedCodes.has(code)) return null;
  return { code, message: error.message, ...(typeof hint === "string" ? { hint } : {}), ...(details && typeof details === "object" && Object.keys(details).length ? { details } : {}) };
}

export interface AppErrorOptions {
  /** A short, actionable sentence for the person using the product. */
  hint?: string;
  /** Extra machine-readable details, e.g. the offending field. */
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Status and headers of the HTTP response carrying the error (Yoga reads them; callers never see them). */
  http?: { status: number; headers?: Record<string, string> };
  /** Written to the audit log with the failed action; never sent to the caller. */
  auditDetails?: Record<string, unknown>;
}

/**
 * An expected failure with a stable code. Yoga's masking lets these through
 * unchanged; anything else becomes INTERNAL with its details only in the logs.
 */
export class AppError extends GraphQLError {
  readonly code: ErrorCode;
  readonly auditDetails?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, {
      originalError: options.cause instanceof Error ? options.cause : undefined,
      extensions: {
        code,
        ...(options.hint ? { hint: options.hint } : {}),
        ...(options.details ? { details: options.details } : {}),
        ...(options.http ? { http: options.http } : {}),
      },
    });
    this.name = "AppError";
    this.code = code;
    if (options.auditDetails) this.auditDetails = options.auditDetails;
  }
}

export const badInput = (message: string, details?: Record<string, unknown>) =>
  new AppError("BAD_USER_INPUT", message, { details });

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found.`);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
