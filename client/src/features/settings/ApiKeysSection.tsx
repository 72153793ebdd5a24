import { useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import type { Role } from "../../graphql/graphql";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ErrorNote } from "../../ui/ErrorNote.tsx";
import { CheckIcon, CopyIcon, PlusIcon } from "../../ui/icons.tsx";
import { relativeTime } from "../../ui/time.ts";
import { useNotify } from "../../ui/toast.tsx";
import { useCopy } from "../../ui/use-copy.ts";
import { ApiKeys, CreateApiKey, RevokeApiKey } from "./operations.ts";
import { expiryFromDate, grantableRoles, ROLES } from "./roles.ts";

/** Keys for programs calling the API (`Authorization: Bearer amk_…`); the secret is shown once. */
export function ApiKeysSection({ role }: { role: Role }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: ApiKeys, requestPolicy: "cache-and-network" });
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [keyRole, setKeyRole] = useState<Role>(role === "ADMIN" ? "ANALYST" : role);
  const [expires, setExpires] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const [createState, create] = useMutation(CreateApiKey);
  const [revokeState, revoke] = useMutation(RevokeApiKey);
  const [copyState, copy] = useCopy();
  const notify = useNotify();
  const keys = data?.apiKeys.edges.map((e) => e.node) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await create({ input: { name: name.trim(), role: keyRole, expiresAt: expiryFromDate(expires) } });
    const payload = result.data?.createApiKey;
    if (payload) {
      // A new key is not in the cached list: ask for it again.
      refetch({ requestPolicy: "network-only" });
      setSecret(payload.secret);
      setCreating(false);
      setName("");
      setExpires("");
    }
  };

  return (
    <section className="settings-section" aria-labelledby="keys-title">
      <div className="tab-head">
        <div>
          <h2 id="keys-title">API keys</h2>
          <p className="muted">For scripts and other programs: send <code>Authorization: Bearer &lt;key&gt;</code> to <code>/graphql</code>.</p>
        </div>
        {!creating && (
          <button type="button" className="primary small" onClick={() => setCreating(true)}>
            <PlusIcon /> New key
          </button>
        )}
      </div>
      {secret && (
        <div className="secret-panel" role="status">
          <p>
            <strong>Copy the key now</strong> — it is not shown again.
          </p>
          <div className="secret-row">
            <code className="secret">{secret}</code>
            <button type="button" className="ghost-button" onClick={() => copy(secret)}>
              {copyState === "copied" ? <CheckIcon /> : <CopyIcon />} {copyState === "copied" ? "Copied" : "Copy"}
            </button>
            <button type="button" className="link" onClick={() => setSecret(null)}>
              Done
            </button>
          </div>
        </div>
      )}
      {creating && (
        <form className="panel form" onSubmit={submit} aria-label="New API key">
          <div className="form-grid">
            <label>
              Name
              <input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="Nightly report" />
            </label>
            <label>
              Rights
              <select value={keyRole} onChange={(e) => setKeyRole(e.target.value as Role)}>
                {grantableRoles(role).map((r) => (
                  <option key={r} value={r}>
                    {ROLES.find((x) => x.value === r)?.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Expires <span className="muted">(optional)</span>
              <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
            </label>
          </div>
          <ErrorNote error={createState.error} />
          <div className="form-actions">
            <button type="button" className="ghost-button" onClick={() => setCreating(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={createState.fetching || !name.trim()}>
              Create key
            </button>
          </div>
        </form>
      )}
      <ErrorNote error={error ?? revokeState.error} />
      {fetching && !data && <div className="skeleton" style={{ minHeight: "5rem" }} />}
      {data && keys.length === 0 && <p className="empty-line">No API keys yet.</p>}
      <ul className="item-list">
        {keys.map((k) => (
          <li key={k.id} className={k.active ? "item" : "item inactive"}>
            <div className="item-main">
              <div className="item-title">
                <strong>{k.name}</strong>
                <code className="small">{k.prefix}…</code>
                <span className="badge">{ROLES.find((r) => r.value === k.role)?.label}</span>
                {!k.active && <span className="badge">{k.revokedAt ? "revoked" : "expired"}</span>}
              </div>
              <p className="small muted">
                Created {relativeTime(k.createdAt)} · {k.lastUsedAt ? `last used ${relativeTime(k.lastUsedAt)}` : "never used"}
                {k.expiresAt && ` · expires ${new Date(k.expiresAt).toLocaleDateString()}`}
              </p>
            </div>
            {k.active && (
              <div className="item-actions">
                <button type="button" className="ghost-button danger" onClick={() => setRevoking({ id: k.id, name: k.name })}>
                  Revoke
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name ?? ""}”?`}
        confirmLabel="Revoke"
        danger
        busy={revokeState.fetching}
        onCancel={() => setRevoking(null)}
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revoke({ input: { id: revoking.id } });
          if (!result.error) notify(`Revoked “${revoking.name}”.`, "success");
          setRevoking(null);
        }}
      >
        <p>Programs using it stop working at once.</p>
      </ConfirmDialog>
    </section>
  );
}
