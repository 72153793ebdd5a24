import { useMutation, useQuery } from "urql";
import { ErrorNote } from "../../../ui/ErrorNote.tsx";
import { relativeTime } from "../../../ui/time.ts";
import { useNotify } from "../../../ui/toast.tsx";
import { RestoreSemanticModelVersion, SemanticVersions } from "../operations.ts";

/** Every stored version of the model; an earlier one can be made current again. */
export function HistoryTab({ dataSourceId, version, canEdit }: { dataSourceId: string; version: number; canEdit: boolean }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: SemanticVersions, variables: { id: dataSourceId }, requestPolicy: "cache-and-network" });
  const [state, restore] = useMutation(RestoreSemanticModelVersion);
  const notify = useNotify();
  const versions = data?.dataSource.semanticModelVersions ?? [];

  const doRestore = async (target: number) => {
    const result = await restore({ input: { dataSourceId, version: target, expectedVersion: version } });
    if (!result.error) {
      notify(`Restored version ${target} as the newest.`, "success");
      refetch({ requestPolicy: "network-only" });
    }
  };

  return (
    <div className="semantic-tab">
      <p className="muted">Each edit, refresh or import stores a new version; questions use the current one.</p>
      <ErrorNote error={error ?? state.error} />
      {fetching && !data && <div className="skeleton" style={{ minHeight: "8rem" }} />}
      <ol className="item-list versions">
        {versions.map((v) => (
          <li key={v.version} className="item">
            <div className="item-main">
              <div className="item-title">
                <strong>Version {v.version}</strong>
                {v.current && <span className="badge current">current</span>}
                <time className="muted small" dateTime={v.createdAt} title={new Date(v.createdAt).toLocaleString()}>
                  {relativeTime(v.createdAt)}
                </time>
              </div>
              <p className="small">{v.note}</p>
            </div>
            {canEdit && !v.current && (
              <div className="item-actions">
                <button type="button" className="ghost-button" disabled={state.fetching} onClick={() => void doRestore(v.version)}>
                  Restore
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
