import { useCallback, useMemo, useState } from "react";
import { Provider, useQuery } from "urql";
import { AuthScreen } from "./features/auth/AuthScreen";
import { ChatView } from "./features/chat/ChatView";
import { SessionSidebar } from "./features/sessions/SessionSidebar";
import { graphql } from "./graphql";
import { authToken } from "./lib/auth-token";
import { useRoute } from "./lib/route";
import { createApiClient } from "./lib/urql";

const Me = graphql(`
  query Me {
    me { id name email role }
  }
`);

function Workspace({ onLogOut }: { onLogOut: () => void }) {
  const [route, navigate] = useRoute();
  const [{ data }] = useQuery({ query: Me });
  const activeId = route.name === "session" ? route.sessionId : null;
  if (!data) return <div className="app-loading" aria-busy="true" />;
  return (
    <div className="workspace">
      <SessionSidebar activeId={activeId} onOpen={(id) => navigate({ name: "session", sessionId: id })} me={data.me} onLogOut={onLogOut} />
      {activeId ? (
        <ChatView key={activeId} sessionId={activeId} />
      ) : (
        <section className="chat">
          <div className="empty-state">
            <h1>Welcome, {data.me.name}</h1>
            <p className="muted">Start a new chat to ask your data a question.</p>
          </div>
        </section>
      )}
    </div>
  );
}

export function App() {
  const [token, setToken] = useState(authToken.get);
  const logOut = useCallback(() => {
    authToken.clear();
    setToken(null);
  }, []);
  // A new client per token: caches and sockets never outlive the account they belong to.
  const api = useMemo(() => createApiClient(() => token, logOut), [token, logOut]);

  return (
    <Provider value={api.client}>
      {token ? (
        <Workspace onLogOut={logOut} />
      ) : (
        <AuthScreen
          onAuthenticated={(next) => {
            authToken.set(next);
            setToken(next);
          }}
        />
      )}
    </Provider>
  );
}
