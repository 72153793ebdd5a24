import { AppError, notFound } from "../../errors.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { Role } from "../../generated/prisma/client.ts";

export interface UserDeps {
  prisma: Prisma;
  /** Drops what authentication cached about the user, so a new role applies to the next request. */
  forgetUser: (userId: string) => Promise<void>;
}

export function createUserService({ prisma, forgetUser }: UserDeps) {
  return {
    /**
     * Changes a user's role and returns the previous one. The installation keeps
     * at least one administrator, so nobody can lock everyone out of user management.
     */
    async setRole(userId: string, role: Role): Promise<{ userId: string; previousRole: Role }> {
      const changed = await prisma.$transaction(async (tx) => {
        const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
        if (!user) throw notFound("User");
        if (user.role === "ADMIN" && role !== "ADMIN" && (await tx.user.count({ where: { role: "ADMIN" } })) <= 1) {
          throw new AppError("LAST_ADMIN", "This is the only administrator.", { hint: "Make someone else an administrator first." });
        }
        if (user.role !== role) await tx.user.update({ where: { id: user.id }, data: { role } });
        return { userId: user.id, previousRole: user.role };
      });
      await forgetUser(changed.userId);
      return changed;
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
