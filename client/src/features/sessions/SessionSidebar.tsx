import { useEffect, useMemo, useRef, useState } from "react";
import { useMutation, useQuery, useSubscription } from "urql";
import { graphql } from "../../graphql";
import { useApi } from "../../lib/api.tsx";
import { errorMessage } from "../../lib/errors.ts";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ChatIcon, CrossIcon, DatabaseIcon, LogOutIcon, PencilIcon, PlusIcon, SearchIcon, SettingsIcon, TrashIcon } from "../../ui/icons.tsx";
import { ThemeSwitch } from "../../ui/ThemeSwitch.tsx";
import { relativeTime } from "../../ui/time.ts";
import { useNotify } from "../../ui/toast.tsx";
import { groupSessions } from "./group-sessions.ts";

const SessionList = graphql(`
  query SessionList($first: Int!, $search: String) {
    sessions(first: $first, search: $search) {
      edges {
        node { id title status updatedAt messageCount }
      }
    }
  }
`);

const RenameSession = graphql(`
  mutation RenameSession($input: RenameSessionInput!) {
    renameSession(input: $input) { session { id title updatedAt } }
  }
`);

const DeleteSession = graphql(`
  mutation DeleteSession($input: SessionIdInput!) {
    deleteSession(input: $input) { deletedSessionId }
  }
`);

const SessionChanged = graphql(`
  subscription SessionChanged {
    sessionChanged {
      kind
      sessionId
      session { id title status updatedAt messageCount }
    }
  }
`);

export type Place = "chat" | "dataSources" | "settings";

interface Props {
  activeId: string | null;
  place: Place;
  onOpen: (id: string) => void;
  onNewChat: () => void;
  onDataSources: () => void;
  onSettings: () => void;
  /** The active session was deleted. */
  onDeletedActive: () => void;
  me: { name: string; email: string; role: string };
  onLogOut: () => void;
  /** Phone layout: the sidebar is a drawer. */
  onClose?: () => void;
}

interface Item {
  id: string;
  title: string;
  status: string;
  updatedAt: string;
}

function RenameField({ item, onDone }: { item: Item; onDone: () => void }) {
  const [title, setTitle] = useState(item.title);
  const [, rename] = useMutation(RenameSession);
  const notify = useNotify();
  const input = useRef<HTMLInputElement>(null);
  const saved = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const save = async () => {
    if (saved.current) return;
    saved.current = true;
    const next = title.trim();
    if (next && next !== item.title) {
      const result = await rename({ input: { id: item.id, title: next } });
      if (result.error) notify(errorMessage(result.error) ?? "Could not rename the chat.", "error");
    }
    onDone();
  };
  return (
    <input
      ref={input}
      className="rename-input"
      aria-label="Chat title"
      value={title}
      maxLength={200}
      onChange={(e) => setTitle(e.target.value)}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === "Enter") void save();
        if (e.key === "Escape") {
          saved.current = true;
          onDone();
        }
      }}
    />
  );
}

