/**
 * Simulates the help desk from 2022 to 2024: ticket arrivals that follow the
 * customer base, weekdays and a few incidents; response and resolution times
 * shaped by priority, channel and category; satisfaction that drops when
 * targets are missed; and each ticket's timeline of events.
 */

import { day, minuteOf, monthOf, parseIsoDate, weekdayOf, yearOf, type Day, type Minute } from "../calendar.ts";
import { WeightedTable, type Random } from "../random.ts";
import {
  categories, channels, firstResponseMinutes, hourWeights, incidents, plans, priorities, slaTargets,
  type Category, type Channel, type Plan, type Priority, type TeamKey,
} from "./reference.ts";

export interface Account { id: number; plan: Plan; signup: Day; churn: Day | null }
export interface Agent { id: number; team: TeamKey; hired: Day; left: Day | null; skill: number }

export type EventType = "agent_reply" | "customer_reply" | "internal_note" | "escalated" | "resolved" | "reopened" | "closed";
export interface TicketEvent { ticketId: number; type: EventType; agentId: number | null; at: Minute }

export interface Ticket {
  id: number;
  accountId: number;
  team: TeamKey;
  agentId: number | null;
  subject: string;
  category: Category;
  priority: Priority;
  channel: Channel;
  status: "Open" | "Pending" | "Resolved" | "Closed";
  created: Minute;
  firstResponse: Minute | null;
  resolved: Minute | null;
  satisfaction: number | null;
}

const FIRST_DAY = day(2022, 1, 1);
const LAST_DAY = day(2024, 12, 31);
const NOW = minuteOf(day(2025, 1, 1));
const REGULAR_TICKETS = 4800;
const MONTH_FACTORS = [1.12, 1.05, 1.02, 1, 0.98, 0.96, 0.92, 0.88, 1.02, 1.04, 1, 0.82];
const CHANNEL_SPEED: Record<Channel, number> = { Email: 1, Chat: 0.08, "Web form": 1.1, Phone: 0.02 };
const PRIORITY_SPEED: Record<Priority, number> = { Low: 1.4, Medium: 1, High: 0.55, Urgent: 0.3 };
/** Teams got faster over the years (more staff, better tooling). */
const YEAR_SPEED: Record<number, number> = { 2022: 1.15, 2023: 1, 2024: 0.8 };

const active = (from: Day, until: Day | null, d: Day) => from <= d && (until === null || until > d);

export function simulateTickets(rng: Random, accounts: Account[], agents: Agent[]): { tickets: Ticket[]; events: TicketEvent[] } {
  const rate = new Map(plans.map((p) => [p.name, p.ticketRate]));
  const incidentDays = new Map<Day, { category: Category; tickets: number }>();
  for (const i of incidents) {
    for (let k = 0; k < i.days; k++) incidentDays.set(parseIsoDate(i.start) + k, { category: i.category, tickets: Math.round((i.tickets * (i.days - k)) / ((i.days * (i.days + 1)) / 2)) });
  }

  const weights: number[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    let load = 0;
    for (const a of accounts) if (active(a.signup, a.churn, d)) load += rate.get(a.plan)!;
    const weekday = weekdayOf(d);
    weights.push(load * (weekday === 0 || weekday === 6 ? 0.3 : 1) * MONTH_FACTORS[monthOf(d) - 1]!);
  }
  const total = weights.reduce((s, w) => s + w, 0);

  const tickets: Ticket[] = [];
  const events: TicketEvent[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    const open = accounts.filter((a) => active(a.signup, a.churn, d));
    const byRate = new WeightedTable(open, open.map((a) => rate.get(a.plan)!));
    const incident = incidentDays.get(d);
    const regular = rng.round((REGULAR_TICKETS * weights[d - FIRST_DAY]!) / total);
    for (let n = 0; n < regular + (incident?.tickets ?? 0); n++) {
      const account = byRate.pick(rng);
      const during = n >= regular ? incident : undefined;
      const ticket = createTicket(rng, tickets.length + 1, account, d, during?.category, agents, events);
      tickets.push(ticket);
    }
  }
  events.sort((a, b) => a.at - b.at || a.ticketId - b.ticketId);
  return { tickets, events };
}

function pickAgent(rng: Random, agents: Agent[], team: TeamKey, d: Day): Agent {
  const staying = agents.filter((a) => a.team === team && active(a.hired, a.left, d) && (a.left === null || a.left > d + 30));
  const available = staying.length > 0 ? staying : agents.filter((a) => a.team === team && active(a.hired, a.left, d));
  return rng.pick(available);
}

