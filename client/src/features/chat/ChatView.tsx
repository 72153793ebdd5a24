import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useMutation, useQuery } from "urql";
import { errorCode, errorMessage } from "../../lib/errors.ts";
import { ConfirmDialog } from "../../ui/ConfirmDialog.tsx";
import { ArchiveIcon } from "../../ui/icons.tsx";
import { useNotify } from "../../ui/toast.tsx";
import { AnswerCard } from "../answer/AnswerCard.tsx";
import type { ProgressEvent } from "../answer/types.ts";
import { Composer } from "./Composer.tsx";
import { DataSourcePicker } from "./DataSourcePicker.tsx";
import { AskableDataSources, EndSession, SelectDataSource, SessionConversation } from "./operations.ts";
import { RunAnswer } from "./RunAnswer.tsx";
import { buildTurns, type ConversationMessage, type PendingTurn, type Turn } from "./turns.ts";
import { useAsk, type AskRequest } from "./use-ask.ts";

export interface ChatViewProps {
  sessionId: string;
  onNewChat: () => void;
}

/** A question on its way to the server: the stepper shows the first stage at once. */
const sendingEvents: ProgressEvent[] = [{ seq: 0, stage: "UNDERSTAND", status: "STARTED", durationMs: null, payload: { message: "Sending…" }, at: new Date(0).toISOString() }];

let pendingKeys = 0;

const reducedMotion = () => typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

interface TurnViewProps {
  turn: Turn;
  latest: boolean;
  readOnly: boolean;
  /** Asked in this view: the turn takes the screen's height so its question can sit at the top. */
  fill: boolean;
  onAsk: (r: AskRequest) => void;
  onSelectDataSource: (id: string) => void;
  onRefined: (run: { id: string; question: string }) => void;
}

function TurnView({ turn, latest, readOnly, fill, onAsk, onSelectDataSource, onRefined }: TurnViewProps) {
  return (
    <li className={fill ? "turn fill" : "turn"} data-turn={turn.key}>
      {turn.question && (
        <div className="bubble user">
          <span className="sr-only">You asked: </span>
          {turn.question}
        </div>
      )}
      {turn.runId ? (
        <RunAnswer runId={turn.runId} reply={turn.reply} latest={latest} readOnly={readOnly} onAsk={onAsk} onSelectDataSource={onSelectDataSource} onRefined={onRefined} />
      ) : turn.error ? (
        <AnswerCard error={{ code: turn.error.code, message: turn.error.message }} onRetry={readOnly || !turn.question ? undefined : () => onAsk({ message: turn.question! })} />
      ) : (
        <AnswerCard events={sendingEvents} />
      )}
    </li>
  );
}

