import type { AppError } from "../errors.ts";
import type { Logger } from "../infra/logger.ts";
import type { Services } from "../services.ts";

/** Who is calling, once credentials are verified. */
export interface Viewer {
  userId: string;
  role: "ADMIN" | "ANALYST" | "VIEWER";
  /** Set when the call authenticated with an API key rather than a log-in token. */
  apiKeyId?: string;
  /** With an API key: the owner's own role now (`role` is the key's effective one, never higher). */
  ownerRole?: "ADMIN" | "ANALYST" | "VIEWER";
}

/** Per request (or per WebSocket operation): kept small on purpose. */
export interface Context {
  requestId: string;
  log: Logger;
  viewer: Viewer | null;
  /** Why `viewer` is null although credentials were sent (expired, forged...). */
  authError: AppError | null;
  services: Services;
  /** The caller's address (for rate limits of anonymous calls and the audit log). */
  ip?: string | null;
}
