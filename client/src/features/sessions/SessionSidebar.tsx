import { useEffect, useState } from "react";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql } from "../../graphql";
import { relativeTime } from "../../ui/time";

const SessionList = graphql(`
  query SessionList($first: Int!, $search: String) {
    sessions(first: $first, search: $search) {
      edges {
        node { id title status updatedAt }
      }
    }
  }
`);

const CreateSession = graphql(`
  mutation CreateSession {
    createSession { session { id title status updatedAt } }
  }
`);

const SessionChanged = graphql(`
  subscription SessionChanged {
    sessionChanged { kind sessionId }
  }
`);

interface Props {
  activeId: string | null;
  onOpen: (id: string) => void;
  me: { name: string; email: string };
  onLogOut: () => void;
}

export function SessionSidebar({ activeId, onOpen, me, onLogOut }: Props) {
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const [list, refetch] = useQuery({ query: SessionList, variables: { first: 50, search: query || null }, requestPolicy: "cache-and-network" });
  const [, create] = useMutation(CreateSession);
  // Another tab or device changed a session: refresh the list.
  useSubscription({ query: SessionChanged }, (_prev, event) => {
    refetch({ requestPolicy: "network-only" });
    return event;
  });

  async function newChat() {
    const result = await create({});
    const id = result.data?.createSession.session.id;
    if (id) onOpen(id);
  }

  const sessions = list.data?.sessions.edges.map((e) => e.node) ?? [];
  return (
    <nav className="sidebar" aria-label="Chats">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">M</span> AgentMedha
      </div>
      <button className="primary new-chat" onClick={newChat}>
        + New chat
      </button>
      <input
        className="search"
        type="search"
        placeholder="Search chats"
        aria-label="Search chats"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <ul className="session-list">
        {list.fetching && !list.data && <li className="skeleton" aria-hidden="true" />}
        {list.data && sessions.length === 0 && <li className="muted empty">{query ? "No chats match." : "No chats yet."}</li>}
        {sessions.map((s) => (
          <li key={s.id}>
            <button className={s.id === activeId ? "session active" : "session"} onClick={() => onOpen(s.id)} aria-current={s.id === activeId ? "page" : undefined}>
              <span className="title">{s.title}</span>
              <span className="meta">
                {s.status !== "ACTIVE" && <span className={`badge ${s.status.toLowerCase()}`}>{s.status.toLowerCase()}</span>}
                {relativeTime(s.updatedAt)}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="account">
        <span title={me.email}>{me.name}</span>
        <button className="link" onClick={onLogOut}>
          Log out
        </button>
      </div>
    </nav>
  );
}
