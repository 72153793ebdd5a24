import { useQuery } from "urql";
import { graphql } from "../../graphql";
import { errorCode, errorMessage } from "../../lib/errors";

const SessionMessages = graphql(`
  query SessionMessages($id: ID!) {
    session(id: $id) {
      id
      title
      status
      readOnly
      messages(first: 100) {
        edges {
          node { id role kind content createdAt }
        }
      }
    }
  }
`);

export function ChatView({ sessionId }: { sessionId: string }) {
  const [{ data, error, fetching }] = useQuery({ query: SessionMessages, variables: { id: sessionId } });
  if (fetching && !data) return <section className="chat loading" aria-busy="true" />;
  if (error) {
    return (
      <section className="chat">
        <div className="empty-state">
          <h2>{errorCode(error) === "NOT_FOUND" ? "This chat does not exist" : "Could not load this chat"}</h2>
          <p className="muted">{errorMessage(error)}</p>
        </div>
      </section>
    );
  }
  const session = data!.session;
  const messages = session.messages.edges.map((e) => e.node);
  return (
    <section className="chat" aria-label={session.title}>
      <header className="chat-header">
        <h1>{session.title}</h1>
        {session.readOnly && <span className={`badge ${session.status.toLowerCase()}`}>{session.status.toLowerCase()} · read-only</span>}
      </header>
      <ol className="messages" aria-live="polite">
        {messages.length === 0 && (
          <li className="empty-state">
            <h2>Ask your data a question</h2>
            <p className="muted">For example “What’s the total revenue?”, then “Show by region”.</p>
          </li>
        )}
        {messages.map((m) => (
          <li key={m.id} className={`message ${m.role.toLowerCase()}`}>
            {m.content}
          </li>
        ))}
      </ol>
    </section>
  );
}
