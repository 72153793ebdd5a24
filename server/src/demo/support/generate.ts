/** The support demo: a SaaS company's help desk with accounts, agents, tickets and their timelines, 2022–2024. */

import { day, isoDate, isoTimestamp, type Day } from "../calendar.ts";
import { randomPerson, uniqueEmail, uniqueName } from "../names.ts";
import { Random } from "../random.ts";
import { SqlScript } from "../sql-script.ts";
import { accountNameEnds, accountNameStarts, countries, industries, plans, priorities, slaTargets, teams, type TeamKey } from "./reference.ts";
import { supportTables } from "./schema.ts";
import { simulateTickets, type Account, type Agent } from "./tickets.ts";

const ACCOUNT_COUNT = 460;
const SIGNUPS_FROM = day(2020, 1, 6);
const SIGNUPS_UNTIL = day(2024, 11, 29);
const LAST_DAY = day(2024, 12, 31);
const MONTHLY_CHURN: Record<string, number> = { Free: 0.025, Starter: 0.015, Business: 0.008, Enterprise: 0.004 };

function buildAccounts(rng: Random): { accounts: Account[]; rows: Record<string, string | number | null>[] } {
  const names = new Set<string>();
  const accounts: Account[] = [];
  const rows: Record<string, string | number | null>[] = [];
  for (let id = 1; id <= ACCOUNT_COUNT; id++) {
    const plan = rng.weighted(plans, plans.map((p) => p.weight));
    // The square root skews signups later: the customer base grows.
    const signup = SIGNUPS_FROM + Math.floor(Math.sqrt(rng.next()) * (SIGNUPS_UNTIL - SIGNUPS_FROM));
    let churn: Day | null = null;
    for (let month = signup + 30; month <= LAST_DAY && churn === null; month += 30) {
      if (rng.chance(MONTHLY_CHURN[plan.name]!)) churn = Math.min(LAST_DAY, month + rng.int(0, 29));
    }
    accounts.push({ id, plan: plan.name, signup, churn });
    rows.push({
      account_id: id,
      name: uniqueName(rng, names, (r) => `${r.pick(accountNameStarts)}${r.pick(accountNameEnds)}`),
      plan: plan.name,
      industry: rng.pick(industries),
      country: rng.weighted(countries, countries.map((c) => c.weight)).name,
      seats: rng.int(plan.seats[0], plan.seats[1]),
      signup_date: isoDate(signup),
      status: churn === null ? "Active" : "Churned",
      churn_date: churn === null ? null : isoDate(churn),
    });
  }
  // Ids follow signup order, as they would in the product's own database.
  const order = accounts.map((a, i) => i).sort((a, b) => accounts[a]!.signup - accounts[b]!.signup || a - b);
  return {
    accounts: order.map((i, k) => ({ ...accounts[i]!, id: k + 1 })),
    rows: order.map((i, k) => ({ ...rows[i]!, account_id: k + 1 })),
  };
}

/** Each seat on a team is held by one agent at a time; about a third of seats changed hands in 2022–2024. */
function buildAgents(rng: Random): Agent[] {
  const agents: Agent[] = [];
  for (const team of teams) {
    for (let seat = 0; seat < team.agents; seat++) {
      const first: Agent = { id: 0, team: team.key, hired: day(2019, 3, 4) + rng.int(0, 1000), left: null, skill: rng.next() * 0.7 - 0.4 };
      agents.push(first);
      if (rng.chance(0.35)) {
        first.left = day(2022, 2, 1) + rng.int(0, 1000);
        agents.push({ id: 0, team: team.key, hired: first.left - rng.int(5, 30), left: null, skill: rng.next() * 0.7 - 0.4 });
      }
    }
  }
  agents.sort((a, b) => a.hired - b.hired);
  agents.forEach((a, i) => (a.id = i + 1));
  return agents;
}

export function generateSupport(): string {
  const rng = new Random("agentmedha-demo-support");
  const script = new SqlScript("AgentMedha demo dataset: Customer support (help desk tickets of a software company, 2022–2024)");
  for (const table of supportTables) script.createTable(table);

  const { accounts, rows: accountRows } = buildAccounts(rng.fork("accounts"));
  script.insert("accounts", accountRows);
  const teamId = (key: TeamKey) => teams.findIndex((t) => t.key === key) + 1;
  script.insert("teams", teams.map((t) => ({ team_id: teamId(t.key), name: t.name, description: t.description })));
  const agentRng = rng.fork("agents");
  const agents = buildAgents(agentRng);
  const emails = new Set<string>();
  script.insert("agents", agents.map((a) => {
    const person = randomPerson(agentRng);
    return {
      agent_id: a.id, full_name: `${person.firstName} ${person.lastName}`, email: uniqueEmail(person, "support.example.com", emails),
      team_id: teamId(a.team), hire_date: isoDate(a.hired), leave_date: a.left === null ? null : isoDate(a.left),
    };
  }));
  script.insert("sla_policies", priorities.map((p) => ({ priority: p, first_response_hours: slaTargets[p].firstResponse, resolution_hours: slaTargets[p].resolution })));

  const { tickets, events } = simulateTickets(rng.fork("tickets"), accounts, agents);
  const stamp = (m: number | null) => (m === null ? null : isoTimestamp(m));
  script.insert("tickets", tickets.map((t) => ({
    ticket_id: t.id, account_id: t.accountId, team_id: teamId(t.team), agent_id: t.agentId, subject: t.subject, category: t.category,
    priority: t.priority, channel: t.channel, status: t.status, created_at: stamp(t.created), first_response_at: stamp(t.firstResponse),
    resolved_at: stamp(t.resolved), satisfaction_score: t.satisfaction,
  })));
  script.insert("ticket_events", events.map((e, i) => ({
    event_id: i + 1, ticket_id: e.ticketId, event_type: e.type, agent_id: e.agentId, created_at: isoTimestamp(e.at),
  })));
  return script.toString();
}

