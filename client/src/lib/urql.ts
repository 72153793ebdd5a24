import { cacheExchange, type Data } from "@urql/exchange-graphcache";
import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { Client, fetchExchange, mapExchange, subscriptionExchange } from "urql";
import { createConnectionStore, type ConnectionStore } from "./connection.ts";

export interface ApiClient {
  client: Client;
  ws: WsClient;
  connection: ConnectionStore;
  /** The current access token, for requests outside GraphQL (exports). */
  token(): string | null;
  dispose(): void;
}

const authErrorCodes = new Set(["UNAUTHENTICATED", "TOKEN_EXPIRED", "TOKEN_INVALID"]);

/** The server's CSRF prevention lets through only requests a browser could not send cross-site unasked. */
export const csrfHeaders = { "x-graphql-yoga-csrf": "1" } as const;

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/graphql`;
}

/** Every type is keyed by its global id; types without one are values embedded in their parent. */
const keyById = (data: Data) => (typeof data.id === "string" ? data.id : null);
export const cacheKeys = new Proxy({}, { get: () => keyById });

/**
 * One urql client for HTTP and WebSocket with a normalised cache. The token is
 * read on every request and every (re)connection, and an auth error anywhere
 * logs the user out (with its code, so the log-in screen can say why).
 */
export function createApiClient(getToken: () => string | null, onAuthError: (code: string) => void): ApiClient {
  const connection = createConnectionStore();
  const ws = createWsClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 10_000))),
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connecting: (isRetry) => connection.dispatch({ type: "connecting", retry: Boolean(isRetry) }),
      connected: () => connection.dispatch({ type: "connected" }),
      closed: (event) => {
        const code = (event as CloseEvent | undefined)?.code ?? 1006;
        if (code === 4403) onAuthError("TOKEN_INVALID");
        connection.dispatch({ type: "closed", code });
      },
    },
  });
  const onOffline = () => connection.dispatch({ type: "browser-offline" });
  const onOnline = () => connection.dispatch({ type: "browser-online" });
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  if (typeof navigator !== "undefined" && navigator.onLine === false) onOffline();

  const client = new Client({
    url: "/graphql",
    // POST with a JSON body: what the server's CSRF prevention expects.
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onResult(result) {
          const code = result.error?.graphQLErrors.map((e) => e.extensions?.code as string | undefined).find((c) => c && authErrorCodes.has(c));
          if (code) onAuthError(code);
        },
      }),
      cacheExchange({
        keys: cacheKeys,
        updates: {
          Mutation: {
            deleteSession(result, _args, cache) {
              const id = (result.deleteSession as { deletedSessionId?: string } | null)?.deletedSessionId;
              if (id) cache.invalidate({ __typename: "Session", id });
            },
            removeDataSource(result, _args, cache) {
              const id = (result.removeDataSource as { removedDataSourceId?: string } | null)?.removedDataSourceId;
              if (id) cache.invalidate({ __typename: "DataSource", id });
            },
          },
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? "" };
          return {
            subscribe(sink) {
              return { unsubscribe: ws.subscribe(input, sink) };
            },
          };
        },
      }),
    ],
    fetchOptions: (): RequestInit => {
      const token = getToken();
      return { headers: { ...csrfHeaders, ...(token ? { authorization: `Bearer ${token}` } : {}) } };
    },
  });
  return {
    client,
    ws,
    connection,
    token: getToken,
    dispose: () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      void ws.dispose();
    },
  };
}
