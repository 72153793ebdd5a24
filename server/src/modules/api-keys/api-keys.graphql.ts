import { z } from "zod";
import { registerErrorCodes } from "../../errors.ts";
import { builder } from "../../graphql/builder.ts";
import { fromGlobalId, nilUuid } from "../../graphql/ids.ts";
import { RoleEnum } from "../auth/auth.graphql.ts";
import { isActive } from "./api-keys.service.ts";

registerErrorCodes({ API_KEY_LIMIT: "The caller already has as many active API keys as allowed." });

export const ApiKey = builder.prismaNode("ApiKey", {
  id: { field: "id" },
  description: "A key for third-party programs: `Authorization: Bearer amk_…`. Only its prefix is ever shown again.",
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.userId ?? nilUuid }),
  fields: (t) => ({
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The key's first characters, to tell keys apart." }),
    role: t.expose("role", { type: RoleEnum, description: "Rights of calls made with the key; never more than its owner has." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    lastUsedAt: t.expose("lastUsedAt", { type: "DateTime", nullable: true, description: "Updated at most once a minute." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    active: t.boolean({ resolve: (key) => isActive(key) }),
  }),
});

const CreateApiKeyInput = builder.inputType("CreateApiKeyInput", {
  fields: (t) => ({
    name: t.string({ validate: z.string().trim().min(1, "must not be empty").max(100, "is longer than 100 characters") }),
    role: t.field({ type: RoleEnum, description: "At most the caller's own role." }),
    expiresAt: t.field({ type: "DateTime", required: false, description: "Never expires when omitted." }),
  }),
});

const CreateApiKeyPayload = builder.objectRef<{ apiKeyId: string; secret: string }>("CreateApiKeyPayload").implement({
  fields: (t) => ({
    apiKey: t.prismaField({
      type: "ApiKey",
      resolve: (query, payload, _args, ctx) => ctx.services.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: payload.apiKeyId } }),
    }),
    secret: t.exposeString("secret", { description: "The key. Shown this once: it is stored only as a hash." }),
  }),
});

const ApiKeyPayload = builder.objectRef<{ apiKeyId: string }>("ApiKeyPayload").implement({
  fields: (t) => ({
    apiKey: t.prismaField({
      type: "ApiKey",
      resolve: (query, payload, _args, ctx) => ctx.services.prisma.apiKey.findUniqueOrThrow({ ...query, where: { id: payload.apiKeyId } }),
    }),
  }),
});

builder.queryField("apiKeys", (t) =>
  t.prismaConnection({
    type: "ApiKey",
    cursor: "id",
    description: "The caller's API keys, newest first. Managing keys needs a log-in, not a key.",
    authScopes: { loggedIn: true },
    args: { includeRevoked: t.arg.boolean({ defaultValue: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.prisma.apiKey.findMany({
        ...query,
        where: { userId: ctx.viewer!.userId, ...(args.includeRevoked ? {} : { revokedAt: null }) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    description: "Creates a key for a program to call the API as the caller, with the given role at most. Needs a log-in; under PERSISTED_OPERATIONS=only, an administrator's.",
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: CreateApiKeyInput }) },
    resolve: async (_root, { input }, ctx) => {
      const { apiKey, secret } = await ctx.services.apiKeys.create(ctx.viewer!, input);
      return { apiKeyId: apiKey.id, secret };
    },
  }),
  revokeApiKey: t.field({
    type: ApiKeyPayload,
    description: "Stops a key from working at once. Revoking a revoked key changes nothing.",
    authScopes: { loggedIn: true },
    args: { input: t.arg({ type: builder.inputType("RevokeApiKeyInput", { fields: (f) => ({ id: f.id() }) }) }) },
    resolve: async (_root, { input }, ctx) => ({ apiKeyId: (await ctx.services.apiKeys.revoke(ctx.viewer!, fromGlobalId(input.id, "ApiKey"))).id }),
  }),
}));
