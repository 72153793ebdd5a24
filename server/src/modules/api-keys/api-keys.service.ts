import { AppError, badInput, notFound } from "../../errors.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { Logger } from "../../infra/logger.ts";
import type { ApiKey, Role } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";
import { roleAtMost, weakerRole } from "../users/roles.ts";
import { generateApiKey, hashApiKey } from "./keys.ts";

/** Active keys one user may hold: enough for every integration, bounded against abuse. */
export const maxActiveKeysPerUser = 25;
/** `lastUsedAt` is written at most this often per key, not on every request. */
const touchEveryMs = 60_000;

export interface CreateApiKeyInput {
  name: string;
  role: Role;
  expiresAt?: Date | null;
}

export function isActive(key: Pick<ApiKey, "revokedAt" | "expiresAt">, now = new Date()): boolean {
  return !key.revokedAt && (!key.expiresAt || key.expiresAt.getTime() > now.getTime());
}

/**
 * `adminOnly` (PERSISTED_OPERATIONS=only): keys send their own documents, so
 * minting one would let anyone out of the web client's operations; only
 * administrators may.
 */
export function createApiKeyService({ prisma, log, adminOnly = false }: { prisma: Prisma; log: Logger; adminOnly?: boolean }) {
  const touched = new Map<string, number>();

  function touch(id: string) {
    const now = Date.now();
    if (now - (touched.get(id) ?? 0) < touchEveryMs) return;
    touched.set(id, now);
    if (touched.size > 10_000) touched.clear();
    prisma.apiKey.update({ where: { id }, data: { lastUsedAt: new Date(now) } }).catch((error: unknown) => log.warn({ err: error }, "could not record API key use"));
  }

  /** The caller's key (any key for an administrator); another user's answers like a missing one. */
  async function get(viewer: Viewer, id: string): Promise<ApiKey> {
    const key = await prisma.apiKey.findFirst({ where: viewer.role === "ADMIN" ? { id } : { id, userId: viewer.userId } });
    if (!key) throw notFound("API key");
    return key;
  }

  return {
    get,

    /** Stores the key's hash and returns the key itself, which is never readable again. */
    async create(viewer: Viewer, input: CreateApiKeyInput): Promise<{ apiKey: ApiKey; secret: string }> {
      const name = input.name.trim();
      if (adminOnly && viewer.role !== "ADMIN") {
        throw new AppError("FORBIDDEN", "On this server only administrators create API keys.", { hint: "It runs only the web client's operations (PERSISTED_OPERATIONS=only); ask an administrator for a key." });
      }
      if (!roleAtMost(input.role, viewer.role)) {
        throw new AppError("FORBIDDEN", `A ${viewer.role} cannot create a key with the ${input.role} role.`, { hint: "Pick your own role or a lower one." });
      }
      if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) throw badInput("expiresAt must be in the future.", { field: "expiresAt" });
      const active = await prisma.apiKey.count({
        where: { userId: viewer.userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date() } }] },
      });
      if (active >= maxActiveKeysPerUser) {
        throw new AppError("API_KEY_LIMIT", `You already have ${maxActiveKeysPerUser} active API keys.`, { hint: "Revoke keys you no longer use." });
      }
      const key = generateApiKey();
      const apiKey = await prisma.apiKey.create({
        data: { userId: viewer.userId, name, role: input.role, prefix: key.prefix, keyHash: key.hash, expiresAt: input.expiresAt ?? null },
      });
      return { apiKey, secret: key.secret };
    },

    async revoke(viewer: Viewer, id: string): Promise<ApiKey> {
      const key = await get(viewer, id);
      if (key.revokedAt) return key;
      return prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() } });
    },

    /**
     * The viewer behind an API key: its owner, with the key's role capped at the
     * owner's current one (a demoted owner's keys lose the rights too).
     */
    async viewerFromKey(secret: string): Promise<Viewer> {
      const key = await prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(secret) }, include: { user: { select: { role: true } } } });
      if (!key || key.revokedAt) {
        throw new AppError("TOKEN_INVALID", "The API key is not valid or has been revoked.", { hint: "Create a new key." });
      }
      if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
        throw new AppError("TOKEN_EXPIRED", "The API key has expired.", { hint: "Create a new key." });
      }
      touch(key.id);
      return { userId: key.userId, role: weakerRole(key.role, key.user.role), apiKeyId: key.id, ownerRole: key.user.role };
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
