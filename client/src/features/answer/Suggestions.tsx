import { SparkIcon } from "../../ui/icons.tsx";
import type { Suggestion } from "./types.ts";

export interface SuggestionsProps {
  suggestions: Suggestion[];
  /** Called with the suggestion's index (the API runs it by index, no text to parse). */
  onPick: (index: number) => void;
  disabled?: boolean;
}

/** Follow-up questions as one-click buttons. */
export function Suggestions({ suggestions, onPick, disabled = false }: SuggestionsProps) {
  if (suggestions.length === 0) return null;
  return (
    <div className="suggestions" role="group" aria-label="Suggested follow-ups">
      <span className="suggestions-title" aria-hidden="true">
        <SparkIcon size={14} /> Follow up
      </span>
      {suggestions.map((s, i) => (
        <button key={`${s.kind}-${i}`} type="button" className="chip" data-kind={s.kind} disabled={disabled} onClick={() => onPick(i)}>
          {s.label}
        </button>
      ))}
    </div>
  );
}
