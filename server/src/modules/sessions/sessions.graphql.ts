import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { fromGlobalId, nilUuid, toGlobalId } from "../../graphql/ids.ts";
import type { SessionChange } from "../../infra/pubsub.ts";
import { isReadOnly, maxTitleLength } from "./sessions.service.ts";

const SessionStatusEnum = builder.enumType("SessionStatus", {
  values: {
    ACTIVE: { description: "Open for questions." },
    ENDED: { description: "Closed by its owner; read-only." },
    EXPIRED: { description: "No activity for the expiry period (24 h by default); read-only." },
  } as const,
});

const MessageRoleEnum = builder.enumType("MessageRole", { values: ["USER", "ASSISTANT"] as const });
const MessageKindEnum = builder.enumType("MessageKind", {
  values: ["QUESTION", "DISCOVERY", "RESULT", "ERROR", "INFO", "CLARIFICATION"] as const,
});

export const Message = builder.prismaNode("Message", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id, session: { userId: ctx.viewer?.userId ?? nilUuid } }),
  fields: (t) => ({
    role: t.expose("role", { type: MessageRoleEnum }),
    kind: t.expose("kind", { type: MessageKindEnum }),
    content: t.exposeString("content"),
    payload: t.expose("payload", { type: "JSON", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    session: t.relation("session"),
  }),
});

export const Session = builder.prismaNode("Session", {
  id: { field: "id" },
  findUnique: (id, ctx) => ({ id, userId: ctx.viewer?.userId ?? nilUuid }),
  fields: (t) => ({
    title: t.exposeString("title"),
    status: t.field({
      type: SessionStatusEnum,
      description: "EXPIRED as soon as the expiry passes, even before the cleanup job records it.",
      resolve: (s) => (s.status === "ACTIVE" && isReadOnly(s) ? "EXPIRED" : s.status),
    }),
    readOnly: t.boolean({ resolve: (s) => isReadOnly(s) }),
    context: t.expose("context", { type: "JSON", description: "Conversation state carried between turns." }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    messageCount: t.relationCount("messages"),
    messages: t.relatedConnection("messages", {
      cursor: "id",
      description: "Oldest first, the order of the conversation.",
      query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    }),
  }),
});

const sessionTitle = z.string().trim().min(1, "must not be empty").max(maxTitleLength, `is longer than ${maxTitleLength} characters`);

builder.queryFields((t) => ({
  sessions: t.prismaConnection({
    type: "Session",
    cursor: "id",
    description: "The caller's chat sessions, most recently active first.",
    authScopes: { authenticated: true },
    args: {
      status: t.arg({ type: SessionStatusEnum, required: false }),
      search: t.arg.string({ required: false, validate: z.string().max(200, "is longer than 200 characters").optional().nullable() }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.services.prisma.session.findMany({
        ...query,
        where: {
          userId: ctx.viewer!.userId,
          ...(args.status ? { status: args.status } : {}),
          ...(args.search ? { title: { contains: args.search, mode: "insensitive" } } : {}),
        },
        orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      }),
  }),
  session: t.prismaField({
    type: "Session",
    authScopes: { authenticated: true },
    args: { id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      const session = await ctx.services.sessions.get(ctx.viewer!.userId, fromGlobalId(args.id, "Session"));
      return ctx.services.prisma.session.findUniqueOrThrow({ ...query, where: { id: session.id } });
    },
  }),
}));

const CreateSessionInput = builder.inputType("CreateSessionInput", {
  fields: (t) => ({
    title: t.string({ required: false, validate: sessionTitle.optional().nullable() }),
  }),
});
const RenameSessionInput = builder.inputType("RenameSessionInput", {
  fields: (t) => ({ id: t.id(), title: t.string({ validate: sessionTitle }) }),
});
const SessionIdInput = builder.inputType("SessionIdInput", { fields: (t) => ({ id: t.id() }) });

/** Mutations return the session they changed, so client caches update without a refetch. */
const SessionPayload = builder.objectRef<{ id: string }>("SessionPayload").implement({
  fields: (t) => ({
    session: t.prismaField({
      type: "Session",
      resolve: (query, changed, _args, ctx) => ctx.services.prisma.session.findUniqueOrThrow({ ...query, where: { id: changed.id } }),
    }),
  }),
});
const DeleteSessionPayload = builder.simpleObject("DeleteSessionPayload", {
  fields: (t) => ({ deletedSessionId: t.id() }),
});

builder.mutationFields((t) => ({
  createSession: t.field({
    type: SessionPayload,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: CreateSessionInput, required: false }) },
    resolve: (_root, { input }, ctx) => ctx.services.sessions.create(ctx.viewer!.userId, { title: input?.title }),
  }),
  renameSession: t.field({
    type: SessionPayload,
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: RenameSessionInput }) },
    resolve: (_root, { input }, ctx) => ctx.services.sessions.rename(ctx.viewer!.userId, fromGlobalId(input.id, "Session"), input.title),
  }),
  endSession: t.field({
    type: SessionPayload,
    description: "Closes the session; it stays readable but takes no more questions.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: SessionIdInput }) },
    resolve: (_root, { input }, ctx) => ctx.services.sessions.end(ctx.viewer!.userId, fromGlobalId(input.id, "Session")),
  }),
  deleteSession: t.field({
    type: DeleteSessionPayload,
    description: "Deletes the session with its messages and runs.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: SessionIdInput }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.services.sessions.delete(ctx.viewer!.userId, fromGlobalId(input.id, "Session"));
      return { deletedSessionId: input.id };
    },
  }),
}));

const SessionChangeKindEnum = builder.enumType("SessionChangeKind", { values: ["CREATED", "UPDATED", "DELETED"] as const });

const SessionChangeRef = builder.objectRef<SessionChange>("SessionChange").implement({
  fields: (t) => ({
    kind: t.expose("kind", { type: SessionChangeKindEnum }),
    sessionId: t.id({ resolve: (c) => toGlobalId("Session", c.sessionId) }),
    session: t.prismaField({
      type: "Session",
      nullable: true,
      description: "The session as it is now; null once deleted.",
      resolve: (query, change, _args, ctx) =>
        ctx.services.prisma.session.findFirst({ ...query, where: { id: change.sessionId, userId: ctx.viewer!.userId } }),
    }),
  }),
});

builder.subscriptionField("sessionChanged", (t) =>
  t.field({
    type: SessionChangeRef,
    description: "Pushes every change to the caller's sessions (from any server instance).",
    authScopes: { authenticated: true },
    subscribe: (_root, _args, ctx) => ctx.services.pubsub.subscribe("sessionChanged", ctx.viewer!.userId),
    resolve: (change) => change,
  }),
);
