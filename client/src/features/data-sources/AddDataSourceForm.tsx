import { useState, type FormEvent } from "react";
import { useMutation } from "urql";
import { CheckIcon } from "../../ui/icons.tsx";
import { ErrorNote } from "../../ui/ErrorNote.tsx";
import { AddDataSource, TestDataSource } from "./operations.ts";

/** "public, sales" → ["public", "sales"]; nothing → every schema. */
export function parseSchemas(text: string): string[] | null {
  const schemas = [...new Set(text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean))];
  return schemas.length > 0 ? schemas : null;
}

export interface AddDataSourceFormProps {
  onAdded: (id: string, name: string) => void;
  onCancel: () => void;
}

/** Connect a PostgreSQL database: test the URL, then add it (the server reads it and builds its model). */
export function AddDataSourceForm({ onAdded, onCancel }: AddDataSourceFormProps) {
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [url, setUrl] = useState("");
  const [schemas, setSchemas] = useState("");
  const [tested, setTested] = useState<{ url: string; latencyMs: number } | null>(null);
  const [testState, test] = useMutation(TestDataSource);
  const [addState, add] = useMutation(AddDataSource);

  const runTest = async (): Promise<boolean> => {
    setTested(null);
    const result = await test({ input: { connectionUrl: url.trim() } });
    const payload = result.data?.testDataSource;
    if (payload?.ok) setTested({ url: url.trim(), latencyMs: payload.latencyMs });
    return Boolean(payload?.ok);
  };

  // Adding tests the URL first (unless it was just tested): a bad URL fails fast, before the catalogue is read.
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(tested?.url === url.trim()) && !(await runTest())) return;
    const result = await add({ input: { name: name.trim(), description: description.trim() || null, connectionUrl: url.trim(), schemas: parseSchemas(schemas) } });
    const source = result.data?.addDataSource.dataSource;
    if (source) onAdded(source.id, source.name);
  };

  const testedThis = tested !== null && tested.url === url.trim();
  const testFailed = testState.data?.testDataSource && !testState.data.testDataSource.ok && !testState.fetching;
  return (
    <form className="panel form add-source" onSubmit={submit} aria-labelledby="add-source-title">
      <h2 id="add-source-title">Connect a PostgreSQL database</h2>
      <p className="muted">
        AgentMedha reads the tables and builds a semantic model with no configuration. Use a read-only database user: questions only ever run
        read-only SELECTs.
      </p>
      <div className="form-grid">
        <label>
          Name
          <input required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} placeholder="Warehouse" />
        </label>
        <label>
          Schemas <span className="muted">(optional)</span>
          <input value={schemas} onChange={(e) => setSchemas(e.target.value)} placeholder="public, sales — all when empty" />
        </label>
        <label className="wide">
          Description <span className="muted">(helps pick the right data for a question)</span>
          <input maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="Orders, customers and products of the web shop" />
        </label>
        <label className="wide">
          Connection URL
          <input
            required
            className="mono"
            spellCheck={false}
            autoComplete="off"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="postgresql://reader:password@db.example.com:5432/shop?sslmode=require"
          />
        </label>
      </div>
      <p className="hint">
        The URL is stored encrypted and never shown again. Files on the server (CSV, TSV, Parquet or a DuckDB database in its file
        sources folder): <code>duckdb:///folder</code> or <code>duckdb:///file.duckdb</code>.
      </p>
      {testedThis && (
        <p className="success-note" role="status">
          <CheckIcon /> Connected in {tested.latencyMs} ms.
        </p>
      )}
      {testFailed && (
        <p className="error" role="alert">
          The database could not be reached with this URL.
        </p>
      )}
      <ErrorNote error={testState.error} />
      <ErrorNote error={addState.error} />
      <div className="form-actions">
        <button type="button" className="ghost-button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="ghost-button" onClick={() => void runTest()} disabled={!url.trim() || testState.fetching}>
          {testState.fetching ? "Testing…" : "Test connection"}
        </button>
        <button type="submit" className="primary" disabled={addState.fetching || testState.fetching || !name.trim() || !url.trim()}>
          {addState.fetching ? "Reading the database…" : testState.fetching ? "Testing…" : "Add data source"}
        </button>
      </div>
    </form>
  );
}