/** One conversation: its turns (stored and live), the data-source choice and the question box. */
export function ChatView({ sessionId, onNewChat }: ChatViewProps) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: SessionConversation, variables: { id: sessionId }, requestPolicy: "cache-and-network" });
  const [sources] = useQuery({ query: AskableDataSources, requestPolicy: "cache-first" });
  const [, selectDataSource] = useMutation(SelectDataSource);
  const [endState, endSession] = useMutation(EndSession);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [pending, setPending] = useState<PendingTurn[]>([]);
  const [scrollTo, setScrollTo] = useState<string | null>("last");
  const ask = useAsk();
  const notify = useNotify();
  const scroller = useRef<HTMLDivElement>(null);

  const session = data?.session;
  const messages = useMemo(() => (session?.messages.edges.map((e) => e.node) ?? []) as ConversationMessage[], [session]);
  const turns = useMemo(() => buildTurns(messages, pending), [messages, pending]);
  const readOnly = session?.readOnly ?? false;

  const reload = useCallback(() => refetch({ requestPolicy: "network-only" }), [refetch]);

  const onAsk = useCallback(
    async (request: AskRequest) => {
      const key = `pending-${++pendingKeys}`;
      setPending((list) => [...list, { key, question: request.message, runId: null, error: null }]);
      setScrollTo(key);
      const outcome = await ask(request, sessionId);
      setPending((list) =>
        list.map((p) => (p.key !== key ? p : outcome.ok ? { ...p, runId: outcome.runId, question: outcome.question } : { ...p, error: { code: outcome.code, message: outcome.message } })),
      );
      if (outcome.ok) reload();
      else if (outcome.code === "SESSION_READ_ONLY") reload();
    },
    [ask, sessionId, reload],
  );

  const onSelectDataSource = useCallback(
    async (dataSourceId: string | null) => {
      if (!dataSourceId) return;
      const result = await selectDataSource({ input: { sessionId, dataSourceId } });
      const run = result.data?.selectDataSource.run;
      if (result.error) notify(errorMessage(result.error) ?? "Could not switch the data source.", "error");
      else if (run) {
        const key = `pending-${++pendingKeys}`;
        setPending((list) => [...list, { key, question: run.question, runId: run.id, error: null }]);
        setScrollTo(key);
        reload();
      } else {
        notify(`Questions now go to ${result.data?.selectDataSource.session.dataSource?.name ?? "the chosen data source"}.`, "success");
      }
    },
    [selectDataSource, sessionId, notify, reload],
  );

  const onRefined = useCallback(
    (run: { id: string; question: string }) => {
      const key = `pending-${++pendingKeys}`;
      setPending((list) => [...list, { key, question: run.question, runId: run.id, error: null }]);
      setScrollTo(key);
      reload();
    },
    [reload],
  );

  // Opening a chat shows its end and stays there while answers load (unless the reader scrolls
  // away); a new question scrolls to the top so its answer grows below it.
  const pinned = useRef(true);
  const autoScrollUntil = useRef(0);
  useEffect(() => {
    const box = scroller.current;
    const content = box?.firstElementChild;
    if (!box || !content || typeof ResizeObserver === "undefined") return;
    const onScroll = () => {
      // Our own smooth scroll is not the reader choosing where to be.
      if (Date.now() < autoScrollUntil.current) return;
      pinned.current = box.scrollHeight - box.scrollTop - box.clientHeight < 48;
    };
    const observer = new ResizeObserver(() => {
      if (pinned.current) box.scrollTop = box.scrollHeight;
    });
    observer.observe(content);
    box.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      observer.disconnect();
      box.removeEventListener("scroll", onScroll);
    };
  }, [session !== undefined, turns.length === 0]);

  useEffect(() => {
    if (!scrollTo || !scroller.current || turns.length === 0) return;
    const box = scroller.current;
    if (scrollTo === "last") {
      box.scrollTop = box.scrollHeight;
      setScrollTo(null);
      return;
    }
    const target = box.querySelector<HTMLElement>(`[data-turn="${scrollTo}"]`);
    if (target) {
      // Scroll only the conversation (scrollIntoView would also move the clipped app shell).
      pinned.current = false;
      autoScrollUntil.current = Date.now() + 1000;
      const top = target.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - 16;
      box.scrollTo({ top, behavior: reducedMotion() ? "auto" : "smooth" });
      setScrollTo(null);
    }
  }, [scrollTo, turns.length]);

  if (!session) {
    if (error) {
      const missing = errorCode(error) === "NOT_FOUND" || errorCode(error) === "BAD_USER_INPUT";
      return (
        <div className="chat-body">
          <div className="empty-panel">
            <h1 tabIndex={-1} id="main-heading">
              {missing ? "This chat does not exist" : "Could not load this chat"}
            </h1>
            <p className="muted">{missing ? "It may have been deleted, or it belongs to another account." : errorMessage(error)}</p>
            <div className="row">
              {!missing && (
                <button type="button" className="ghost-button" onClick={reload}>
                  Try again
                </button>
              )}
              <button type="button" className="primary" onClick={onNewChat}>
                New chat
              </button>
            </div>
          </div>
        </div>
      );
    }
    return (
      <div className="chat-body" aria-busy={fetching}>
        <div className="turns skeleton-turns" aria-label="Loading the conversation">
          <span className="skeleton bubble-skeleton" />
          <span className="skeleton card-skeleton" />
        </div>
      </div>
    );
  }

  const sourceList = sources.data?.dataSources.edges.map((e) => e.node) ?? [];
  const status = session.status.toLowerCase();
  return (
    <>
      <div className="chat-toolbar">
        <h1 className="chat-title" tabIndex={-1} id="main-heading" title={session.title}>
          {session.title}
        </h1>
        {session.status !== "ACTIVE" && <span className={`badge status ${status}`}>{status}</span>}
        <DataSourcePicker sources={sourceList} value={session.dataSource?.id ?? null} allowAuto={!session.dataSource} disabled={readOnly} onChange={(id) => void onSelectDataSource(id)} />
        {!readOnly && (
          <button type="button" className="ghost-button end-chat" aria-label="End chat" onClick={() => setConfirmEnd(true)} title="Close this chat: its answers stay, it takes no more questions">
            <ArchiveIcon /> <span className="end-chat-label">End chat</span>
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirmEnd}
        title="End this chat?"
        confirmLabel="End chat"
        busy={endState.fetching}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={async () => {
          const result = await endSession({ input: { id: sessionId } });
          setConfirmEnd(false);
          if (result.error) notify(errorMessage(result.error) ?? "Could not end the chat.", "error");
        }}
      >
        <p>Its answers stay readable here and in exports, but it takes no more questions.</p>
      </ConfirmDialog>
      <div className="chat-body" ref={scroller}>
        {turns.length === 0 ? (
          <div className="empty-panel">
            <h2>Ask your data a question</h2>
            <p className="muted">For example “What’s the total revenue?”, then “Show by region”.</p>
          </div>
        ) : (
          <ol className="turns" aria-label="Conversation">
            {turns.map((turn, i) => (
              <TurnView key={turn.key} turn={turn} latest={i === turns.length - 1} fill={i === turns.length - 1 && turn.key.startsWith("pending-")} readOnly={readOnly} onAsk={(r) => void onAsk(r)} onSelectDataSource={(id) => void onSelectDataSource(id)} onRefined={onRefined} />
            ))}
          </ol>
        )}
      </div>
      <div className="composer-dock">
        <Composer
          autoFocus
          onSend={(message) => void onAsk({ message })}
          disabled={readOnly}
          placeholder="Ask a follow-up…"
          disabledReason={
            <>
              <span>
                This chat has {status === "expired" ? "expired" : "ended"}: its answers stay here, but it takes no more questions.
              </span>
              <button type="button" className="primary small" onClick={onNewChat}>
                New chat
              </button>
            </>
          }
        />
      </div>
    </>
  );
}
