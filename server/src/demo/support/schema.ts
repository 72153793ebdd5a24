/** Tables of the customer support demo. */

import type { TableDef } from "../sql-script.ts";

export const supportTables: TableDef[] = [
  {
    name: "accounts",
    comment: "Customer accounts of the software product that contact support.",
    columns: [
      { name: "account_id", type: "integer PRIMARY KEY", comment: "Account identifier." },
      { name: "name", type: "text NOT NULL UNIQUE", comment: "Company name of the account." },
      { name: "plan", type: "text NOT NULL CHECK (plan IN ('Free', 'Starter', 'Business', 'Enterprise'))", comment: "Subscription plan." },
      { name: "industry", type: "text NOT NULL", comment: "Industry of the account's company." },
      { name: "country", type: "text NOT NULL", comment: "Country of the account's company." },
      { name: "seats", type: "integer NOT NULL CHECK (seats > 0)", comment: "Number of user seats on the subscription." },
      { name: "signup_date", type: "date NOT NULL", comment: "Date the account was created." },
      { name: "status", type: "text NOT NULL CHECK (status IN ('Active', 'Churned'))", comment: "Active, or Churned when the account cancelled." },
      { name: "churn_date", type: "date", comment: "Date the account cancelled; empty while active." },
    ],
    constraints: ["CHECK ((status = 'Churned') = (churn_date IS NOT NULL))", "CHECK (churn_date IS NULL OR churn_date >= signup_date)"],
  },
  {
    name: "teams",
    comment: "Support teams; each ticket is handled by one team's queue.",
    columns: [
      { name: "team_id", type: "integer PRIMARY KEY", comment: "Team identifier." },
      { name: "name", type: "text NOT NULL UNIQUE", comment: "Team name." },
      { name: "description", type: "text NOT NULL", comment: "What the team handles." },
    ],
  },
  {
    name: "agents",
    comment: "Support agents who answer tickets.",
    columns: [
      { name: "agent_id", type: "integer PRIMARY KEY", comment: "Agent identifier." },
      { name: "full_name", type: "text NOT NULL", comment: "Agent's name." },
      { name: "email", type: "text NOT NULL UNIQUE", comment: "Work email address." },
      { name: "team_id", type: "integer NOT NULL REFERENCES teams (team_id)", comment: "Team the agent works in." },
      { name: "hire_date", type: "date NOT NULL", comment: "Date the agent started." },
      { name: "leave_date", type: "date", comment: "Date the agent left; empty for current agents." },
    ],
    constraints: ["CHECK (leave_date IS NULL OR leave_date > hire_date)"],
  },
  {
    name: "sla_policies",
    comment: "Service-level targets per ticket priority.",
    columns: [
      { name: "priority", type: "text PRIMARY KEY", comment: "Ticket priority the targets apply to." },
      { name: "first_response_hours", type: "integer NOT NULL CHECK (first_response_hours > 0)", comment: "Target hours from creation to the first agent reply." },
      { name: "resolution_hours", type: "integer NOT NULL CHECK (resolution_hours > 0)", comment: "Target hours from creation to resolution." },
    ],
  },
  {
    name: "tickets",
    comment: "Support tickets (cases) raised by accounts.",
    columns: [
      { name: "ticket_id", type: "integer PRIMARY KEY", comment: "Ticket number." },
      { name: "account_id", type: "integer NOT NULL REFERENCES accounts (account_id)", comment: "Account that raised the ticket." },
      { name: "team_id", type: "integer NOT NULL REFERENCES teams (team_id)", comment: "Team whose queue holds the ticket (after any escalation)." },
      { name: "agent_id", type: "integer REFERENCES agents (agent_id)", comment: "Agent assigned; empty while unassigned." },
      { name: "subject", type: "text NOT NULL", comment: "Subject line written by the customer." },
      { name: "category", type: "text NOT NULL CHECK (category IN ('How-to', 'Account access', 'Billing', 'Bug', 'Integration', 'Performance', 'Feature request'))", comment: "Topic of the ticket." },
      { name: "priority", type: "text NOT NULL REFERENCES sla_policies (priority)", comment: "Priority: Low, Medium, High or Urgent." },
      { name: "channel", type: "text NOT NULL CHECK (channel IN ('Email', 'Chat', 'Web form', 'Phone'))", comment: "How the customer contacted support." },
      { name: "status", type: "text NOT NULL CHECK (status IN ('Open', 'Pending', 'Resolved', 'Closed'))", comment: "Open (waiting for support), Pending (waiting for the customer), Resolved (answered or fixed) or Closed (closed without a fix, e.g. duplicate or no reply)." },
      { name: "created_at", type: "timestamp NOT NULL", comment: "When the ticket was opened (UTC)." },
      { name: "first_response_at", type: "timestamp", comment: "When an agent first replied (UTC); empty if not yet answered." },
      { name: "resolved_at", type: "timestamp", comment: "When the ticket was resolved or closed (UTC); empty while open or pending." },
      { name: "satisfaction_score", type: "integer CHECK (satisfaction_score BETWEEN 1 AND 5)", comment: "Customer satisfaction (CSAT) rating from 1 to 5, given after resolution; empty when the customer did not answer the survey." },
    ],
    constraints: [
      "CHECK (first_response_at IS NULL OR first_response_at >= created_at)",
      "CHECK (resolved_at IS NULL OR resolved_at >= first_response_at)",
      "CHECK ((resolved_at IS NOT NULL) = (status IN ('Resolved', 'Closed')))",
      "CHECK (satisfaction_score IS NULL OR status = 'Resolved')",
    ],
  },
  {
    name: "ticket_events",
    comment: "What happened on each ticket after it was opened: replies, notes, escalations, resolution and reopening.",
    columns: [
      { name: "event_id", type: "integer PRIMARY KEY", comment: "Event identifier." },
      { name: "ticket_id", type: "integer NOT NULL REFERENCES tickets (ticket_id)", comment: "Ticket the event belongs to." },
      { name: "event_type", type: "text NOT NULL CHECK (event_type IN ('agent_reply', 'customer_reply', 'internal_note', 'escalated', 'resolved', 'reopened', 'closed'))", comment: "What happened." },
      { name: "agent_id", type: "integer REFERENCES agents (agent_id)", comment: "Agent who acted; empty for customer and system events." },
      { name: "created_at", type: "timestamp NOT NULL", comment: "When it happened (UTC)." },
    ],
  },
];
