import { createClient as createWsClient, type Client as WsClient } from "graphql-ws";
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from "urql";

export interface ApiClient {
  client: Client;
  ws: WsClient;
  dispose(): void;
}

const authErrors = new Set(["UNAUTHENTICATED", "TOKEN_EXPIRED", "TOKEN_INVALID"]);

function wsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss:" : "ws:"}//${host}/graphql`;
}

/**
 * One urql client for HTTP and WebSocket. The token is read on every request
 * and every (re)connection, and an auth error anywhere logs the user out.
 */
export function createApiClient(getToken: () => string | null, onAuthError: () => void): ApiClient {
  const ws = createWsClient({
    url: wsUrl(),
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 15_000))),
    connectionParams: () => {
      const token = getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      closed: (event) => {
        if ((event as CloseEvent).code === 4403) onAuthError();
      },
    },
  });
  const client = new Client({
    url: "/graphql",
    exchanges: [
      mapExchange({
        onResult(result) {
          const codes = result.error?.graphQLErrors.map((e) => e.extensions?.code as string | undefined) ?? [];
          if (codes.some((code) => code && authErrors.has(code))) onAuthError();
        },
      }),
      cacheExchange,
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
      return token ? { headers: { authorization: `Bearer ${token}` } } : {};
    },
  });
  return { client, ws, dispose: () => void ws.dispose() };
}