/** Chats (searchable, renamable, deletable, live), navigation, and the account. */
export function SessionSidebar({ activeId, place, onOpen, onNewChat, onDataSources, onSettings, onDeletedActive, me, onLogOut, onClose }: Props) {
  const api = useApi();
  const notify = useNotify();
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Item | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const [list, refetch] = useQuery({ query: SessionList, variables: { first: 100, search: query || null }, requestPolicy: "cache-and-network" });
  const [deleteState, remove] = useMutation(DeleteSession);
  // Another tab or device (or a run finishing) changed a session: refresh the list.
  useSubscription({ query: SessionChanged }, (_prev, event) => {
    refetch({ requestPolicy: "network-only" });
    return event;
  });
  // After a dropped connection, changes may have been missed.
  useEffect(() => api.connection.onReconnected(() => refetch({ requestPolicy: "network-only" })), [api, refetch]);

  const sessions = useMemo(() => list.data?.sessions.edges.map((e) => e.node) ?? [], [list.data]);
  const groups = useMemo(() => groupSessions(sessions), [sessions]);

  const confirmDelete = async () => {
    if (!deleting) return;
    const result = await remove({ input: { id: deleting.id } });
    if (result.error) {
      notify(errorMessage(result.error) ?? "Could not delete the chat.", "error");
    } else {
      notify(`Deleted “${deleting.title}”.`, "success");
      if (deleting.id === activeId) onDeletedActive();
      refetch({ requestPolicy: "network-only" });
    }
    setDeleting(null);
  };

  return (
    <nav className="sidebar" aria-label="Chats and navigation">
      <div className="sidebar-top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            M
          </span>
          AgentMedha
        </div>
        {onClose && (
          <button type="button" className="icon-button bare close-drawer" aria-label="Close the menu" onClick={onClose}>
            <CrossIcon />
          </button>
        )}
      </div>
      <button type="button" className="primary new-chat" onClick={onNewChat}>
        <PlusIcon /> New chat
      </button>
      <ul className="nav-links">
        <li>
          <button type="button" className={place === "chat" ? "nav-link active" : "nav-link"} onClick={onNewChat} aria-current={place === "chat" && !activeId ? "page" : undefined}>
            <ChatIcon /> Ask
          </button>
        </li>
        <li>
          <button type="button" className={place === "dataSources" ? "nav-link active" : "nav-link"} onClick={onDataSources} aria-current={place === "dataSources" ? "page" : undefined}>
            <DatabaseIcon /> Data sources
          </button>
        </li>
        <li>
          <button type="button" className={place === "settings" ? "nav-link active" : "nav-link"} onClick={onSettings} aria-current={place === "settings" ? "page" : undefined}>
            <SettingsIcon /> Settings
          </button>
        </li>
      </ul>
      <div className="search-field">
        <SearchIcon size={15} />
        <input type="search" placeholder="Search chats" aria-label="Search chats" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <div className="session-scroll">
        {list.fetching && !list.data && (
          <div aria-hidden="true" className="session-skeletons">
            {[70, 55, 80, 60].map((w, i) => (
              <span key={i} className="skeleton" style={{ width: `${w}%`, minHeight: "1.6rem" }} />
            ))}
          </div>
        )}
        {list.error && !list.data && <p className="error small">{errorMessage(list.error)}</p>}
        {list.data && sessions.length === 0 && <p className="muted empty small">{query ? "No chats match your search." : "No chats yet. Ask a question to start one."}</p>}
        {groups.map((group) => (
          <section key={group.label} className="session-group" aria-label={group.label}>
            <h2 className="group-label">{group.label}</h2>
            <ul className="session-list">
              {group.sessions.map((s) => {
                const active = s.id === activeId;
                const status = s.status.toLowerCase();
                return (
                  <li key={s.id} className={active ? "session-item active" : "session-item"}>
                    {renaming === s.id ? (
                      <RenameField item={s} onDone={() => setRenaming(null)} />
                    ) : (
                      <>
                        <button type="button" className="session" onClick={() => onOpen(s.id)} aria-current={active ? "page" : undefined}>
                          <span className="title">{s.title}</span>
                          <span className="meta">
                            {s.status !== "ACTIVE" && <span className={`badge status ${status}`}>{status}</span>}
                            <time dateTime={s.updatedAt} title={new Date(s.updatedAt).toLocaleString()}>
                              {relativeTime(s.updatedAt)}
                            </time>
                          </span>
                        </button>
                        <span className="session-actions">
                          <button type="button" className="icon-button bare" aria-label={`Rename “${s.title}”`} onClick={() => setRenaming(s.id)}>
                            <PencilIcon size={14} />
                          </button>
                          <button type="button" className="icon-button bare" aria-label={`Delete “${s.title}”`} onClick={() => setDeleting(s)}>
                            <TrashIcon size={14} />
                          </button>
                        </span>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
      <div className="account">
        <div className="account-row">
          <span className="avatar" aria-hidden="true">
            {(me.name || me.email).charAt(0).toUpperCase()}
          </span>
          <span className="account-name">
            <span title={me.email}>{me.name || me.email}</span>
            <span className="muted small">{me.role.toLowerCase()}</span>
          </span>
          <button type="button" className="icon-button bare" onClick={onLogOut} aria-label="Log out" title="Log out">
            <LogOutIcon />
          </button>
        </div>
        <ThemeSwitch />
      </div>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this chat?"
        confirmLabel="Delete"
        danger
        busy={deleteState.fetching}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          “{deleting?.title}” and its answers will be deleted for good.
        </p>
      </ConfirmDialog>
    </nav>
  );
}
