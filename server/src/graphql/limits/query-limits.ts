import { EnvelopArmor } from "@escape.tech/graphql-armor";
import type { GraphQLError, ValidationContext } from "graphql";
import type { Plugin } from "graphql-yoga";
import { AppError } from "../../errors.ts";

/** Shape limits of one GraphQL document (see README, Security). */
export interface QueryLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
}

const hint = "Ask for less in one operation, or split it into several.";

/**
 * The caller learns which limit it hit, never its value: a public API should
 * not tell an attacker how close to the edge it can go.
 */
function tooComplex(what: string) {
  return () => new AppError("QUERY_TOO_COMPLEX", `The query ${what}.`, { hint });
}

function reject(make: () => AppError) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, _error: GraphQLError) => {
        // Validation rules report through the context; the token counter runs inside the parser and can only throw.
        if (context) context.reportError(make());
        else throw make();
      },
    ],
  };
}

/** graphql-armor's depth, cost, alias, directive and token limits, answering QUERY_TOO_COMPLEX. */
export function queryLimitPlugins(limits: QueryLimits): Plugin[] {
  const armor = new EnvelopArmor({
    // Introspection is public (GraphiQL, code generators); suggestions reveal nothing it does not.
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, ...reject(tooComplex("is nested too deeply")) },
    costLimit: { maxCost: limits.maxCost, ignoreIntrospection: true, ...reject(tooComplex("asks for too much at once")) },
    // Every alias counts, `__typename` too: graphql-armor lets those through by default, and 500 of them cost as much as any.
    maxAliases: { n: limits.maxAliases, allowList: [], ...reject(tooComplex("uses too many aliases")) },
    maxDirectives: { n: limits.maxDirectives, ...reject(tooComplex("uses too many directives")) },
    maxTokens: { n: limits.maxTokens, ...reject(tooComplex("is too long")) },
  });
  return armor.protect().plugins as Plugin[];
}
