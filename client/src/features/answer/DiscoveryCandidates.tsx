import { DatabaseIcon } from "../../ui/icons.tsx";
import type { DiscoveryCandidate } from "./types.ts";

export interface DiscoveryCandidatesProps {
  message?: string;
  candidates: DiscoveryCandidate[];
  onUse: (id: string) => void;
  disabled?: boolean;
}

/** Data sources that could answer the question, with what matched, to pick one. */
export function DiscoveryCandidates({ message = "Which data should I use?", candidates, onUse, disabled = false }: DiscoveryCandidatesProps) {
  return (
    <div className="discovery">
      <p className="discovery-message">{message}</p>
      <ul className="candidates">
        {candidates.map((c) => {
          const headingId = `candidate-${c.id}`;
          return (
            <li key={c.id} className="candidate" aria-labelledby={headingId}>
              <div className="candidate-head">
                <DatabaseIcon size={18} />
                <h4 id={headingId}>{c.name}</h4>
                {c.score !== undefined && (
                  <span className="badge match" title="How well it matches the question">
                    {Math.round(c.score * 100)}% match
                  </span>
                )}
              </div>
              {c.description && <p className="candidate-description">{c.description}</p>}
              {c.matched.length > 0 && (
                <ul className="matched" aria-label="Matched">
                  {c.matched.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
              <button type="button" className="primary small" disabled={disabled} onClick={() => onUse(c.id)} aria-label={`Use this: ${c.name}`}>
                Use this
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
