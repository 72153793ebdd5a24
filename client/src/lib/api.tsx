import { createContext, useContext, type ReactNode } from "react";
import { Provider } from "urql";
import type { ApiClient } from "./urql.ts";

const ApiContext = createContext<ApiClient | null>(null);

/** The urql client plus what lives beside it: the socket, its state, the token. */
export function ApiProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  return (
    <ApiContext.Provider value={api}>
      <Provider value={api.client}>{children}</Provider>
    </ApiContext.Provider>
  );
}

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error("useApi needs an ApiProvider");
  return api;
}
