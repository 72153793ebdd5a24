import { randomBytes } from "node:crypto";
import { AppError } from "../../errors.ts";
import { cached, type Cache } from "../../infra/cache.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { Viewer } from "../../graphql/context.ts";
import { decoyHash, hashPassword, passwordRules, passwordWeakness, verifyPassword } from "./passwords.ts";
import { issueToken, verifyToken } from "./tokens.ts";

export interface AuthDeps {
  prisma: Prisma;
  cache: Cache;
  tokenKey: Uint8Array;
  tokenTtlSeconds: number;
  /** SIGNUP_ROLE and SIGNUP_CLOSED: what a self sign-up after the first account gets, and whether there is one. */
  signUp: { role: "VIEWER" | "ANALYST"; closed: boolean };
}

export interface SignUpInput {
  email: string;
  password: string;
  name?: string | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const signUpClosed = () => new AppError("SIGNUP_CLOSED", "This installation does not accept new accounts.", { hint: "Ask an administrator for an account." });

/** How long a user's role and token version are trusted from the cache; log-out and role changes drop the entry at once. */
const userCacheSeconds = 60;
const userKey = (userId: string) => `auth-user:${userId}`;

export function createAuthService({ prisma, cache, tokenKey, tokenTtlSeconds, signUp }: AuthDeps) {
  async function session(user: { id: string; tokenVersion: number }) {
    const { token, expiresAt } = await issueToken(tokenKey, { userId: user.id, version: user.tokenVersion }, tokenTtlSeconds);
    return { token, expiresAt, userId: user.id };
  }

  return {
    /**
     * The first account of an installation administers it, even with sign-up
     * closed (there is no other way to get one); later ones get the sign-up role.
     */
    async signUp(input: SignUpInput) {
      // Before anything else, so a closed installation does not tell which e-mails have accounts.
      if (signUp.closed && (await prisma.user.count()) > 0) throw signUpClosed();
      const email = normaliseEmail(input.email);
      const weakness = passwordWeakness(input.password);
      if (weakness) {
        throw new AppError("WEAK_PASSWORD", `The password ${weakness}.`, { hint: `Use ${passwordRules}.` });
      }
      const passwordHash = await hashPassword(input.password);
      const name = input.name?.trim() || email.split("@")[0]!;
      const user = await prisma.$transaction(async (tx) => {
        if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
          throw new AppError("EMAIL_TAKEN", "An account with this e-mail already exists.", { hint: "Log in instead." });
        }
        const first = (await tx.user.count()) === 0;
        if (!first && signUp.closed) throw signUpClosed();
        return tx.user.create({ data: { email, name, passwordHash, role: first ? "ADMIN" : signUp.role } });
      }).catch((error: unknown) => {
        // Two sign-ups racing for one e-mail: the unique index decides.
        if ((error as { code?: string }).code === "P2002") {
          throw new AppError("EMAIL_TAKEN", "An account with this e-mail already exists.", { hint: "Log in instead." });
        }
        throw error;
      });
      return session(user);
    },

    async logIn(emailInput: string, password: string) {
      const user = await prisma.user.findUnique({ where: { email: normaliseEmail(emailInput) } });
      const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !ok) throw new AppError("INVALID_CREDENTIALS", "E-mail or password is wrong.");
      return session(user);
    },

    /** Revokes every token issued to the user so far. */
    async logOut(userId: string) {
      await prisma.user.update({ where: { id: userId }, data: { tokenVersion: { increment: 1 } } });
      await cache.delete(userKey(userId));
    },

    /** Call after changing a user's role or deleting them, so tokens see it at once. */
    forgetUser(userId: string) {
      return cache.delete(userKey(userId));
    },

    /** The viewer behind a log-in token; throws TOKEN_* errors for bad ones. */
    async viewerFromToken(token: string): Promise<Viewer> {
      const claims = await verifyToken(tokenKey, token);
      // Every request needs this; the cache (Redis when configured) spares a database round trip.
      const user = await cached(cache, userKey(claims.userId), userCacheSeconds, () =>
        prisma.user.findUnique({ where: { id: claims.userId }, select: { id: true, role: true, tokenVersion: true } }),
      );
      if (!user || user.tokenVersion !== claims.version) {
        throw new AppError("TOKEN_INVALID", "The access token has been revoked.", { hint: "Log in again." });
      }
      return { userId: user.id, role: user.role };
    },

    /**
     * The local account `npm start` prints in embedded mode, so a newcomer
     * reaches the chat without reading code. Created once; its password is kept
     * in the data folder next to the database.
     */
    async ensureDemoUser(email: string, readSaved: () => Promise<string | null>, save: (password: string) => Promise<void>) {
      const existing = await prisma.user.findUnique({ where: { email } });
      const saved = await readSaved();
      if (existing && saved && (await verifyPassword(saved, existing.passwordHash))) return { email, password: saved, created: false };
      const password = `demo-${randomBytes(6).toString("base64url")}`;
      const passwordHash = await hashPassword(password);
      if (existing) {
        await prisma.user.update({ where: { id: existing.id }, data: { passwordHash } });
      } else {
        const role = (await prisma.user.count()) === 0 ? "ADMIN" : "ANALYST";
        await prisma.user.create({ data: { email, name: "Demo user", passwordHash, role } });
      }
      await save(password);
      return { email, password, created: !existing };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
