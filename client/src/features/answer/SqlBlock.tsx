import { useId, useMemo, useRef, useState } from "react";
import { CheckIcon, ChevronIcon, CodeIcon, CopyIcon } from "../../ui/icons.tsx";
import { useCopy } from "../../ui/use-copy.ts";
import { prettySql, tokenizeSql } from "./sql-highlight.ts";

export interface SqlBlockProps {
  sql: string;
  /** The plain-language explanation shown above the SQL. */
  explanation?: string | null;
  /** Controlled open state; uncontrolled (starting at `defaultOpen`) without it. */
  open?: boolean;
  defaultOpen?: boolean;
  onToggle?: (open: boolean) => void;
}

/** The SQL behind an answer: explained in words, pretty-printed, highlighted, copyable, folded by default. */
export function SqlBlock({ sql, explanation, open, defaultOpen = false, onToggle }: SqlBlockProps) {
  const [own, setOwn] = useState(defaultOpen);
  const isOpen = open ?? own;
  const pretty = useMemo(() => prettySql(sql), [sql]);
  const tokens = useMemo(() => tokenizeSql(pretty), [pretty]);
  const [copyState, copy] = useCopy();
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const lines = pretty.split("\n").length;

  const toggle = () => {
    setOwn(!isOpen);
    onToggle?.(!isOpen);
  };

  return (
    <section
      className="sql-block"
      aria-label="SQL"
      onKeyDown={(e) => {
        if (e.key === "Escape" && isOpen) {
          e.stopPropagation();
          toggle();
          toggleRef.current?.focus();
        }
      }}
    >
      {explanation && <p className="sql-explanation">{explanation}</p>}
      <div className="sql-bar">
        <button ref={toggleRef} type="button" className="sql-toggle" aria-expanded={isOpen} aria-controls={panelId} onClick={toggle}>
          <ChevronIcon className={isOpen ? "chevron open" : "chevron"} />
          <CodeIcon />
          {isOpen ? "Hide SQL" : "Show SQL"}
          <span className="muted sql-lines">
            {lines} {lines === 1 ? "line" : "lines"}
          </span>
        </button>
        <button type="button" className={`ghost-button copy-button ${copyState}`} onClick={() => copy(pretty)} aria-label={copyState === "copied" ? "SQL copied" : "Copy SQL"}>
          {copyState === "copied" ? <CheckIcon /> : <CopyIcon />}
          <span aria-hidden="true">{copyState === "copied" ? "Copied" : copyState === "failed" ? "Copy failed" : "Copy"}</span>
        </button>
        <span className="sr-only" role="status">
          {copyState === "copied" ? "SQL copied to the clipboard" : copyState === "failed" ? "Could not copy the SQL" : ""}
        </span>
      </div>
      <div id={panelId} className="sql-panel" hidden={!isOpen}>
        <pre tabIndex={0} aria-label="SQL query">
          <code>
            {tokens.map((t, i) =>
              t.kind === "space" || t.kind === "identifier" || t.kind === "punctuation" ? (
                t.text
              ) : (
                <span key={i} className={`tok-${t.kind}`}>
                  {t.text}
                </span>
              ),
            )}
          </code>
        </pre>
      </div>
    </section>
  );
}
