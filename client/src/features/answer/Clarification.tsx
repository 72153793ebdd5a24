import { QuestionIcon } from "../../ui/icons.tsx";
import type { ClarificationOption } from "./types.ts";

export interface ClarificationProps {
  message: string;
  options: ClarificationOption[];
  /** Called with the chosen option's index. */
  onChoose: (index: number) => void;
  disabled?: boolean;
}

/** The question was ambiguous: the options the server offers, one click each. */
export function Clarification({ message, options, onChoose, disabled = false }: ClarificationProps) {
  return (
    <div className="clarification">
      <p className="clarification-message">
        <QuestionIcon size={18} /> {message}
      </p>
      <div className="clarification-options" role="group" aria-label="Choose what you meant">
        {options.map((o, i) => (
          <button key={i} type="button" className="option-button" disabled={disabled} onClick={() => onChoose(i)}>
            {o.label}
          </button>
        ))}
      </div>
    </div>
  );
}