function createTicket(rng: Random, id: number, account: Account, d: Day, incident: Category | undefined, agents: Agent[], events: TicketEvent[]): Ticket {
  const category = incident ? categories.find((c) => c.name === incident)! : rng.weighted(categories, categories.map((c) => c.weight));
  let priorityIndex = priorities.indexOf(rng.weighted(priorities, category.priorities));
  if (incident || (account.plan === "Enterprise" && rng.chance(0.25))) priorityIndex = Math.min(3, priorityIndex + 1);
  const priority = priorities[priorityIndex]!;
  const years = (d - FIRST_DAY) / 365.25;
  const phone = account.plan === "Business" || account.plan === "Enterprise" ? 10 : 0;
  const channel = rng.weighted(channels, [40, 30 * (1 + 0.25 * years), 20, phone]);
  const firstTeam: TeamKey = account.plan === "Enterprise" ? "enterprise" : category.team;
  const escalated = firstTeam === "frontline" && (category.name === "How-to" || category.name === "Account access") && rng.chance(0.07);
  const agent = pickAgent(rng, agents, firstTeam, d);
  const specialist = escalated ? pickAgent(rng, agents, "technical", d) : agent;

  const created = minuteOf(d, rng.weighted(hourWeights.map((_, h) => h), hourWeights), rng.int(0, 59));
  const weekend = weekdayOf(d) === 0 || weekdayOf(d) === 6;
  const r = rng.next();
  // A long tail of slow first replies (busy days, hand-offs) is what breaks response targets.
  const tail = rng.chance(0.15) ? 1 + 2 * rng.next() : 0;
  const wait = firstResponseMinutes[priority] * CHANNEL_SPEED[channel] * YEAR_SPEED[yearOf(d)]! * (0.15 + 1.5 * r * r + tail)
    * (weekend && priorityIndex < 2 ? 3 : 1) * (incident ? 2.5 : 1);
  const firstResponse = created + Math.max(1, Math.round(wait));
  // Some customers stop answering: the ticket waits as Pending and is closed after a couple of weeks.
  const silent = rng.chance(0.06);
  const closedWithoutFix = silent || rng.chance(0.03);
  // Some bugs, integrations and feature requests wait weeks for a fix or a release.
  const waitsForRelease = (category.name === "Bug" || category.name === "Integration" || category.name === "Feature request") && rng.chance(0.15);
  const handling = category.hours * 60 * PRIORITY_SPEED[priority] * YEAR_SPEED[yearOf(d)]!
    * (0.2 + 2.5 * rng.next() * rng.next() + (rng.chance(0.08) ? 3 * rng.next() : 0)) * (waitsForRelease ? 15 : 1);
  const firstResolution = firstResponse + Math.max(5, Math.round(handling)) + (silent ? rng.int(7, 21) * 1440 : 0);
  const reopenAt = firstResolution + rng.int(60, 48 * 60);
  // A reopening after "now" has not happened yet.
  const reopened = rng.chance(0.07) && reopenAt < NOW;
  const resolved = reopened ? reopenAt + rng.int(120, 24 * 60) : firstResolution;

  const ticket: Ticket = {
    id, accountId: account.id, team: escalated ? "technical" : firstTeam, agentId: specialist.id, subject: rng.pick(category.subjects),
    category: category.name, priority, channel, status: closedWithoutFix ? "Closed" : "Resolved", created, firstResponse, resolved, satisfaction: null,
  };

  // The customer's first message is the ticket itself, so the timeline starts with the first reply.
  const timeline: TicketEvent[] = [];
  const add = (type: EventType, at: Minute, agentId: number | null) => timeline.push({ ticketId: id, type, agentId, at });
  add("agent_reply", firstResponse, agent.id);
  const span = firstResolution - firstResponse;
  const exchanges = rng.weighted([0, 1, 2, 3], [40, 35, 17, 8]);
  for (let i = 1; i <= exchanges; i++) {
    const at = firstResponse + Math.round((span * i) / (exchanges + 1));
    add("customer_reply", at - Math.max(1, Math.round(span / (exchanges + 1) / 3)), null);
    add("agent_reply", at, escalated && i === exchanges ? specialist.id : agent.id);
  }
  if (escalated) add("escalated", firstResponse + Math.max(1, Math.round(span / 4)), agent.id);
  if (rng.chance(0.1)) add("internal_note", firstResponse + Math.round(span / 2), specialist.id);
  add(closedWithoutFix && !reopened ? "closed" : "resolved", firstResolution, specialist.id);
  if (reopened) {
    add("reopened", reopenAt, null);
    add("agent_reply", reopenAt + Math.round((resolved - reopenAt) / 2), specialist.id);
    add(closedWithoutFix ? "closed" : "resolved", resolved, specialist.id);
  }

  if (firstResponse >= NOW) {
    ticket.status = "Open";
    ticket.firstResponse = null;
    ticket.resolved = null;
    if (rng.chance(0.5)) ticket.agentId = null;
  } else if (resolved >= NOW) {
    ticket.status = silent ? "Pending" : "Open";
    ticket.resolved = null;
  } else if (ticket.status === "Resolved" && rng.chance(0.42)) {
    const target = slaTargets[priority];
    const missedResponse = firstResponse - created > target.firstResponse * 60;
    const missedResolution = resolved - created > target.resolution * 60;
    const score = 4.4 - (missedResolution ? 1.1 : 0) - (missedResponse ? 0.5 : 0) - (reopened ? 0.9 : 0) + specialist.skill + rng.normal(0, 0.7);
    ticket.satisfaction = Math.min(5, Math.max(1, Math.round(score)));
  }
  for (const e of timeline) {
    if (e.at < NOW) events.push(e);
  }
  return ticket;
}
