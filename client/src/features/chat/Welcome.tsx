import { useEffect, useState } from "react";
import { useQuery } from "urql";
import { errorMessage } from "../../lib/errors.ts";
import { DatabaseIcon, SparkIcon } from "../../ui/icons.tsx";
import { useNotify } from "../../ui/toast.tsx";
import { Composer } from "./Composer.tsx";
import { DataSourcePicker } from "./DataSourcePicker.tsx";
import { exampleQuestions } from "./examples.ts";
import { AskableDataSources, DiscoverDataSources } from "./operations.ts";
import { useAsk, type AskRequest } from "./use-ask.ts";

export interface WelcomeProps {
  name: string;
  /** A question was accepted: open its new session. */
  onAsked: (sessionId: string) => void;
  onManageSources: () => void;
}

function greeting(hour: number): string {
  if (hour < 5) return "Good evening";
  if (hour < 12) return "Good morning";
  if (hour < 18) return "Good afternoon";
  return "Good evening";
}

/** The start page: a question box, and each data source with questions that work on it. */
export function Welcome({ name, onAsked, onManageSources }: WelcomeProps) {
  const [{ data, fetching, error }] = useQuery({ query: AskableDataSources, requestPolicy: "cache-and-network" });
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const ask = useAsk();
  const notify = useNotify();
  const sources = data?.dataSources.edges.map((e) => e.node) ?? [];
  // While typing with "any data source", say which one discovery would pick.
  const [draft, setDraft] = useState("");
  const [probe, setProbe] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setProbe(draft.trim()), 400);
    return () => clearTimeout(timer);
  }, [draft]);
  const [discovered] = useQuery({ query: DiscoverDataSources, variables: { question: probe }, pause: sourceId !== null || probe.length < 6 || sources.length < 2 });
  const best = probe.length >= 6 && sourceId === null ? discovered.data?.discoverDataSources.find((c) => c.score > 0) : undefined;

  const send = async (request: AskRequest) => {
    setSending(true);
    const outcome = await ask(request, null);
    setSending(false);
    if (outcome.ok) onAsked(outcome.sessionId);
    else notify(outcome.message, "error");
  };

  return (
    <div className="welcome">
      <div className="welcome-hero">
        <span className="welcome-mark" aria-hidden="true">
          <SparkIcon size={22} />
        </span>
        <h1 tabIndex={-1} id="main-heading">
          {greeting(new Date().getHours())}, {name.split(" ")[0]}
        </h1>
        <p className="muted">Ask your data a question in plain language. You get the SQL, a table and a chart, live.</p>
      </div>
      <Composer
        autoFocus
        busy={sending}
        onSend={(message) => void send({ message, dataSourceId: sourceId })}
        accessory={<DataSourcePicker sources={sources} value={sourceId} onChange={setSourceId} />}
        onTextChange={setDraft}
      />
      <p className="discovery-hint" aria-live="polite">
        {best && (
          <>
            Best match: <strong>{best.name}</strong>
            {best.matched.length > 0 && <span className="muted"> · {best.matched.slice(0, 2).join(", ")}</span>}
          </>
        )}
      </p>
      <section className="welcome-sources" aria-labelledby="examples-title">
        <div className="section-head">
          <h2 id="examples-title">Try a question</h2>
          <button type="button" className="link" onClick={onManageSources}>
            Manage data sources
          </button>
        </div>
        {error && <p className="error" role="alert">{errorMessage(error)}</p>}
        {fetching && !data && (
          <div className="source-cards" aria-busy="true" aria-label="Loading data sources">
            {[0, 1, 2].map((i) => (
              <div key={i} className="source-card skeleton-card">
                <span className="skeleton" style={{ width: "40%", minHeight: "1.1rem" }} />
                <span className="skeleton" style={{ minHeight: "2.4rem" }} />
                <span className="skeleton" style={{ width: "70%", minHeight: "1.8rem" }} />
              </div>
            ))}
          </div>
        )}
        {data && sources.length === 0 && (
          <div className="empty-panel">
            <DatabaseIcon size={28} />
            <p>No data sources yet. Connect a PostgreSQL database to start asking.</p>
            <button type="button" className="primary" onClick={onManageSources}>
              Add a data source
            </button>
          </div>
        )}
        <ul className="source-cards">
          {sources.map((source) => {
            const questions = exampleQuestions(source.semanticModel);
            return (
              <li key={source.id} className="source-card">
                <div className="source-card-head">
                  <span className="source-icon" aria-hidden="true">
                    <DatabaseIcon size={18} />
                  </span>
                  <h3>{source.name}</h3>
                  {source.isDemo && <span className="badge">demo</span>}
                </div>
                {source.description && <p className="source-description">{source.description}</p>}
                {source.status !== "READY" ? (
                  <p className="muted small">Not ready: {source.status.toLowerCase()}.</p>
                ) : (
                  <div className="example-list" role="group" aria-label={`Questions for ${source.name}`}>
                    {questions.map((q) => (
                      <button key={q} type="button" className="example" disabled={sending} onClick={() => void send({ message: q, dataSourceId: source.id })}>
                        {q}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
