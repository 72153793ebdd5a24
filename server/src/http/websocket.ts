import type { Server } from "node:http";
import { randomUUID } from "node:crypto";
import { useServer } from "graphql-ws/use/ws";
import type { ExecutionArgs } from "graphql";
import { WebSocketServer } from "ws";
import { AppError } from "../errors.ts";
import { authenticate } from "../graphql/authenticate.ts";
import type { Services } from "../services.ts";
import { clientIp } from "./limits/client-ip.ts";
import { createConnectionCounter } from "./limits/connection-limits.ts";
import { maySendOwnDocuments, type PersistedOperations } from "./limits/persisted-operations.ts";
import type { Yoga } from "./yoga.ts";

type Enveloped = ReturnType<Yoga["getEnveloped"]>;
/** Execution args that also carry the enveloped execute/subscribe to run them with. */
type EnvelopedArgs = ExecutionArgs & Pick<Enveloped, "execute" | "subscribe">;

/** "Try again later": too many connections from this address or user. Not 4403, which clients take for bad credentials. */
const tryAgainLater = 1013;

/**
 * graphql-ws on the same path as Yoga. Every operation goes through
 * `yoga.getEnveloped`, so subscriptions get the same plugins, context,
 * limits and error masking as HTTP requests. Credentials are checked once
 * per connection, in `connection_init`. Connections are limited per address
 * and per user, operations per connection.
 */
export function attachWebSocket(httpServer: Server, yoga: Yoga, services: Services, persisted: PersistedOperations) {
  const { config } = services;
  const limits = config.webSocketLimits;
  const byIp = createConnectionCounter(limits.connectionsPerIp);
  const byUser = createConnectionCounter(limits.connectionsPerUser);
  const wss = new WebSocketServer({
    server: httpServer,
    path: yoga.graphqlEndpoint,
    maxPayload: config.maxBodyBytes,
    // Refused before the upgrade, with a plain HTTP answer; the slot is taken on `connection`.
    verifyClient: (info, done) => {
      const ip = clientIp(info.req, config.trustProxy) ?? "unknown";
      if (byIp.count(ip) >= limits.connectionsPerIp) done(false, 429, "Too many connections");
      else done(true);
    },
  });
  wss.on("connection", (socket, req) => {
    const ip = clientIp(req, config.trustProxy) ?? "unknown";
    if (!byIp.open(ip)) return socket.close(tryAgainLater, "Too many connections");
    socket.once("close", () => byIp.release(ip));
  });
  const connectionAuth = new WeakMap<object, Awaited<ReturnType<typeof authenticate>>>();

  const disposable = useServer(
    {
      execute: (args) => (args as EnvelopedArgs).execute(args),
      subscribe: (args) => (args as EnvelopedArgs).subscribe(args),
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const auth = await authenticate(services, params.authorization ?? params.Authorization);
        // A bad token closes the socket (4403) so clients re-authenticate instead of
        // finding out operation by operation.
        if (auth.authError) return false;
        const userId = auth.viewer?.userId;
        if (userId) {
          const socket = ctx.extra.socket;
          if (!byUser.open(userId)) {
            socket.close(tryAgainLater, "Too many connections");
            return false;
          }
          socket.once("close", () => byUser.release(userId));
        }
        connectionAuth.set(ctx.extra.socket, auth);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        // The operation being started is already counted in `ctx.subscriptions`.
        if (Object.keys(ctx.subscriptions).length > limits.subscriptionsPerConnection) {
          return [new AppError("TOO_MANY_SUBSCRIPTIONS", "This connection runs as many operations as it may.", { hint: "Stop a subscription first, or open another connection." })];
        }
        const auth = connectionAuth.get(ctx.extra.socket);
        const query = await persisted.forWebSocket(payload, maySendOwnDocuments(auth?.viewer));
        if (query instanceof AppError) return [query];
        const enveloped = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: { ...payload, query },
          requestId: randomUUID(),
          wsAuth: auth,
        });
        let document;
        try {
          document = enveloped.parse(query);
        } catch (error) {
          return [error as never];
        }
        const args = {
          schema: enveloped.schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await enveloped.contextFactory(),
          execute: enveloped.execute,
          subscribe: enveloped.subscribe,
        };
        const errors = enveloped.validate(args.schema, args.document);
        return errors.length ? errors : args;
      },
    },
    wss,
  );

  return {
    wss,
    async close() {
      for (const client of wss.clients) client.close(1001, "Server shutting down");
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
