import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { ErrorNote } from "../../../ui/ErrorNote.tsx";
import { CheckIcon, CopyIcon, DownloadIcon } from "../../../ui/icons.tsx";
import { useNotify } from "../../../ui/toast.tsx";
import { useCopy } from "../../../ui/use-copy.ts";
import { ImportSemanticModel, SemanticYaml } from "../operations.ts";

/** The whole model as YAML: read, copy, download, or edit and import as the next version. */
export function YamlTab({ dataSourceId, name, canEdit }: { dataSourceId: string; name: string; canEdit: boolean }) {
  const [{ data, error, fetching }] = useQuery({ query: SemanticYaml, variables: { id: dataSourceId }, requestPolicy: "cache-and-network" });
  const [draft, setDraft] = useState<string | null>(null);
  const [state, importModel] = useMutation(ImportSemanticModel);
  const [copyState, copy] = useCopy();
  const notify = useNotify();
  const model = data?.dataSource.semanticModel;
  if (!model) return fetching ? <div className="skeleton" style={{ minHeight: "16rem" }} /> : <ErrorNote error={error} />;

  const download = () => {
    const url = URL.createObjectURL(new Blob([model.yaml], { type: "text/yaml" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = `${name.replace(/[^\w-]+/g, "-").toLowerCase()}-model-v${model.version}.yaml`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const submit = async () => {
    if (draft === null) return;
    const result = await importModel({ input: { dataSourceId, yaml: draft, expectedVersion: model.version } });
    if (!result.error) {
      notify("Imported the model as a new version.", "success");
      setDraft(null);
    }
  };

  return (
    <div className="semantic-tab">
      <div className="tab-head">
        <p className="muted">Version {model.version}. Keep it in version control, review changes, and import it back.</p>
        <div className="row">
          <button type="button" className="ghost-button" onClick={() => copy(model.yaml)}>
            {copyState === "copied" ? <CheckIcon /> : <CopyIcon />} {copyState === "copied" ? "Copied" : "Copy"}
          </button>
          <button type="button" className="ghost-button" onClick={download}>
            <DownloadIcon /> Download
          </button>
          {canEdit && draft === null && (
            <button type="button" className="primary small" onClick={() => setDraft(model.yaml)}>
              Edit and import
            </button>
          )}
        </div>
      </div>
      {draft === null ? (
        <pre className="yaml-view" tabIndex={0} aria-label="Semantic model YAML">
          {model.yaml}
        </pre>
      ) : (
        <div className="form">
          <label>
            YAML to import
            <textarea className="mono yaml-edit" rows={22} spellCheck={false} value={draft} onChange={(e) => setDraft(e.target.value)} />
          </label>
          <ErrorNote error={state.error} />
          <div className="form-actions">
            <button type="button" className="ghost-button" onClick={() => setDraft(null)}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={state.fetching} onClick={() => void submit()}>
              {state.fetching ? "Checking…" : "Import as new version"}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
