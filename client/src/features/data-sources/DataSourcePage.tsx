import { useState } from "react";
import { useMutation, useQuery } from "urql";
import { errorCode, errorMessage } from "../../lib/errors.ts";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ErrorNote } from "../../ui/ErrorNote.tsx";
import { ChevronLeftIcon, PencilIcon, RefreshIcon, TrashIcon } from "../../ui/icons.tsx";
import { Tabs } from "../../ui/Tabs.tsx";
import { relativeTime } from "../../ui/time.ts";
import { useNotify } from "../../ui/toast.tsx";
import { EditDetailsForm } from "./EditDetailsForm.tsx";
import { DataSourceDetail, RefreshDataSource, RemoveDataSource, SemanticModelView, TestDataSource } from "./operations.ts";
import { FeedbackTab } from "./semantic/FeedbackTab.tsx";
import { GlossaryTab } from "./semantic/GlossaryTab.tsx";
import { HistoryTab } from "./semantic/HistoryTab.tsx";
import { MetricsTab } from "./semantic/MetricsTab.tsx";
import { ReviewTab } from "./semantic/ReviewTab.tsx";
import { RulesTab } from "./semantic/RulesTab.tsx";
import { SynonymsTab } from "./semantic/SynonymsTab.tsx";
import { VerifiedQueriesTab } from "./semantic/VerifiedQueriesTab.tsx";
import { YamlTab } from "./semantic/YamlTab.tsx";
import { SourceStatus } from "./source-status.tsx";
import { TablesTab } from "./TablesTab.tsx";

export const TAB_IDS = ["tables", "synonyms", "metrics", "glossary", "rules", "verified", "review", "feedback", "yaml", "history"] as const;

export interface DataSourcePageProps {
  dataSourceId: string;
  tab?: string;
  onTab: (tab: string) => void;
  onBack: () => void;
  onRemoved: () => void;
  /** Administrators may share a data source with everyone. */
  isAdmin: boolean;
}

