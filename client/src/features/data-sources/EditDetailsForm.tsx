import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import type { Visibility } from "../../graphql/graphql";
import { ErrorNote } from "../../ui/ErrorNote.tsx";
import { useNotify } from "../../ui/toast.tsx";
import { parseSchemas } from "./AddDataSourceForm.tsx";
import { UpdateDataSource } from "./operations.ts";

export interface EditDetailsFormProps {
  source: { id: string; name: string; description: string; schemas: string[]; visibility: Visibility };
  /** Only administrators may share a data source with everyone. */
  canShare: boolean;
  onDone: () => void;
}

/** Name, description, schemas, a new connection URL, and who may ask it. */
export function EditDetailsForm({ source, canShare, onDone }: EditDetailsFormProps) {
  const [name, setName] = useState(source.name);
  const [description, setDescription] = useState(source.description);
  const [schemas, setSchemas] = useState(source.schemas.join(", "));
  const [url, setUrl] = useState("");
  const [visibility, setVisibility] = useState<Visibility>(source.visibility);
  const [state, update] = useMutation(UpdateDataSource);
  const notify = useNotify();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await update({
      input: {
        id: source.id,
        name: name.trim(),
        description: description.trim(),
        schemas: parseSchemas(schemas),
        visibility,
        ...(url.trim() ? { connectionUrl: url.trim() } : {}),
      },
    });
    if (!result.error) {
      notify("Saved the data source.", "success");
      onDone();
    }
  };

  return (
    <form className="panel form" onSubmit={submit} aria-label="Edit the data source">
      <div className="form-grid">
        <label>
          Name
          <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Schemas <span className="muted">(all when empty)</span>
          <input value={schemas} onChange={(e) => setSchemas(e.target.value)} />
        </label>
        <label className="wide">
          Description
          <input maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
        </label>
        <label className="wide">
          New connection URL <span className="muted">(leave empty to keep the current one)</span>
          <input className="mono" spellCheck={false} autoComplete="off" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="postgresql://user:password@host:5432/database" />
        </label>
        <label>
          Who can ask it
          <select value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)}>
            <option value="PRIVATE">Only its owner (and administrators)</option>
            <option value="SHARED" disabled={!canShare && source.visibility !== "SHARED"}>
              Everyone on this installation
            </option>
          </select>
        </label>
      </div>
      <ErrorNote error={state.error} />
      <div className="form-actions">
        <button type="button" className="ghost-button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={state.fetching || !name.trim()}>
          {state.fetching ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
