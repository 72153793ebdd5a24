/** The HR demo: a ~330-person software company's people, pay, reviews and time off. */

import { isoDate } from "../calendar.ts";
import { Random } from "../random.ts";
import { money, SqlScript } from "../sql-script.ts";
import { generateAbsences } from "./absences.ts";
import { departments, ladder, levels, locations } from "./reference.ts";
import { hrTables } from "./schema.ts";
import { simulateWorkforce } from "./workforce.ts";

export function generateHr(): string {
  const rng = new Random("agentmedha-demo-hr");
  const script = new SqlScript("AgentMedha demo dataset: People / HR (a software company's employees, pay, reviews and absences, 2015–2024)");
  for (const table of hrTables) script.createTable(table);

  script.insert("locations", locations.map((l, i) => ({ location_id: i + 1, name: l.name, city: l.city, country: l.country })));
  script.insert("departments", departments.map((d, i) => ({ department_id: i + 1, name: d.name, cost_center: d.costCenter })));
  script.insert("job_levels", levels.map((l, i) => ({ level_id: i + 1, code: l.code, name: l.name, track: l.track })));
  const titleIds = new Map<string, number>();
  const titleRows = departments.flatMap((d, dept) =>
    ladder(dept).map((lvl) => {
      const id = titleIds.size + 1;
      titleIds.set(`${dept}:${lvl}`, id);
      return { job_title_id: id, title: levels[lvl]!.title(d), department_id: dept + 1, level_id: lvl + 1 };
    }),
  );
  script.insert("job_titles", titleRows);

  const { employees, salaryChanges, reviews } = simulateWorkforce(rng.fork("workforce"));
  // Managers always rank above their reports, so inserting by level (highest first) lets
  // each row's manager exist already, whichever INSERT batch the row falls into.
  const byRank = employees.slice().sort((a, b) => b.level - a.level || a.id - b.id);
  script.insert("employees", byRank.map((e) => ({
    employee_id: e.id,
    first_name: e.person.firstName,
    last_name: e.person.lastName,
    email: e.email,
    gender: e.genderDisclosed ? e.person.gender : null,
    birth_date: isoDate(e.birth),
    hire_date: isoDate(e.hired),
    termination_date: e.terminated === null ? null : isoDate(e.terminated),
    termination_reason: e.reason,
    employment_status: e.terminated === null ? "Active" : "Terminated",
    employment_type: e.type,
    department_id: e.department + 1,
    job_title_id: titleIds.get(`${e.department}:${e.level}`)!,
    manager_id: e.managerId,
    location_id: e.location + 1,
    salary: money(e.salary),
  })));
  const changes = salaryChanges.slice().sort((a, b) => a.effective - b.effective || a.employeeId - b.employeeId);
  script.insert("salary_history", changes.map((c, i) => ({
    salary_change_id: i + 1, employee_id: c.employeeId, effective_date: isoDate(c.effective), salary: money(c.salary), reason: c.reason,
  })));
  script.insert("performance_reviews", reviews.map((r, i) => ({
    review_id: i + 1, employee_id: r.employeeId, reviewer_id: r.reviewerId, review_year: r.year, review_date: isoDate(r.date), rating: r.rating,
  })));
  script.insert("absences", generateAbsences(rng.fork("absences"), employees).map((a, i) => ({
    absence_id: i + 1, employee_id: a.employeeId, absence_type: a.type, start_date: isoDate(a.start), end_date: isoDate(a.end), working_days: a.workingDays, status: a.status,
  })));
  return script.toString();
}
