import type { IncomingMessage } from "node:http";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Context } from "../graphql/context.ts";
import { authenticate } from "../graphql/authenticate.ts";
import { maxPageSize } from "../graphql/builder.ts";
import { literalErrorsPlugin } from "../graphql/limits/literal-errors.ts";
import { inputGuardPlugin } from "../graphql/limits/input-guard-plugin.ts";
import { queryLimitPlugins } from "../graphql/limits/query-limits.ts";
import { createErrorMasker } from "../graphql/mask-errors.ts";
import { schema } from "../graphql/schema.ts";
import type { Services } from "../services.ts";
import { createGraphiQLRenderer } from "./graphiql.ts";
import { clientIp } from "./limits/client-ip.ts";
import { csrfPreventionPlugin } from "./limits/csrf.ts";
import type { PersistedOperations } from "./limits/persisted-operations.ts";
import { rateLimitPlugin } from "./limits/rate-limit-plugin.ts";

/** What the HTTP and WebSocket entry points hand to Yoga besides the request. */
export interface ServerContext {
  requestId: string;
  /** Set for WebSocket operations: credentials were checked once, at `connection_init`. */
  wsAuth?: Awaited<ReturnType<typeof authenticate>>;
  req?: IncomingMessage;
}

export type Yoga = YogaServerInstance<ServerContext, Context>;

export function createYogaServer(services: Services, persisted: PersistedOperations): Yoga {
  const { config, log } = services;
  const plugins: Plugin[] = [
    // Browsers send "simple" requests cross-site without a CORS preflight; GraphQL answers only those that could not be one.
    csrfPreventionPlugin(),
    ...persisted.plugins,
    ...queryLimitPlugins(config.queryLimits),
    literalErrorsPlugin(),
    inputGuardPlugin({ maxPageSize, maxNestedRows: maxPageSize * maxPageSize, maxVariableDepth: 32 }),
    rateLimitPlugin(services.rateLimiter, config.rateLimit) as Plugin,
  ];
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    graphiql: { title: "AgentMedha GraphQL", subscriptionsProtocol: "WS", defaultQuery: "{\n  __typename\n}\n" },
    renderGraphiQL: createGraphiQLRenderer(),
    landingPage: false,
    logging: {
      debug: (...args) => log.debug(args),
      info: (...args) => log.info(args),
      warn: (...args) => log.warn(args),
      // Yoga reports every failed operation here, expected ones included; the
      // error masker logs the unexpected ones at error level with their cause.
      error: (...args) => log.debug(args),
    },
    cors: config.corsOrigins.length ? { origin: config.corsOrigins, credentials: true } : false,
    maskedErrors: { maskError: createErrorMasker(log) },
    plugins,
    context: async (initial): Promise<Context> => {
      const auth = initial.wsAuth ?? (await authenticate(services, initial.request.headers.get("authorization")));
      return { requestId: initial.requestId, log, services, viewer: auth.viewer, authError: auth.authError, ip: clientIp(initial.req, config.trustProxy) };
    },
  });
}
