import type { Server } from "node:http";
import { randomUUID } from "node:crypto";
import { useServer } from "graphql-ws/use/ws";
import type { ExecutionArgs } from "graphql";
import { WebSocketServer } from "ws";
import { authenticate } from "../graphql/authenticate.ts";
import type { Services } from "../services.ts";
import type { Yoga } from "./yoga.ts";

type Enveloped = ReturnType<Yoga["getEnveloped"]>;
/** Execution args that also carry the enveloped execute/subscribe to run them with. */
type EnvelopedArgs = ExecutionArgs & Pick<Enveloped, "execute" | "subscribe">;

/**
 * graphql-ws on the same path as Yoga. Every operation goes through
 * `yoga.getEnveloped`, so subscriptions get the same plugins, context,
 * limits and error masking as HTTP requests. Credentials are checked once
 * per connection, in `connection_init`.
 */
export function attachWebSocket(httpServer: Server, yoga: Yoga, services: Services) {
  const wss = new WebSocketServer({ server: httpServer, path: yoga.graphqlEndpoint, maxPayload: services.config.maxBodyBytes });
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
        connectionAuth.set(ctx.extra.socket, auth);
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const enveloped = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: payload,
          requestId: randomUUID(),
          wsAuth: connectionAuth.get(ctx.extra.socket),
        });
        let document;
        try {
          document = enveloped.parse(payload.query);
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
