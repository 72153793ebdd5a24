import { AlertIcon, RetryIcon } from "../../ui/icons.tsx";
import type { AnswerError } from "./types.ts";

/** Why the answer failed, what to try, and a retry. */
export function AnswerErrorPanel({ error, onRetry }: { error: AnswerError; onRetry?: () => void }) {
  return (
    <div className="answer-error" role="alert">
      <AlertIcon size={20} className="answer-error-icon" />
      <div className="answer-error-body">
        <p className="answer-error-message">{error.message}</p>
        {error.hint && <p className="answer-error-hint">{error.hint}</p>}
        <p className="answer-error-code">
          <code>{error.code}</code>
        </p>
      </div>
      {onRetry && (
        <button type="button" className="ghost-button" onClick={onRetry}>
          <RetryIcon /> Retry
        </button>
      )}
    </div>
  );
}
