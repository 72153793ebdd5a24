import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { errorMessage } from "../../lib/errors.ts";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ErrorNote } from "../../ui/ErrorNote.tsx";
import { DatabaseIcon, PlusIcon, RefreshIcon, TrashIcon } from "../../ui/icons.tsx";
import { relativeTime } from "../../ui/time.ts";
import { useNotify } from "../../ui/toast.tsx";
import { AddDataSourceForm } from "./AddDataSourceForm.tsx";
import { DataSourceList, RefreshDataSource, RemoveDataSource } from "./operations.ts";
import { SourceStatus } from "./source-status.tsx";

export interface DataSourcesPageProps {
  onOpen: (id: string) => void;
  /** Viewers cannot connect databases (the API refuses them): no form to fill in vain. */
  canConnect: boolean;
}

/** Every data source the user can ask, with adding, refreshing and removing. */
export function DataSourcesPage({ onOpen, canConnect }: DataSourcesPageProps) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: DataSourceList, requestPolicy: "cache-and-network" });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const [refreshState, refresh] = useMutation(RefreshDataSource);
  const [removeState, remove] = useMutation(RemoveDataSource);
  const [refreshingId, setRefreshingId] = useState<string | null>(null);
  const notify = useNotify();
  const sources = data?.dataSources.edges.map((e) => e.node) ?? [];

  const doRefresh = async (id: string, name: string) => {
    setRefreshingId(id);
    const result = await refresh({ input: { id } });
    setRefreshingId(null);
    notify(result.error ? (errorMessage(result.error) ?? "The refresh failed.") : `Read “${name}” again.`, result.error ? "error" : "success");
  };

  const doRemove = async () => {
    if (!removing) return;
    const result = await remove({ input: { id: removing.id } });
    if (result.error) notify(errorMessage(result.error) ?? "Could not remove it.", "error");
    else {
      notify(`Removed “${removing.name}”.`, "success");
      refetch({ requestPolicy: "network-only" });
    }
    setRemoving(null);
  };

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1 tabIndex={-1} id="main-heading">
            Data sources
          </h1>
          <p className="muted">The databases questions are answered from. Each has a semantic model you can teach your own words.</p>
        </div>
        {canConnect && !adding && (
          <button type="button" className="primary" onClick={() => setAdding(true)}>
            <PlusIcon /> Add data source
          </button>
        )}
      </header>
      {adding && (
        <AddDataSourceForm
          onCancel={() => setAdding(false)}
          onAdded={(id, name) => {
            setAdding(false);
            notify(`Connected “${name}”.`, "success");
            onOpen(id);
          }}
        />
      )}
      <ErrorNote error={error} />
      {fetching && !data && (
        <div className="source-grid" aria-busy="true" aria-label="Loading data sources">
          {[0, 1, 2].map((i) => (
            <div key={i} className="source-card skeleton-card">
              <span className="skeleton" style={{ width: "45%", minHeight: "1.2rem" }} />
              <span className="skeleton" style={{ minHeight: "3rem" }} />
            </div>
          ))}
        </div>
      )}
      {data && sources.length === 0 && !adding && (
        <div className="empty-panel">
          <DatabaseIcon size={28} />
          <h2>No data sources yet</h2>
          {canConnect ? (
            <>
              <p className="muted">Connect a PostgreSQL database to start asking questions.</p>
              <button type="button" className="primary" onClick={() => setAdding(true)}>
                Add a data source
              </button>
            </>
          ) : (
            <p className="muted">An administrator or analyst connects databases and shares them with you.</p>
          )}
        </div>
      )}
      <ul className="source-grid" aria-label="Data sources">
        {sources.map((s) => (
          <li key={s.id} className="source-card">
            <div className="source-card-head">
              <span className="source-icon" aria-hidden="true">
                <DatabaseIcon size={18} />
              </span>
              <h2>
                <button type="button" className="link-title" onClick={() => onOpen(s.id)}>
                  {s.name}
                </button>
              </h2>
              <SourceStatus status={s.status} message={s.statusMessage} />
            </div>
            <p className="source-description">{s.description || <span className="muted">No description.</span>}</p>
            <p className="source-meta">
              {s.tableCount} tables · {s.columnCount} columns
              {s.lastRefreshedAt && <> · read {relativeTime(s.lastRefreshedAt)}</>}
            </p>
            <div className="badges">
              {s.isDemo && <span className="badge">demo</span>}
              <span className="badge">{s.visibility === "SHARED" ? "shared" : "private"}</span>
              {s.ownedByViewer && <span className="badge">yours</span>}
            </div>
            <div className="card-actions">
              <button type="button" className="ghost-button" onClick={() => onOpen(s.id)}>
                Tables &amp; model
              </button>
              {s.viewerCanEdit && (
                <button type="button" className="icon-button" aria-label={`Refresh ${s.name}`} title="Read the tables again" disabled={refreshState.fetching} onClick={() => void doRefresh(s.id, s.name)}>
                  <RefreshIcon className={refreshingId === s.id ? "spin" : undefined} />
                </button>
              )}
              {s.viewerCanEdit && !s.isDemo && (
                <button type="button" className="icon-button danger" aria-label={`Remove ${s.name}`} title="Remove" onClick={() => setRemoving({ id: s.id, name: s.name })}>
                  <TrashIcon />
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove “${removing?.name ?? ""}”?`}
        confirmLabel="Remove"
        danger
        busy={removeState.fetching}
        onConfirm={() => void doRemove()}
        onCancel={() => setRemoving(null)}
      >
        <p>Its semantic model and edits are deleted. Chats that used it keep their answers.</p>
      </ConfirmDialog>
    </div>
  );
}
