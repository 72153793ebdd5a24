import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import { AppError } from "../../errors.ts";

const issuer = "agentmedha";
const audience = "agentmedha-api";

export interface TokenClaims {
  userId: string;
  /** The user's token version when issued; log-out bumps it, revoking the token. */
  version: number;
}

export async function issueToken(key: Uint8Array, claims: TokenClaims, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  const token = await new SignJWT({ ver: claims.version })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.userId)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(key);
  return { token, expiresAt };
}

/** The claims of a valid token; TOKEN_EXPIRED or TOKEN_INVALID otherwise. */
export async function verifyToken(key: Uint8Array, token: string): Promise<TokenClaims> {
  try {
    const { payload } = await jwtVerify(token, key, { issuer, audience, algorithms: ["HS256"] });
    if (typeof payload.sub !== "string" || typeof payload.ver !== "number") throw new joseErrors.JWTClaimValidationFailed("claims", payload);
    return { userId: payload.sub, version: payload.ver };
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      throw new AppError("TOKEN_EXPIRED", "Your session has expired.", { hint: "Log in again." });
    }
    throw new AppError("TOKEN_INVALID", "The access token is not valid.", { hint: "Log in again to get a new token." });
  }
}
