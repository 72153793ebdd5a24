import { useEffect, useState } from "react";
import { useMutation, useQuery } from "urql";
import type { Role } from "../../graphql/graphql";
import { ErrorNote } from "../../ui/ErrorNote.tsx";
import { SearchIcon } from "../../ui/icons.tsx";
import { relativeTime } from "../../ui/time.ts";
import { useNotify } from "../../ui/toast.tsx";
import { SetUserRole, Users } from "./operations.ts";
import { ROLES } from "./roles.ts";

/** Every account (administrators only), with its role. */
export function UsersSection({ meId }: { meId: string }) {
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const [{ data, error, fetching }] = useQuery({ query: Users, variables: { search: query || null }, requestPolicy: "cache-and-network" });
  const [state, setRole] = useMutation(SetUserRole);
  const notify = useNotify();
  const users = data?.users.edges.map((e) => e.node) ?? [];
  return (
    <section className="settings-section" aria-labelledby="users-title">
      <h2 id="users-title">People</h2>
      <p className="muted">{ROLES.map((r) => `${r.label}: ${r.description.toLowerCase()}`).join(" ")}</p>
      <div className="search-field wide">
        <SearchIcon size={15} />
        <input type="search" aria-label="Search people" placeholder="Search by e-mail or name" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <ErrorNote error={error ?? state.error} />
      {fetching && !data && <div className="skeleton" style={{ minHeight: "5rem" }} />}
      <ul className="item-list">
        {users.map((u) => (
          <li key={u.id} className="item user-item">
            <span className="avatar" aria-hidden="true">
              {(u.name || u.email).charAt(0).toUpperCase()}
            </span>
            <div className="item-main">
              <strong>
                {u.name || u.email} {u.id === meId && <span className="muted small">(you)</span>}
              </strong>
              <span className="small muted">
                {u.email} · joined {relativeTime(u.createdAt)}
              </span>
            </div>
            <label className="inline-label">
              <span className="sr-only">Role of {u.email}</span>
              <select
                value={u.role}
                disabled={u.id === meId || state.fetching}
                onChange={async (e) => {
                  const result = await setRole({ input: { userId: u.id, role: e.target.value as Role } });
                  if (!result.error) notify(`${u.email} is now ${ROLES.find((r) => r.value === e.target.value)?.label.toLowerCase()}.`, "success");
                }}
              >
                {ROLES.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