/** One data source: what it holds (tables and columns) and its semantic model, editable by its owner. */
export function DataSourcePage({ dataSourceId, tab, onTab, onBack, onRemoved, isAdmin }: DataSourcePageProps) {
  const [{ data, error, fetching }] = useQuery({ query: DataSourceDetail, variables: { id: dataSourceId }, requestPolicy: "cache-and-network" });
  const [model] = useQuery({ query: SemanticModelView, variables: { id: dataSourceId }, requestPolicy: "cache-and-network" });
  const [refreshState, refresh] = useMutation(RefreshDataSource);
  const [testState, test] = useMutation(TestDataSource);
  const [removeState, remove] = useMutation(RemoveDataSource);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [editing, setEditing] = useState(false);
  const notify = useNotify();
  const active = (TAB_IDS as readonly string[]).includes(tab ?? "") ? tab! : "tables";

  const source = data?.dataSource;
  if (!source) {
    return (
      <div className="page">
        <button type="button" className="link back-link" onClick={onBack}>
          <ChevronLeftIcon /> Data sources
        </button>
        {error ? (
          <div className="empty-panel">
            <h1 tabIndex={-1} id="main-heading">
              {errorCode(error) === "NOT_FOUND" || errorCode(error) === "BAD_USER_INPUT" ? "This data source does not exist" : "Could not load the data source"}
            </h1>
            <p className="muted">{errorMessage(error)}</p>
          </div>
        ) : (
          <div aria-busy={fetching} className="page-skeleton">
            <span className="skeleton" style={{ width: "30%", minHeight: "2rem" }} />
            <span className="skeleton" style={{ minHeight: "12rem" }} />
          </div>
        )}
      </div>
    );
  }

  const semantic = model.data?.dataSource.semanticModel ?? null;
  const canEdit = source.viewerCanEdit;
  const edit = { dataSourceId, canEdit, version: semantic?.version ?? 0 };
  const tabs = [
    { id: "tables", label: "Tables", count: source.tableCount },
    { id: "synonyms", label: "Synonyms" },
    { id: "metrics", label: "Metrics", count: semantic?.metrics.length },
    { id: "glossary", label: "Glossary", count: semantic?.glossary.length },
    { id: "rules", label: "Rules" },
    { id: "verified", label: "Verified", count: semantic?.verifiedQueries.length },
    ...(canEdit
      ? [
          { id: "review", label: "Review" },
          { id: "feedback", label: "Feedback" },
        ]
      : []),
    { id: "yaml", label: "YAML" },
    { id: "history", label: "History" },
  ];

  const doTest = async () => {
    const result = await test({ input: { id: dataSourceId } });
    const payload = result.data?.testDataSource;
    if (payload) notify(payload.ok ? `Connected in ${payload.latencyMs} ms.` : "The database could not be reached.", payload.ok ? "success" : "error");
  };
  const doRefresh = async () => {
    const result = await refresh({ input: { id: dataSourceId } });
    if (!result.error) notify("Read the tables again and rebuilt the model, keeping your edits.", "success");
  };
  const doRemove = async () => {
    const result = await remove({ input: { id: dataSourceId } });
    setConfirmRemove(false);
    if (!result.error) {
      notify(`Removed “${source.name}”.`, "success");
      onRemoved();
    }
  };

  return (
    <div className="page">
      <button type="button" className="link back-link" onClick={onBack}>
        <ChevronLeftIcon /> Data sources
      </button>
      <header className="page-head">
        <div>
          <div className="title-row">
            <h1 tabIndex={-1} id="main-heading">
              {source.name}
            </h1>
            <SourceStatus status={source.status} message={source.statusMessage} />
            {source.isDemo && <span className="badge">demo</span>}
            <span className="badge">{source.visibility === "SHARED" ? "shared" : "private"}</span>
          </div>
          {source.description && <p className="muted description">{source.description}</p>}
          <p className="source-meta">
            {source.tableCount} tables · {source.columnCount} columns · schemas {source.schemas.join(", ") || "all"}
            {source.lastRefreshedAt && <> · read {relativeTime(source.lastRefreshedAt)}</>}
            {semantic && <> · model version {semantic.version}</>}
          </p>
          {source.statusMessage && source.status !== "READY" && <p className="error">{source.statusMessage}</p>}
        </div>
        <div className="row">
          <button type="button" className="ghost-button" onClick={() => void doTest()} disabled={testState.fetching}>
            {testState.fetching ? "Testing…" : "Test connection"}
          </button>
          {canEdit && !source.isDemo && !editing && (
            <button type="button" className="ghost-button" onClick={() => setEditing(true)}>
              <PencilIcon /> Edit
            </button>
          )}
          {canEdit && (
            <button type="button" className="ghost-button" onClick={() => void doRefresh()} disabled={refreshState.fetching}>
              <RefreshIcon className={refreshState.fetching ? "spin" : undefined} /> {refreshState.fetching ? "Refreshing…" : "Refresh"}
            </button>
          )}
          {canEdit && !source.isDemo && (
            <button type="button" className="ghost-button danger" onClick={() => setConfirmRemove(true)}>
              <TrashIcon /> Remove
            </button>
          )}
        </div>
      </header>
      {editing && <EditDetailsForm source={source} canShare={isAdmin} onDone={() => setEditing(false)} />}
      <ErrorNote error={refreshState.error ?? removeState.error ?? testState.error} />
      {!canEdit && <p className="read-only-note">You can read this model; its owner or an administrator can change it.</p>}
      <Tabs tabs={tabs} active={active} onChange={onTab} label="Data source sections" idPrefix="source" />
      <section className="tab-panel" role="tabpanel" id={`source-panel-${active}`} aria-labelledby={`source-tab-${active}`}>
        {active === "tables" && <TablesTab tables={source.tables} />}
        {["synonyms", "metrics", "glossary", "rules", "verified"].includes(active) && !semantic && (model.fetching ? <div className="skeleton" style={{ minHeight: "10rem" }} /> : <ErrorNote error={model.error} />)}
        {active === "synonyms" && semantic && <SynonymsTab model={semantic} {...edit} />}
        {active === "metrics" && semantic && <MetricsTab model={semantic} {...edit} />}
        {active === "glossary" && semantic && <GlossaryTab model={semantic} {...edit} />}
        {active === "rules" && semantic && <RulesTab key={semantic.version} model={semantic} {...edit} />}
        {active === "verified" && semantic && <VerifiedQueriesTab model={semantic} {...edit} />}
        {active === "review" && <ReviewTab dataSourceId={dataSourceId} canEdit={canEdit} />}
        {active === "feedback" && <FeedbackTab dataSourceId={dataSourceId} />}
        {active === "yaml" && <YamlTab dataSourceId={dataSourceId} name={source.name} canEdit={canEdit} />}
        {active === "history" && <HistoryTab {...edit} />}
      </section>
      <ConfirmDialog open={confirmRemove} title={`Remove “${source.name}”?`} confirmLabel="Remove" danger busy={removeState.fetching} onConfirm={() => void doRemove()} onCancel={() => setConfirmRemove(false)}>
        <p>Its semantic model and edits are deleted. Chats that used it keep their answers.</p>
      </ConfirmDialog>
    </div>
  );
}
