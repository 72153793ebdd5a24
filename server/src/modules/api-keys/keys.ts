import { createHash, randomBytes } from "node:crypto";

/** Every key starts with this, so it is recognisable in configs and secret scanners. */
export const apiKeyMarker = "amk_";
const prefixLength = apiKeyMarker.length + 8;

export interface NewApiKey {
  /** The full key: shown once, never stored. */
  secret: string;
  /** Its first characters, stored and shown so people can tell keys apart. */
  prefix: string;
  hash: string;
}

/**
 * 256 random bits: a single SHA-256 is enough to store them (nothing to
 * brute-force, unlike passwords), and lets a request find its key by index.
 */
export function hashApiKey(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function generateApiKey(): NewApiKey {
  const secret = `${apiKeyMarker}${randomBytes(32).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, prefixLength), hash: hashApiKey(secret) };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(apiKeyMarker);
}
