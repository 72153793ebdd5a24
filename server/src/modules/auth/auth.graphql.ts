import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { nilUuid } from "../../graphql/ids.ts";

export const RoleEnum = builder.enumType("Role", {
  values: {
    ADMIN: { description: "Manages users, shared data sources and verified queries." },
    ANALYST: { description: "Connects data sources, edits semantic models, asks questions." },
    VIEWER: { description: "Asks questions of data sources shared with them." },
  } as const,
});

export const User = builder.prismaNode("User", {
  id: { field: "id" },
  // Through `node(id:)` a user can load themself; an admin anyone.
  findUnique: (id, ctx) => (ctx.viewer?.role === "ADMIN" ? { id } : { id, AND: [{ id: ctx.viewer?.userId ?? nilUuid }] }),
  fields: (t) => ({
    email: t.exposeString("email"),
    name: t.exposeString("name"),
    role: t.field({
      type: RoleEnum,
      description: "Through an API key, the caller's own role reads as the key's: the lower of the key's role and the owner's, the rights the call has.",
      resolve: (user, _args, ctx) => (ctx.viewer?.apiKeyId && ctx.viewer.userId === user.id ? ctx.viewer.role : user.role),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const AuthPayload = builder.objectRef<{ token: string; expiresAt: Date; userId: string }>("AuthPayload").implement({
  description: "A signed access token for `Authorization: Bearer <token>` (HTTP) or `connectionParams.authorization` (WebSocket).",
  fields: (t) => ({
    token: t.exposeString("token"),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    user: t.prismaField({
      type: "User",
      resolve: (query, payload, _args, ctx) => ctx.services.prisma.user.findUniqueOrThrow({ ...query, where: { id: payload.userId } }),
    }),
  }),
});

const email = z.string().trim().max(254, "is too long").pipe(z.email("is not a valid e-mail address"));

const SignUpInput = builder.inputType("SignUpInput", {
  fields: (t) => ({
    email: t.string({ validate: email }),
    password: t.string({ validate: z.string().max(256, "is longer than 256 characters") }),
    name: t.string({ required: false, validate: z.string().max(120, "is longer than 120 characters").optional().nullable() }),
  }),
});

const LogInInput = builder.inputType("LogInInput", {
  fields: (t) => ({
    email: t.string({ validate: z.string().max(254, "is too long") }),
    password: t.string({ validate: z.string().max(256, "is longer than 256 characters") }),
  }),
});

builder.queryField("me", (t) =>
  t.prismaField({
    type: "User",
    description: "The user the request is authenticated as.",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, ctx) => ctx.services.prisma.user.findUniqueOrThrow({ ...query, where: { id: ctx.viewer!.userId } }),
  }),
);

builder.mutationFields((t) => ({
  signUp: t.field({
    type: AuthPayload,
    description: "Creates an account and logs it in. The first account of an installation is its administrator. Not with an API key.",
    authScopes: { withoutApiKey: true },
    args: { input: t.arg({ type: SignUpInput }) },
    resolve: (_root, { input }, ctx) => ctx.services.auth.signUp(input),
  }),
  logIn: t.field({
    type: AuthPayload,
    description: "Not with an API key: a key is for a program, sessions are for people.",
    authScopes: { withoutApiKey: true },
    args: { input: t.arg({ type: LogInInput }) },
    resolve: (_root, { input }, ctx) => ctx.services.auth.logIn(input.email, input.password),
  }),
  logOut: t.boolean({
    description: "Revokes every token issued to the caller so far (log out everywhere). Needs a log-in: an API key cannot end its owner's sessions.",
    authScopes: { loggedIn: true },
    resolve: async (_root, _args, ctx) => {
      await ctx.services.auth.logOut(ctx.viewer!.userId);
      return true;
    },
  }),
}));
