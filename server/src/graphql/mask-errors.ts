import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { AppError, exposedError } from "../errors.ts";
import type { Logger } from "../infra/logger.ts";

const unavailable = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|Can't reach database|P1001|P1017|DatabaseNotReachable|Connection (is )?closed/i;

/** Errors get wrapped on their way up (graphql-js, Yoga, plugins); the first one thrown decides. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && !(current instanceof AppError)) current = current.originalError;
  return current;
}

/**
 * What a caller may see of an error. Expected failures keep their code and
 * message; infrastructure outages become SERVICE_UNAVAILABLE; anything else
 * becomes INTERNAL with a request id that leads to the full entry in the logs.
 */
export function createErrorMasker(log: Logger) {
  return (error: unknown, _message: string): Error => {
    const original = rootCause(error);
    if (original instanceof AppError) {
      if (error instanceof GraphQLError && error !== original) {
        return new GraphQLError(original.message, { nodes: error.nodes, path: error.path, extensions: original.extensions });
      }
      return original;
    }
    const path = error instanceof GraphQLError ? error.path : undefined;
    const exposed = exposedError(original);
    if (exposed) {
      const { code, message, ...rest } = exposed;
      return new GraphQLError(message, { path, extensions: { code, ...rest } });
    }
    if (original instanceof PothosValidationError) {
      return new GraphQLError(original.message, { path, extensions: { code: "BAD_USER_INPUT" } });
    }
    if (original instanceof GraphQLError && error instanceof GraphQLError) {
      // From graphql-js itself: parse, validation and variable coercion errors, safe to show.
      const code = error.extensions?.code ?? original.extensions?.code ?? (/^Variable "\$/.test(error.message) ? "BAD_USER_INPUT" : "GRAPHQL_VALIDATION_FAILED");
      return new GraphQLError(error.message, { nodes: error.nodes, path: error.path, extensions: { ...error.extensions, code } });
    }
    if ((original as { code?: unknown }).code === "P2007") {
      // A value the database refuses to read as its type, e.g. a global id wrapping a non-uuid in `node(id:)`.
      return new GraphQLError("A value has the wrong format (an id, most likely).", { path, extensions: { code: "BAD_USER_INPUT" } });
    }
    if ((original as { code?: unknown }).code === "P2025") {
      // Prisma's "record not found" (e.g. `node(id:)` on someone else's object): the same answer as a missing id.
      return new GraphQLError("Not found.", { path, extensions: { code: "NOT_FOUND" } });
    }
    const text = original instanceof Error ? `${original.name} ${original.message} ${(original as { code?: string }).code ?? ""}` : String(original);
    if (unavailable.test(text)) {
      log.warn({ err: original }, "backing service unavailable");
      return new GraphQLError("A backing service is unavailable; try again shortly.", { path, extensions: { code: "SERVICE_UNAVAILABLE" } });
    }
    log.error({ err: original, path }, "unexpected error");
    return new GraphQLError("Unexpected error.", { path, extensions: { code: "INTERNAL" } });
  };
}
