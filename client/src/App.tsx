import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQuery } from "urql";
import { AuthScreen } from "./features/auth/AuthScreen.tsx";
import { ChatView } from "./features/chat/ChatView.tsx";
import { Welcome } from "./features/chat/Welcome.tsx";
import { DataSourcePage } from "./features/data-sources/DataSourcePage.tsx";
import { DataSourcesPage } from "./features/data-sources/DataSourcesPage.tsx";
import { SessionSidebar } from "./features/sessions/SessionSidebar.tsx";
import { SettingsPage } from "./features/settings/SettingsPage.tsx";
import { graphql } from "./graphql";
import { ApiProvider } from "./lib/api.tsx";
import { authToken } from "./lib/auth-token.ts";
import { friendlyErrors } from "./lib/errors.ts";
import { useRoute, type Route } from "./lib/route.ts";
import { createApiClient, type ApiClient } from "./lib/urql.ts";
import { ConnectionBanner } from "./ui/ConnectionBanner.tsx";
import { MenuIcon } from "./ui/icons.tsx";
import { ToastProvider } from "./ui/toast.tsx";

const Me = graphql(`
  query Me {
    me { id name email role }
  }
`);

function titleOf(route: Route): string {
  switch (route.name) {
    case "home":
      return "New chat";
    case "session":
      return "Chat";
    case "dataSources":
    case "dataSource":
      return "Data sources";
    case "settings":
      return "Settings";
  }
}

function Workspace({ onLogOut }: { onLogOut: () => void }) {
  const [route, navigate] = useRoute();
  const [{ data, error }] = useQuery({ query: Me });
  const [drawer, setDrawer] = useState(false);
  const activeId = route.name === "session" ? route.sessionId : null;
  const go = useCallback(
    (next: Route) => {
      setDrawer(false);
      navigate(next);
    },
    [navigate],
  );

  useEffect(() => {
    document.title = `${titleOf(route)} · AgentMedha`;
    // A new page: focus where work starts — the question box in a chat or on the welcome page,
    // the heading elsewhere (keyboard and screen-reader users start there).
    const timer = setTimeout(() => {
      const target = route.name === "session" || route.name === "home" ? (document.getElementById("composer-input") ?? document.getElementById("main-heading")) : document.getElementById("main-heading");
      target?.focus({ preventScroll: true });
    }, 50);
    return () => clearTimeout(timer);
  }, [route]);

  if (!data) {
    return (
      <div className="app-loading" aria-busy="true">
        {error ? <p className="error">Could not reach the server. It will retry when you reload.</p> : <span className="spinner" aria-label="Loading" />}
      </div>
    );
  }

  return (
    <div className={drawer ? "workspace drawer-open" : "workspace"}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SessionSidebar
        activeId={activeId}
        place={route.name === "dataSources" || route.name === "dataSource" ? "dataSources" : route.name === "settings" ? "settings" : "chat"}
        onOpen={(id) => go({ name: "session", sessionId: id })}
        onNewChat={() => go({ name: "home" })}
        onDataSources={() => go({ name: "dataSources" })}
        onSettings={() => go({ name: "settings" })}
        onDeletedActive={() => go({ name: "home" })}
        me={data.me}
        onLogOut={onLogOut}
        onClose={() => setDrawer(false)}
      />
      {drawer && <div className="drawer-backdrop" onClick={() => setDrawer(false)} aria-hidden="true" />}
      <main id="main" className="main">
        <header className="topbar">
          <button type="button" className="icon-button bare menu-button" aria-label="Open the menu" aria-expanded={drawer} onClick={() => setDrawer(true)}>
            <MenuIcon size={20} />
          </button>
          <span className="topbar-brand">
            <span className="brand-mark" aria-hidden="true">
              M
            </span>
            AgentMedha
          </span>
        </header>
        <ConnectionBanner />
        {route.name === "home" && <Welcome name={data.me.name || data.me.email} onAsked={(id) => go({ name: "session", sessionId: id })} onManageSources={() => go({ name: "dataSources" })} />}
        {route.name === "session" && <ChatView key={route.sessionId} sessionId={route.sessionId} onNewChat={() => go({ name: "home" })} />}
        {route.name === "settings" && <SettingsPage me={data.me} onLoggedOut={onLogOut} />}
        {route.name === "dataSources" && <DataSourcesPage onOpen={(id) => go({ name: "dataSource", dataSourceId: id })} canConnect={data.me.role !== "VIEWER"} />}
        {route.name === "dataSource" && (
          <DataSourcePage
            key={route.dataSourceId}
            dataSourceId={route.dataSourceId}
            tab={route.tab}
            onTab={(tab) => navigate({ name: "dataSource", dataSourceId: route.dataSourceId, tab }, { replace: true })}
            onBack={() => go({ name: "dataSources" })}
            onRemoved={() => go({ name: "dataSources" })}
            isAdmin={data.me.role === "ADMIN"}
          />
        )}
      </main>
    </div>
  );
}

export function App() {
  const [token, setToken] = useState(authToken.get);
  const [notice, setNotice] = useState<string | null>(null);
  const logOut = useCallback((code?: string) => {
    authToken.clear();
    setToken(null);
    setNotice(code ? (friendlyErrors[code] ?? null) : null);
  }, []);
  // A new client per token: caches and sockets never outlive the account they belong to.
  const api = useMemo(() => createApiClient(() => token, (code) => logOut(code)), [token, logOut]);
  const previous = useRef<ApiClient | null>(null);
  useEffect(() => {
    // Close the old account's socket once the new client is in place (not on StrictMode's re-run).
    const old = previous.current;
    previous.current = api;
    if (old && old !== api) old.dispose();
  }, [api]);

  return (
    <ApiProvider api={api}>
      <ToastProvider>
        {token ? (
          <Workspace onLogOut={() => logOut()} />
        ) : (
          <AuthScreen
            notice={notice}
            onAuthenticated={(next) => {
              authToken.set(next);
              setNotice(null);
              setToken(next);
            }}
          />
        )}
      </ToastProvider>
    </ApiProvider>
  );
}
