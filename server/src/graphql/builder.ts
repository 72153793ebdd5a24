import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import SimpleObjectsPlugin from "@pothos/plugin-simple-objects";
import ValidationPlugin from "@pothos/plugin-validation";
import { DateTimeResolver, JSONResolver } from "graphql-scalars";
import { AppError } from "../errors.ts";
import AuditPlugin from "../modules/audit/audit-plugin.ts";
import type PrismaTypes from "../generated/pothos-prisma-types.ts";
import { getDatamodel } from "../generated/pothos-prisma-types.ts";
import type { Context } from "./context.ts";

/** Largest page a connection hands out; asking for more is an input error, not a silent cut. */
export const maxPageSize = 100;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
  /**
   * Roles: see modules/users/roles.ts. `loggedIn`: a log-in token, not an API
   * key. `withoutApiKey`: anything but an API key (no credentials included).
   */
  AuthScopes: { authenticated: boolean; admin: boolean; analyst: boolean; loggedIn: boolean; withoutApiKey: boolean };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  // Audit wraps outermost so it also records calls that scope-auth refuses.
  plugins: [AuditPlugin, ScopeAuthPlugin, PrismaPlugin, RelayPlugin, SimpleObjectsPlugin, ValidationPlugin],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  prisma: {
    client: (ctx) => ctx.services.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    onUnusedQuery: null,
    defaultConnectionSize: 20,
    maxConnectionSize: maxPageSize,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: ctx.viewer !== null,
      admin: ctx.viewer?.role === "ADMIN",
      analyst: ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "ANALYST",
      loggedIn: ctx.viewer !== null && !ctx.viewer.apiKeyId,
      withoutApiKey: !ctx.viewer?.apiKeyId,
    }),
    // A missing or bad credential and a lack of rights are different answers.
    unauthorizedError: (_parent, ctx) => {
      if (ctx.viewer) {
        const hint = ctx.viewer.apiKeyId ? "Calls with an API key have the key's role; logging in or out and managing keys need a log-in." : undefined;
        return new AppError("FORBIDDEN", "You are not allowed to do this.", { hint });
      }
      return ctx.authError ?? new AppError("UNAUTHENTICATED", "Log in first.", { hint: "Send `Authorization: Bearer <token>`." });
    },
  },
  validation: {
    validationError: (failure) => {
      const issues = failure.issues.map((issue) => ({
        path: (issue.path ?? []).map((p) => (typeof p === "object" ? String(p.key) : String(p))).join("."),
        message: issue.message,
      }));
      const first = issues[0];
      return new AppError("BAD_USER_INPUT", first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "Invalid input.", {
        details: { issues },
      });
    },
  },
});

builder.addScalarType("DateTime", DateTimeResolver);
builder.addScalarType("JSON", JSONResolver);
