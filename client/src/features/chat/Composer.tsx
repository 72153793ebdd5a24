import { forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { ArrowUpIcon } from "../../ui/icons.tsx";

export interface ComposerHandle {
  focus(): void;
  setText(text: string): void;
}

export interface ComposerProps {
  onSend: (message: string) => void;
  disabled?: boolean;
  /** Why it is disabled, shown instead of the field (a read-only chat). */
  disabledReason?: ReactNode;
  placeholder?: string;
  busy?: boolean;
  autoFocus?: boolean;
  /** Controls beside the send button (the data-source choice). */
  accessory?: ReactNode;
  /** The text as it is typed (for hints about where it will go). */
  onTextChange?: (text: string) => void;
}

export const MAX_MESSAGE_LENGTH = 4000;

/** Whether a key press sends: Enter alone, not while an IME is composing a character. */
export function isSendKey(event: Pick<KeyboardEvent, "key" | "shiftKey" | "altKey" | "ctrlKey" | "metaKey"> & { nativeEvent?: { isComposing?: boolean } }): boolean {
  return event.key === "Enter" && !event.shiftKey && !event.altKey && !event.nativeEvent?.isComposing;
}

/** The question box: Enter sends, Shift+Enter starts a new line; it grows with the text. */
export const Composer = forwardRef<ComposerHandle, ComposerProps>(function Composer(
  { onSend, disabled = false, disabledReason, placeholder = "Ask a question about your data…", busy = false, autoFocus = false, accessory, onTextChange },
  ref,
) {
  const [text, setText] = useState("");
  const area = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(ref, () => ({ focus: () => area.current?.focus(), setText }), []);

  useEffect(() => onTextChange?.(text), [text, onTextChange]);

  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = "auto";
    el.style.height = `${Math.min(el.scrollHeight, 220)}px`;
  }, [text]);

  const send = () => {
    const message = text.trim();
    if (!message || disabled || busy) return;
    onSend(message);
    setText("");
  };

  if (disabled && disabledReason) {
    return (
      <div className="composer read-only" role="note">
        {disabledReason}
      </div>
    );
  }

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label className="sr-only" htmlFor="composer-input">
        Your question
      </label>
      <div className="composer-row">
        <textarea
          id="composer-input"
          ref={area}
          rows={1}
          value={text}
          maxLength={MAX_MESSAGE_LENGTH}
          placeholder={placeholder}
          disabled={disabled}
          autoFocus={autoFocus}
          aria-describedby="composer-hint"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (isSendKey(e)) {
              e.preventDefault();
              send();
            }
          }}
        />
        <button type="submit" className="send-button" disabled={disabled || busy || !text.trim()} aria-label="Send">
          <ArrowUpIcon size={18} />
        </button>
      </div>
      <div className={accessory ? "composer-bar" : "composer-bar hint-only"}>
        {accessory && <div className="composer-accessory">{accessory}</div>}
        <span id="composer-hint" className="composer-hint">
          <kbd>Enter</kbd> to send · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
        </span>
      </div>
    </form>
  );
});
