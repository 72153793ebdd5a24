import { z } from "zod";
import { registerErrorCodes } from "../../errors.ts";
import { builder } from "../../graphql/builder.ts";
import { fromGlobalId } from "../../graphql/ids.ts";
import { RoleEnum } from "../auth/auth.graphql.ts";

registerErrorCodes({ LAST_ADMIN: "The change would leave the installation without an administrator." });

builder.queryField("users", (t) =>
  t.prismaConnection({
    type: "User",
    cursor: "id",
    description: "Every account of the installation, by e-mail. Administrators only.",
    authScopes: { admin: true },
    args: {
      search: t.arg.string({ required: false, validate: z.string().max(200, "is longer than 200 characters").optional().nullable() }),
      role: t.arg({ type: RoleEnum, required: false }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.services.prisma.user.findMany({
        ...query,
        where: {
          ...(args.role ? { role: args.role } : {}),
          ...(args.search ? { OR: [{ email: { contains: args.search, mode: "insensitive" } }, { name: { contains: args.search, mode: "insensitive" } }] } : {}),
        },
        orderBy: [{ email: "asc" }, { id: "asc" }],
      }),
  }),
);

const SetUserRoleInput = builder.inputType("SetUserRoleInput", {
  fields: (t) => ({ userId: t.id(), role: t.field({ type: RoleEnum }) }),
});

const SetUserRolePayload = builder.objectRef<{ userId: string; previousRole: "ADMIN" | "ANALYST" | "VIEWER" }>("SetUserRolePayload").implement({
  fields: (t) => ({
    user: t.prismaField({
      type: "User",
      resolve: (query, payload, _args, ctx) => ctx.services.prisma.user.findUniqueOrThrow({ ...query, where: { id: payload.userId } }),
    }),
    previousRole: t.expose("previousRole", { type: RoleEnum }),
  }),
});

builder.mutationField("setUserRole", (t) =>
  t.field({
    type: SetUserRolePayload,
    description: "Changes what a user may do; takes effect on their next request, API keys included. Administrators only.",
    authScopes: { admin: true },
    args: { input: t.arg({ type: SetUserRoleInput }) },
    resolve: (_root, { input }, ctx) => ctx.services.users.setRole(fromGlobalId(input.userId, "User"), input.role),
  }),
);
