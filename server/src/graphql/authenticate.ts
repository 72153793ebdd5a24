import { AppError } from "../errors.ts";
import { looksLikeApiKey } from "../modules/api-keys/keys.ts";
import type { Services } from "../services.ts";
import type { Viewer } from "./context.ts";

export interface Authentication {
  viewer: Viewer | null;
  authError: AppError | null;
}

const anonymous: Authentication = { viewer: null, authError: null };

/**
 * Resolves `Bearer <token>` (HTTP header or WebSocket connection param): a
 * log-in token, or an API key (`amk_…`) acting with the key's role. Bad
 * credentials do not fail the request here: public operations still work, and
 * protected ones report the precise reason through scope-auth.
 */
export async function authenticate(services: Services, authorization: unknown): Promise<Authentication> {
  if (typeof authorization !== "string" || !authorization.trim()) return anonymous;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) {
    return { viewer: null, authError: new AppError("TOKEN_INVALID", "Send credentials as `Authorization: Bearer <token>`.") };
  }
  try {
    const token = match[1]!;
    const viewer = looksLikeApiKey(token) ? await services.apiKeys.viewerFromKey(token) : await services.auth.viewerFromToken(token);
    return { viewer, authError: null };
  } catch (error) {
    if (error instanceof AppError) return { viewer: null, authError: error };
    throw error;
  }
}
