import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import type { Context } from "../../graphql/context.ts";
import { deniedCodes } from "./actions.ts";
import { auditedMutations } from "./audited-mutations.ts";

const pluginName = "audit";

function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown }; code?: unknown }).extensions?.code ?? (error as { code?: unknown }).code;
  return typeof code === "string" ? code : "INTERNAL";
}

/** What the caller was not told about a failure (an AppError's `auditDetails`). */
function hiddenDetails(error: unknown): Record<string, unknown> {
  const details = (error as { auditDetails?: unknown }).auditDetails;
  return details && typeof details === "object" ? (details as Record<string, unknown>) : {};
}

/** JSON-safe copy: dates become ISO strings, undefined values disappear. */
const plain = (value: Record<string, unknown> | undefined) => (value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : undefined);

/**
 * Records every call of the mutations listed in `auditedMutations` in the
 * audit log: successes, denials and failures. A plugin rather than calls in
 * each resolver, so modules stay unaware of auditing and none is forgotten.
 */
export class PothosAuditPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(resolver: GraphQLFieldResolver<unknown, Types["Context"], object>, fieldConfig: PothosOutputFieldConfig<Types>) {
    const describe = fieldConfig.parentType === "Mutation" ? auditedMutations[fieldConfig.name] : undefined;
    if (!describe) return resolver;
    return async (parent: unknown, args: object, context: Types["Context"], info: Parameters<GraphQLFieldResolver<unknown, unknown>>[3]) => {
      const ctx = context as Context;
      const write = (result: unknown, outcome: "SUCCESS" | "DENIED" | "FAILED", code?: string, hidden: Record<string, unknown> = {}) => {
        if (!ctx.viewer) return Promise.resolve();
        const records = describe(args as never, result);
        return Promise.all(
          records.map((record) =>
            ctx.services.audit.record({
              actor: ctx.viewer,
              action: record.action,
              outcome,
              target: record.target,
              details: plain({ ...record.details, ...(code ? { code } : {}), ...hidden }),
              requestId: ctx.requestId,
              ip: ctx.ip,
            }),
          ),
        );
      };
      try {
        const result = await resolver(parent, args, context, info);
        await write(result, "SUCCESS");
        return result;
      } catch (error) {
        const code = codeOf(error);
        await write(undefined, deniedCodes.has(code) ? "DENIED" : "FAILED", code, hiddenDetails(error));
        throw error;
      }
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    interface Plugins<Types extends SchemaTypes> {
      audit: PothosAuditPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin(pluginName, PothosAuditPlugin);

export default pluginName;
