import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, column, inspectStructure, loadDemoScript, rowCounts, scalar, type DemoTestDb } from "../test-databases.ts";
import { generateHr } from "./generate.ts";

const script = generateHr();

describe.each(backends)("HR demo loaded into %s", (backend) => {
  let db: DemoTestDb;
  beforeAll(async () => {
    db = await loadDemoScript(backend, "demohr", script);
  });
  afterAll(() => db?.close());

  it("has keys, comments, statistics and only resolving foreign keys", async () => {
    const s = await inspectStructure(db);
    expect(s.tables).toEqual(["absences", "departments", "employees", "job_levels", "job_titles", "locations", "performance_reviews", "salary_history"]);
    expect(s.foreignKeys).toBe(10);
    expect(s).toMatchObject({ tablesWithoutPrimaryKey: [], tablesWithoutComment: [], columnsWithoutComment: [], tablesWithoutStatistics: [], danglingReferences: [] });
  });

  it("has row counts in the intended ranges", async () => {
    const n = await rowCounts(db, ["locations", "departments", "job_levels", "job_titles", "employees", "salary_history", "performance_reviews", "absences"]);
    expect(n).toMatchObject({ locations: 5, departments: 11, job_levels: 8 });
    expect(n.employees).toBeGreaterThan(450);
    expect(n.employees).toBeLessThan(700);
    expect(n.salary_history).toBeGreaterThan(n.employees! * 2);
    expect(n.performance_reviews).toBeGreaterThan(1000);
    expect(n.absences).toBeGreaterThan(3000);
    expect(n.absences).toBeLessThan(10000);
    const active = await scalar(db, "SELECT count(*)::int FROM employees WHERE employment_status = 'Active'");
    expect(active).toBeGreaterThan(300);
    expect(active).toBeLessThan(370);
  });

  it("forms one management tree under the chief executive, with current staff reporting to current managers", async () => {
    expect(await column(db, "SELECT t.title FROM employees e JOIN job_titles t USING (job_title_id) WHERE e.manager_id IS NULL")).toEqual(["Chief Executive Officer"]);
    const reached = await scalar(db, `
      WITH RECURSIVE tree AS (
        SELECT employee_id, 0 AS depth FROM employees WHERE manager_id IS NULL
        UNION ALL SELECT e.employee_id, t.depth + 1 FROM employees e JOIN tree t ON e.manager_id = t.employee_id WHERE t.depth < 20)
      SELECT count(*)::int FROM tree`);
    expect(reached).toBe(await scalar(db, "SELECT count(*)::int FROM employees"));
    expect(await scalar(db, "SELECT count(*)::int FROM employees e JOIN employees m ON m.employee_id = e.manager_id WHERE e.termination_date IS NULL AND m.termination_date IS NOT NULL")).toBe(0);
    expect(await scalar(db, `
      SELECT count(*)::int FROM employees e JOIN employees m ON m.employee_id = e.manager_id
      JOIN job_titles t ON t.job_title_id = m.job_title_id JOIN job_levels l USING (level_id) WHERE l.track = 'Individual contributor'`)).toBe(0);
    expect(await scalar(db, "SELECT count(*)::int FROM employees e JOIN job_titles t USING (job_title_id) WHERE t.department_id <> e.department_id")).toBe(0);
  });

  it("keeps the current salary equal to the latest salary change, starting with one at hire", async () => {
    expect(await scalar(db, `
      SELECT count(*)::int FROM employees e
      WHERE e.salary <> (SELECT s.salary FROM salary_history s WHERE s.employee_id = e.employee_id ORDER BY s.effective_date DESC LIMIT 1)`)).toBe(0);
    expect(await scalar(db, `
      SELECT count(*)::int FROM employees e
      WHERE (SELECT count(*) FROM salary_history s WHERE s.employee_id = e.employee_id AND s.reason = 'Hire' AND s.effective_date = e.hire_date) <> 1`)).toBe(0);
    expect(await scalar(db, `
      SELECT count(*)::int FROM salary_history s JOIN employees e USING (employee_id)
      WHERE s.effective_date < e.hire_date OR s.effective_date > coalesce(e.termination_date, DATE '2024-12-31')`)).toBe(0);
    expect(await column(db, "SELECT reason FROM salary_history GROUP BY 1 ORDER BY 1")).toEqual(["Annual raise", "Hire", "Market adjustment", "Promotion"]);
  });

  it("reviews each employee at most once a year, by someone else, while employed, across all five ratings", async () => {
    expect(await scalar(db, `
      SELECT count(*)::int FROM performance_reviews r JOIN employees e USING (employee_id)
      WHERE r.review_date < e.hire_date OR r.review_date > coalesce(e.termination_date, DATE '2024-12-31') OR r.reviewer_id = r.employee_id
        OR extract(year FROM r.review_date) <> r.review_year`)).toBe(0);
    expect(await column(db, "SELECT rating FROM performance_reviews GROUP BY 1 ORDER BY 1")).toEqual(["1", "2", "3", "4", "5"]);
    expect(await scalar(db, "SELECT round(avg(rating), 1)::float8 FROM performance_reviews")).toBeGreaterThan(2.8);
  });

  it("records hires every year and leavers including the February 2023 layoff", async () => {
    expect(await scalar(db, "SELECT count(DISTINCT extract(year FROM hire_date))::int FROM employees")).toBe(10);
    expect(await scalar(db, "SELECT count(*)::int FROM employees WHERE termination_reason = 'Layoff' AND termination_date = DATE '2023-02-15'")).toBeGreaterThan(5);
    expect(await scalar(db, "SELECT count(*)::int FROM employees WHERE termination_date > DATE '2024-12-31' OR hire_date > DATE '2024-12-31'")).toBe(0);
  });

  it("places absences inside employment and 2022–2024, counts their working days, and never overlaps approved ones", async () => {
    expect(await scalar(db, `
      SELECT count(*)::int FROM absences a JOIN employees e USING (employee_id)
      WHERE a.start_date < e.hire_date OR a.end_date > coalesce(e.termination_date, DATE '2024-12-31')
        OR a.start_date < DATE '2022-01-01' OR a.end_date > DATE '2024-12-31'`)).toBe(0);
    expect(await scalar(db, `
      SELECT count(*)::int FROM absences a
      WHERE a.working_days <> (SELECT count(*) FROM generate_series(a.start_date, a.end_date, interval '1 day') d WHERE extract(isodow FROM d) < 6)`)).toBe(0);
    expect(await scalar(db, `
      SELECT count(*)::int FROM absences a JOIN absences b ON a.employee_id = b.employee_id AND a.absence_id < b.absence_id
      WHERE a.status = 'Approved' AND b.status = 'Approved' AND a.start_date <= b.end_date AND b.start_date <= a.end_date`)).toBe(0);
    const summer = await scalar(db, "SELECT sum(working_days)::int FROM absences WHERE absence_type = 'Vacation' AND extract(month FROM start_date) IN (7, 8)");
    const spring = await scalar(db, "SELECT sum(working_days)::int FROM absences WHERE absence_type = 'Vacation' AND extract(month FROM start_date) IN (2, 3)");
    expect(summer).toBeGreaterThan(spring * 1.5);
  });
});
