import { AppError, notFound } from "../../errors.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { PubSub, SessionChange } from "../../infra/pubsub.ts";
import type { Session } from "../../generated/prisma/client.ts";

export interface SessionDeps {
  prisma: Prisma;
  pubsub: PubSub;
  ttlMs: number;
  retentionMs: number;
}

export const maxTitleLength = 200;
const untitled = "New chat";

/** A readable title from a first question: its first line, trimmed at a word boundary. */
export function titleFromQuestion(question: string): string {
  const line = question.replace(/\s+/g, " ").trim();
  if (!line) return untitled;
  if (line.length <= 60) return line.replace(/[?.!]+$/, "");
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(" ");
  return `${(space > 30 ? cut.slice(0, space) : cut).replace(/[,;:]+$/, "")}…`;
}

export function isReadOnly(session: Pick<Session, "status" | "expiresAt">, now = new Date()): boolean {
  return session.status !== "ACTIVE" || session.expiresAt.getTime() <= now.getTime();
}

export function createSessionService({ prisma, pubsub, ttlMs, retentionMs }: SessionDeps) {
  const publish = (userId: string, change: SessionChange) => pubsub.publish("sessionChanged", userId, change);
  const expiry = (from = new Date()) => new Date(from.getTime() + ttlMs);

  /** The user's session; another user's answers exactly like a missing one. */
  async function get(userId: string, id: string): Promise<Session> {
    const session = await prisma.session.findFirst({ where: { id, userId } });
    if (!session) throw notFound("Session");
    return session;
  }

  async function getWritable(userId: string, id: string): Promise<Session> {
    const session = await get(userId, id);
    if (isReadOnly(session)) {
      const why = session.status === "ENDED" ? "has ended" : "has expired";
      throw new AppError("SESSION_READ_ONLY", `This chat ${why} and is read-only.`, { hint: "Start a new chat to continue." });
    }
    return session;
  }

  return {
    get,
    getWritable,

    async create(userId: string, input: { title?: string | null; dataSourceId?: string | null }) {
      const session = await prisma.session.create({
        data: {
          userId,
          title: input.title?.trim() || untitled,
          dataSourceId: input.dataSourceId ?? null,
          expiresAt: expiry(),
        },
      });
      await publish(userId, { kind: "CREATED", sessionId: session.id });
      return session;
    },

    async rename(userId: string, id: string, title: string) {
      await get(userId, id);
      const session = await prisma.session.update({ where: { id }, data: { title: title.trim() } });
      await publish(userId, { kind: "UPDATED", sessionId: id });
      return session;
    },

    async end(userId: string, id: string) {
      const current = await get(userId, id);
      if (current.status !== "ACTIVE") return current;
      const session = await prisma.session.update({ where: { id }, data: { status: "ENDED" } });
      await publish(userId, { kind: "UPDATED", sessionId: id });
      return session;
    },

    async delete(userId: string, id: string) {
      await get(userId, id);
      await prisma.session.delete({ where: { id } });
      await publish(userId, { kind: "DELETED", sessionId: id });
    },

    /**
     * Activity slides the 24-hour expiry forward (one conditional write on the
     * hot path); titles untitled sessions from their first question.
     */
    async touch(userId: string, id: string, firstQuestion?: string) {
      const now = new Date();
      const title = firstQuestion ? titleFromQuestion(firstQuestion) : untitled;
      const slid = await prisma.$executeRaw`
        UPDATE "Session"
        SET "expiresAt" = ${expiry(now)}, "updatedAt" = ${now},
            "title" = CASE WHEN "title" = ${untitled} THEN ${title} ELSE "title" END
        WHERE "id" = ${id}::uuid AND "userId" = ${userId}::uuid AND "status" = 'ACTIVE' AND "expiresAt" > ${now}`;
      // Nothing changed: missing, someone else's, ended or expired — say which, as getWritable does.
      if (slid === 0) await getWritable(userId, id);
      await publish(userId, { kind: "UPDATED", sessionId: id });
      return { id };
    },

    /**
     * Marks sessions past their expiry EXPIRED and deletes those that ended or
     * expired longer ago than the retention period. Returns what it did.
     */
    async sweep(now = new Date()) {
      const expiring = await prisma.session.findMany({
        where: { status: "ACTIVE", expiresAt: { lte: now } },
        select: { id: true, userId: true },
        take: 1000,
      });
      if (expiring.length) {
        await prisma.session.updateMany({ where: { id: { in: expiring.map((s) => s.id) } }, data: { status: "EXPIRED" } });
        await Promise.all(expiring.map((s) => publish(s.userId, { kind: "UPDATED", sessionId: s.id })));
      }
      const cutoff = new Date(now.getTime() - retentionMs);
      const purged = await prisma.session.deleteMany({
        where: { OR: [{ status: { in: ["ENDED", "EXPIRED"] }, updatedAt: { lte: cutoff } }, { expiresAt: { lte: cutoff } }] },
      });
      return { expired: expiring.length, purged: purged.count };
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
