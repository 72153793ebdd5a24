import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Logger } from "./logger.ts";

/**
 * Keys derived from one master secret: the token-signing key and the key that
 * seals data-source credentials. Separate derivations so neither key can be
 * recovered from the other's use.
 */
export interface Secrets {
  tokenKey: Uint8Array;
  seal(plain: string): string;
  open(sealed: string): string;
}

const sealVersion = "v1";

export function deriveSecrets(master: string): Secrets {
  const derive = (info: string) => new Uint8Array(hkdfSync("sha256", master, "agentmedha", info, 32));
  const tokenKey = derive("token-signing");
  const dataKey = derive("credential-encryption");
  return {
    tokenKey,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", dataKey, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [sealVersion, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== sealVersion || !iv || !tag || body === undefined) throw new Error("Unrecognised sealed value");
      const decipher = createDecipheriv("aes-256-gcm", dataKey, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

/**
 * The master secret: AGENTMEDHA_SECRET when set; otherwise one generated once
 * and kept in the data folder, so an embedded install needs no setup. Instances
 * that share a database must share AGENTMEDHA_SECRET, hence the warning.
 */
export async function loadMasterSecret(configured: string | undefined, dataDir: string, shared: boolean, log: Logger): Promise<string> {
  if (configured) return configured;
  const file = path.join(dataDir, "secret.key");
  const existing = await readFile(file, "utf8").catch(() => null);
  if (existing?.trim()) return existing.trim();
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  if (shared) log.warn({ file }, "AGENTMEDHA_SECRET is not set: generated one in the data folder; set it to run several instances");
  return secret;
}
