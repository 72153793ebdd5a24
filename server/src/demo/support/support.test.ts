import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, column, inspectStructure, loadDemoScript, rowCounts, scalar, type DemoTestDb } from "../test-databases.ts";
import { generateSupport } from "./generate.ts";

const script = generateSupport();

describe.each(backends)("support demo loaded into %s", (backend) => {
  let db: DemoTestDb;
  beforeAll(async () => {
    db = await loadDemoScript(backend, "demosupport", script);
  });
  afterAll(() => db?.close());

  it("has keys, comments, statistics and only resolving foreign keys", async () => {
    const s = await inspectStructure(db);
    expect(s.tables).toEqual(["accounts", "agents", "sla_policies", "teams", "ticket_events", "tickets"]);
    expect(s.foreignKeys).toBe(7);
    expect(s).toMatchObject({ tablesWithoutPrimaryKey: [], tablesWithoutComment: [], columnsWithoutComment: [], tablesWithoutStatistics: [], danglingReferences: [] });
  });

  it("has row counts in the intended ranges", async () => {
    const n = await rowCounts(db, ["accounts", "teams", "agents", "sla_policies", "tickets", "ticket_events"]);
    expect(n).toMatchObject({ accounts: 460, teams: 4, sla_policies: 4 });
    expect(n.agents).toBeGreaterThanOrEqual(27);
    expect(n.tickets).toBeGreaterThan(4500);
    expect(n.tickets).toBeLessThan(6500);
    expect(n.ticket_events).toBeGreaterThan(n.tickets! * 2);
    expect(n.ticket_events).toBeLessThan(n.tickets! * 6);
  });

  it("opens tickets in every month of 2022–2024 from accounts that existed then, with a visible outage in June 2023", async () => {
    expect(await column(db, "SELECT min(created_at)::date::text || ' ' || max(created_at)::date::text FROM tickets")).toEqual(["2022-01-01 2024-12-31"]);
    expect(await scalar(db, "SELECT count(DISTINCT date_trunc('month', created_at))::int FROM tickets")).toBe(36);
    expect(await scalar(db, `
      SELECT count(*)::int FROM tickets t JOIN accounts a USING (account_id)
      WHERE t.created_at::date < a.signup_date OR t.created_at::date >= a.churn_date`)).toBe(0);
    const june = await scalar(db, "SELECT count(*)::int FROM tickets WHERE category = 'Performance' AND date_trunc('month', created_at) = TIMESTAMP '2023-06-01'");
    const typical = await scalar(db, "SELECT (count(*) / 36.0)::float8 FROM tickets WHERE category = 'Performance'");
    expect(june).toBeGreaterThan(typical * 3);
  });

  it("keeps timestamps, status, resolution and satisfaction consistent", async () => {
    expect(await scalar(db, "SELECT count(*)::int FROM tickets WHERE first_response_at < created_at OR resolved_at < first_response_at OR resolved_at >= TIMESTAMP '2025-01-01'")).toBe(0);
    expect(await scalar(db, "SELECT count(*)::int FROM tickets WHERE (resolved_at IS NULL) <> (status IN ('Open', 'Pending'))")).toBe(0);
    expect(await scalar(db, "SELECT count(*)::int FROM tickets WHERE satisfaction_score IS NOT NULL AND status <> 'Resolved'")).toBe(0);
    expect(await column(db, "SELECT status FROM tickets GROUP BY 1 ORDER BY 1")).toEqual(["Closed", "Open", "Pending", "Resolved"]);
    expect(await column(db, "SELECT satisfaction_score FROM tickets WHERE satisfaction_score IS NOT NULL GROUP BY 1 ORDER BY 1")).toEqual(["1", "2", "3", "4", "5"]);
    // Missing the resolution target costs satisfaction.
    const [onTime, late] = await Promise.all(["<=", ">"].map((op) => scalar(db, `
      SELECT avg(satisfaction_score)::float8 FROM tickets t JOIN sla_policies p USING (priority)
      WHERE t.resolved_at - t.created_at ${op} make_interval(hours => p.resolution_hours)`)));
    expect(onTime! - late!).toBeGreaterThan(0.5);
  });

  it("routes tickets to the right team and to agents employed at the time", async () => {
    expect(await scalar(db, "SELECT count(*)::int FROM tickets t JOIN agents a USING (agent_id) WHERE a.team_id <> t.team_id")).toBe(0);
    expect(await scalar(db, `
      SELECT count(*)::int FROM tickets t JOIN agents a USING (agent_id)
      WHERE t.created_at::date < a.hire_date OR t.created_at::date >= a.leave_date`)).toBe(0);
    expect(await column(db, `
      SELECT DISTINCT m.name FROM tickets t JOIN accounts a USING (account_id) JOIN teams m ON m.team_id = t.team_id WHERE a.plan = 'Enterprise'`)).toEqual(["Enterprise Success"]);
    expect(await scalar(db, "SELECT count(*)::int FROM tickets WHERE agent_id IS NULL AND status <> 'Open'")).toBe(0);
  });

  it("keeps each ticket's events inside its lifetime and ends resolved tickets with a resolving event", async () => {
    expect(await scalar(db, `
      SELECT count(*)::int FROM ticket_events e JOIN tickets t USING (ticket_id)
      WHERE e.created_at < t.created_at OR e.created_at > coalesce(t.resolved_at, TIMESTAMP '2024-12-31 23:59')`)).toBe(0);
    expect(await scalar(db, `
      SELECT count(*)::int FROM tickets t WHERE t.resolved_at IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.ticket_id AND e.created_at = t.resolved_at AND e.event_type IN ('resolved', 'closed'))`)).toBe(0);
    expect(await scalar(db, `
      SELECT count(*)::int FROM tickets t WHERE t.first_response_at IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.ticket_id AND e.created_at = t.first_response_at AND e.event_type = 'agent_reply')`)).toBe(0);
    expect(await scalar(db, "SELECT count(DISTINCT ticket_id)::int FROM ticket_events WHERE event_type = 'reopened'")).toBeGreaterThan(100);
  });
});
