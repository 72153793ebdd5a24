import { decodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../graphql/builder.ts";
import { fromGlobalId, toGlobalId } from "../../graphql/ids.ts";
import { AppError } from "../../errors.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import { auditActions, type AuditAction } from "./actions.ts";

const AuditActionEnum = builder.enumType("AuditAction", {
  values: Object.fromEntries(Object.entries(auditActions).map(([value, description]) => [value, { description, value }])) as Record<AuditAction, { description: string; value: AuditAction }>,
});
const AuditOutcomeEnum = builder.enumType("AuditOutcome", {
  values: {
    SUCCESS: { description: "The action was carried out." },
    DENIED: { description: "The caller was not allowed to do it, or the object was not theirs." },
    FAILED: { description: "It was allowed but failed (bad input, unreachable database...)." },
  } as const,
});

builder.prismaObject("AuditLog", {
  name: "AuditEntry",
  description: "One recorded action: who, what, on which object, with what outcome.",
  fields: (t) => ({
    at: t.expose("at", { type: "DateTime" }),
    action: t.field({ type: AuditActionEnum, resolve: (e) => e.action as AuditAction }),
    outcome: t.expose("outcome", { type: AuditOutcomeEnum }),
    actor: t.prismaField({
      type: "User",
      nullable: true,
      description: "Null for the installation's own actions, or once the account is deleted.",
      resolve: (query, e, _args, ctx) => (e.actorId ? ctx.services.prisma.user.findUnique({ ...query, where: { id: e.actorId } }) : null),
    }),
    apiKeyId: t.id({ nullable: true, resolve: (e) => (e.apiKeyId ? toGlobalId("ApiKey", e.apiKeyId) : null) }),
    targetType: t.exposeString("targetType", { nullable: true }),
    targetId: t.id({ nullable: true, resolve: (e) => (e.targetType && e.targetId ? toGlobalId(e.targetType, e.targetId) : null) }),
    details: t.expose("details", { type: "JSON", nullable: true }),
    requestId: t.exposeString("requestId", { nullable: true }),
    ip: t.exposeString("ip", { nullable: true }),
  }),
});

const AuditFilter = builder.inputType("AuditFilter", {
  fields: (t) => ({
    actions: t.field({ type: [AuditActionEnum], required: false }),
    outcome: t.field({ type: AuditOutcomeEnum, required: false }),
    actorId: t.id({ required: false, description: "A User id." }),
    targetId: t.id({ required: false, description: "The id of any object (data source, user, API key)." }),
    since: t.field({ type: "DateTime", required: false }),
    until: t.field({ type: "DateTime", required: false }),
  }),
});

/** Any well-formed global id: the filter accepts objects of several types. */
function targetOf(globalId: string): string {
  try {
    return fromGlobalId(globalId, decodeGlobalID(globalId).typename);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_USER_INPUT", "targetId is not a valid id.");
  }
}

builder.queryField("auditLog", (t) =>
  t.prismaConnection({
    type: "AuditLog",
    cursor: "id",
    description: "Recorded actions, newest first. Administrators only.",
    authScopes: { admin: true },
    args: { filter: t.arg({ type: AuditFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) => {
      const where: PrismaTypes.AuditLogWhereInput = {
        ...(filter?.actions?.length ? { action: { in: filter.actions } } : {}),
        ...(filter?.outcome ? { outcome: filter.outcome } : {}),
        ...(filter?.actorId ? { actorId: fromGlobalId(filter.actorId, "User") } : {}),
        ...(filter?.targetId ? { targetId: targetOf(filter.targetId) } : {}),
        ...(filter?.since || filter?.until ? { at: { ...(filter.since ? { gte: filter.since } : {}), ...(filter.until ? { lt: filter.until } : {}) } } : {}),
      };
      return ctx.services.prisma.auditLog.findMany({ ...query, where, orderBy: [{ at: "desc" }, { id: "desc" }] });
    },
  }),
);
