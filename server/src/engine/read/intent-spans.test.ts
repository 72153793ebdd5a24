import { describe, expect, it } from "vitest";
import { explain } from "../explain.ts";
import { plan } from "../plan.ts";
import { embeddedModel, itAnswers, type Turn } from "../testing/embedded.ts";

// A help desk: tickets with three dates, answered by agents.
const SCHEMA = `
CREATE TABLE agents (agent_id int PRIMARY KEY, agent_name text);
CREATE TABLE tickets (ticket_id int PRIMARY KEY, agent_id int REFERENCES agents, subject text, opened_on date NOT NULL, first_reply_on date, resolved_on date);
CREATE TABLE calls (call_id int PRIMARY KEY, agent_id int REFERENCES agents, duration_seconds int);
CREATE TABLE staff (staff_id int PRIMARY KEY, full_name text, hire_date date, birth_date date);
INSERT INTO staff VALUES (1, 'Ann Lee', '2019-03-01', '1990-05-05'), (2, 'Bo Chen', '2015-07-15', '1985-01-20'), (3, 'Cy Diaz', '2021-01-10', '1998-11-30');
INSERT INTO agents VALUES (1, 'Ada'), (2, 'Grace');
INSERT INTO calls SELECT g, 1 + g % 2, 60 + (g * 37) % 500 FROM generate_series(1, 40) g;
INSERT INTO tickets SELECT g, 1 + g % 2, 'Ticket ' || g, DATE '2024-01-01' + g, DATE '2024-01-01' + g + g % 3, CASE WHEN g % 5 = 0 THEN NULL ELSE DATE '2024-01-01' + g + g % 7 END FROM generate_series(1, 60) g;
`;

const CONVERSATIONS: Turn[][] = [
  [["average number of days between opening and resolution", "SELECT avg(resolved_on - opened_on) FROM tickets"]],
  [["How long between opened on and first reply on?", "SELECT avg(first_reply_on - opened_on) FROM tickets"]],
  [
    ["average days from opened on to resolved on per agent", "SELECT a.agent_name, avg(t.resolved_on - t.opened_on) FROM tickets t JOIN agents a USING (agent_id) GROUP BY a.agent_id, a.agent_name"],
    ["what about the maximum instead", "SELECT a.agent_name, max(t.resolved_on - t.opened_on) FROM tickets t JOIN agents a USING (agent_id) GROUP BY a.agent_id, a.agent_name"],
  ],
  [["On average, how many days does it take to resolve a ticket?", "SELECT avg(resolved_on - opened_on) FROM tickets"]],
  [["how long were the calls of Ada in minutes?", "SELECT sum(c.duration_seconds) / 60.0 FROM calls c JOIN agents a USING (agent_id) WHERE a.agent_name = 'Ada'"]],
  [["who has been with the company the longest?", "SELECT full_name FROM staff ORDER BY hire_date LIMIT 1"]],
  [["who is the youngest?", "SELECT full_name FROM staff ORDER BY birth_date DESC LIMIT 1"]],
  [["longest time between opening and resolution by month", "SELECT date_trunc('month', opened_on), max(resolved_on - opened_on) FROM tickets GROUP BY 1"]],
];

describe("time between two dates of the same rows", () => {
  const embedded = embeddedModel(SCHEMA);
  itAnswers(embedded, CONVERSATIONS);

  it("says what it measures, and leaves unrelated 'between' questions alone", () => {
    const { model } = embedded;
    const outcome = plan({ question: "average days between opening and resolution", model });
    expect(outcome.kind).toBe("query");
    if (outcome.kind !== "query") return;
    expect(outcome.spec.measures).toEqual([{ kind: "field", agg: "avg", field: { entity: "tickets", field: "resolved_on" }, since: { entity: "tickets", field: "opened_on" } }]);
    expect(explain(outcome.spec, model).toLowerCase()).toContain("days from ticket opened on to ticket resolved on");

    const range = plan({ question: "tickets opened between 2024-01-10 and 2024-01-20", model });
    expect(range.kind === "query" && range.spec.measures).toEqual([]);
  });
});
