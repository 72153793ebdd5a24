import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";

// N=2^15 keeps a hash around 50 ms on one core: slow for guessing, fine for log-in.
const params = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const keyLength = 32;

function derive(password: string, salt: Buffer, p = params): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, keyLength, p, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`, so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return ["scrypt", params.N, params.r, params.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const key = await derive(password, Buffer.from(salt, "base64url"), { ...params, N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let decoy: Promise<string> | undefined;

/** A hash to verify against when the e-mail is unknown, so both answers take as long. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(12).toString("hex"));
  return decoy;
}

export const passwordRules = "at least 8 characters, with a letter and a digit or symbol, and not a common password";

const common = new Set(["password", "password1", "password123", "12345678", "123456789", "qwerty123", "iloveyou1", "letmein1", "welcome1", "admin123"]);

/** Why a password is too weak, or null when it is acceptable. */
export function passwordWeakness(password: string): string | null {
  if (password.length < 8) return "is shorter than 8 characters";
  if (password.length > 256) return "is longer than 256 characters";
  if (!/\p{L}/u.test(password) || !/[^\p{L}]/u.test(password)) return "needs a letter and a digit or symbol";
  if (common.has(password.toLowerCase())) return "is too common";
  return null;
}
