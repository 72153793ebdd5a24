/**
 * Simulates the company month by month from its founding in March 2015 to the
 * end of 2024: hiring towards a headcount plan, attrition, a layoff, managers
 * added as teams grow, year-end reviews and the raises and promotions they bring.
 */

import { day, daysInMonth, monthOf, parseIsoDate, weekdayOf, yearOf, type Day } from "../calendar.ts";
import { randomPerson, uniqueEmail, type Person } from "../names.ts";
import type { Random } from "../random.ts";
import { EXECUTIVE, departments, headcountPlan, LAYOFF_DAY, ladder, level, levels, locations, MARKET_ADJUSTMENT_DAY } from "./reference.ts";

export type TerminationReason = "Resignation" | "Dismissal" | "Layoff" | "Retirement" | "End of contract";
export type SalaryReason = "Hire" | "Annual raise" | "Promotion" | "Market adjustment";

export interface Employee {
  id: number;
  person: Person;
  genderDisclosed: boolean;
  email: string;
  birth: Day;
  hired: Day;
  terminated: Day | null;
  reason: TerminationReason | null;
  type: "Full-time" | "Part-time" | "Contractor";
  department: number;
  level: number;
  managerId: number | null;
  location: number;
  /** Annual base salary in cents. */
  salary: number;
  /** Persistent performance tendency. */
  talent: number;
}

export interface SalaryChange { employeeId: number; effective: Day; salary: number; reason: SalaryReason }
export interface Review { employeeId: number; reviewerId: number; year: number; date: Day; rating: number }
export interface Workforce { employees: Employee[]; salaryChanges: SalaryChange[]; reviews: Review[] }

export const SIMULATION_END = day(2024, 12, 31);
const FOUNDED = day(2015, 3, 2);
const L3 = level("L3");
const M1 = level("M1");
const D1 = level("D1");
const E1 = level("E1");
const REPORTS_PER_MANAGER = 7;

const MARKET_ADJUSTED = ["Engineering", "Design"].map((name) => departments.findIndex((d) => d.name === name));
const plan = headcountPlan.map(([iso, n]) => [parseIsoDate(iso), n] as const);

function plannedHeadcount(d: Day): number {
  for (let i = 1; i < plan.length; i++) {
    const [d0, n0] = plan[i - 1]!;
    const [d1, n1] = plan[i]!;
    if (d <= d1) return n0 + ((n1 - n0) * (Math.max(d, d0) - d0)) / (d1 - d0);
  }
  return plan[plan.length - 1]![1];
}

/** Salary levels rise about 3% a year; integer powers by repeated multiplication stay exact across engines. */
function wageIndex(year: number): number {
  let index = 1;
  for (let y = 2015; y < year; y++) index *= 1.03;
  return index;
}

const roundSalary = (cents: number) => Math.round(cents / 10_000) * 10_000;

export function simulateWorkforce(rng: Random): Workforce {
  const employees: Employee[] = [];
  const salaryChanges: SalaryChange[] = [];
  const reviews: Review[] = [];
  const emails = new Set<string>();
  const active = new Set<Employee>();
  const heads = new Map<number, Employee>();
  let pendingRaises: Review[] = [];

  const inDepartment = (dept: number, pred: (e: Employee) => boolean) => [...active].filter((e) => e.department === dept && pred(e));
  const reportsOf = (manager: Employee) => [...active].filter((e) => e.managerId === manager.id).length;
  const isIc = (e: Employee) => e.level < M1;

  function hire(dept: number, lvl: number, hired: Day, managerId: number | null): Employee {
    const person = randomPerson(rng);
    const open = locations.map((l, i) => (parseIsoDate(l.opened) <= hired ? departments[dept]!.locationWeights[i]! : 0));
    const location = open.some((w) => w > 0) ? rng.weighted(locations.map((_, i) => i), open) : 0;
    const typeRoll = rng.next();
    const type = lvl >= M1 || typeRoll < 0.9 ? "Full-time" : typeRoll < 0.95 ? "Part-time" : "Contractor";
    const base = lvl === E1 ? 105_000 : departments[dept]!.baseSalary;
    const salary = roundSalary(base * 100 * levels[lvl]!.payFactor * locations[location]!.payFactor * wageIndex(yearOf(hired)) * (0.92 + rng.next() * 0.16) * (type === "Part-time" ? 0.6 : 1));
    const age = Math.max(21, rng.normal([24, 28, 33, 37, 41, 38, 43, 46][lvl]!, 4));
    const e: Employee = {
      id: employees.length + 1, person, genderDisclosed: rng.chance(0.96), email: uniqueEmail(person, "company.example.com", emails),
      birth: hired - Math.round(age * 365.25), hired, terminated: null, reason: null, type, department: dept, level: lvl,
      managerId, location, salary, talent: rng.normal(0, 1),
    };
    employees.push(e);
    active.add(e);
    salaryChanges.push({ employeeId: e.id, effective: hired, salary, reason: "Hire" });
    return e;
  }

  function changeSalary(e: Employee, effective: Day, salary: number, reason: SalaryReason): void {
    e.salary = roundSalary(salary);
    salaryChanges.push({ employeeId: e.id, effective, salary: e.salary, reason });
  }

  function leave(e: Employee, on: Day, reason: TerminationReason): void {
    e.terminated = on;
    e.reason = reason;
    active.delete(e);
    if (e.level >= M1) {
      for (const report of [...active].filter((r) => r.managerId === e.id)) report.managerId = managerFor(e.department, e).id;
    }
  }

  /** First-line manager with the fewest reports, else the department head. */
  function managerFor(dept: number, except?: Employee): Employee {
    const managers = inDepartment(dept, (e) => e.level === M1 && e !== except);
    if (managers.length === 0) return heads.get(dept)!;
    return managers.reduce((best, m) => (reportsOf(m) < reportsOf(best) ? m : best));
  }

  const ceo = hire(EXECUTIVE, E1, FOUNDED, null);
  const layoff = parseIsoDate(LAYOFF_DAY);
  const adjustment = parseIsoDate(MARKET_ADJUSTMENT_DAY);

  for (let monthStart = day(2015, 3, 1); monthStart <= SIMULATION_END; monthStart += daysInMonth(monthStart)) {
    const year = yearOf(monthStart);
    const month = monthOf(monthStart);
    const length = daysInMonth(monthStart);

    if (month === 3) {
      for (const review of pendingRaises) applyRaise(review, day(year, 3, 1));
      pendingRaises = [];
    }
    if (monthStart <= adjustment && adjustment < monthStart + length) {
      // Engineering and design pay was raised to market rates mid-2022.
      for (const e of [...active].filter((x) => MARKET_ADJUSTED.includes(x.department) && x.hired < adjustment)) {
        changeSalary(e, adjustment, e.salary * 1.05, "Market adjustment");
      }
    }
    if (monthStart <= layoff && layoff < monthStart + length) {
      const candidates = [...active].filter((e) => isIc(e) && e.hired < layoff - 90);
      for (const e of rng.sample(candidates, Math.round(candidates.length * 0.08))) leave(e, layoff, "Layoff");
    }

    for (const e of [...active]) {
      if (e.hired >= monthStart || e.level >= D1) continue;
      const hazard = e.type === "Contractor" ? 0.03 : e.level === M1 ? 0.005 : 0.0105;
      if (!rng.chance(hazard)) continue;
      const age = (monthStart - e.birth) / 365.25;
      const reason = e.type === "Contractor" ? "End of contract" : age > 58 && rng.chance(0.5) ? "Retirement" : rng.chance(0.13) ? "Dismissal" : "Resignation";
      leave(e, monthStart + rng.int(1, length - 1), reason);
    }

    const mondays: Day[] = [];
    for (let d = monthStart; d < monthStart + length; d++) if (weekdayOf(d) === 1) mondays.push(d);
    departments.forEach((info, dept) => {
      const opened = parseIsoDate(info.opened);
      if (dept !== EXECUTIVE && !heads.has(dept) && opened < monthStart + length) heads.set(dept, hire(dept, D1, Math.max(opened, FOUNDED), ceo.id));
    });

    const needed = rng.round(plannedHeadcount(monthStart + length - 1) - active.size);
    const open = departments.map((info, dept) => (heads.has(dept) ? info.weight : 0));
    for (let i = 0; i < needed; i++) {
      const dept = rng.weighted(departments.map((_, d) => d), open);
      const hiredOn = rng.pick(mondays);
      const ics = inDepartment(dept, isIc).length;
      const managers = inDepartment(dept, (e) => e.level === M1).length;
      if (ics >= REPORTS_PER_MANAGER * (managers + 1)) {
        addManager(dept, hiredOn, monthStart + 14);
        continue;
      }
      const ladderLevels = ladder(dept).filter((l) => l < M1);
      const lvl = rng.weighted(ladderLevels, [28, 40, 22, 7, 3].slice(0, ladderLevels.length));
      hire(dept, lvl, hiredOn, managerFor(dept).id);
    }

    if (month === 12) {
      const reviewDay = day(year, 12, 10);
      for (const e of [...active]) {
        if (e === ceo || e.hired > day(year, 10, 1)) continue;
        const score = e.talent * 0.8 + rng.normal(0, 0.8);
        // Thresholds give roughly 4% / 12% / 50% / 26% / 8% for ratings 1–5.
        const rating = score < -1.98 ? 1 : score < -1.12 ? 2 : score < 0.46 ? 3 : score < 1.59 ? 4 : 5;
        const review = { employeeId: e.id, reviewerId: e.managerId!, year, date: reviewDay, rating };
        reviews.push(review);
        pendingRaises.push(review);
      }
    }
  }

  /** Half of new teams get a manager from outside, half promote a senior member. */
  function addManager(dept: number, hiredOn: Day, promotedOn: Day): void {
    const seniors = inDepartment(dept, (e) => e.level >= L3 && isIc(e) && e.type === "Full-time" && e.hired < promotedOn - 180);
    let manager: Employee;
    if (seniors.length > 0 && rng.chance(0.5)) {
      manager = rng.pick(seniors);
      manager.level = M1;
      manager.managerId = heads.get(dept)!.id;
      changeSalary(manager, promotedOn, manager.salary * 1.1, "Promotion");
    } else {
      manager = hire(dept, M1, hiredOn, heads.get(dept)!.id);
    }
    // The new manager takes over part of the busiest manager's (or the head's) team.
    const team = [...active].filter((e) => e.department === dept && isIc(e) && e.managerId !== manager.id);
    for (const member of rng.sample(team, Math.floor(team.length / (inDepartment(dept, (e) => e.level === M1).length + 1)))) member.managerId = manager.id;
  }

  function applyRaise(review: Review, effective: Day): void {
    const e = employees[review.employeeId - 1]!;
    if (!active.has(e) || review.rating === 1) return;
    const top = Math.max(...ladder(e.department).filter((l) => l < M1));
    const promotionChance = review.rating === 5 ? 0.4 : review.rating === 4 ? 0.15 : 0;
    const raise = [0, 0, 1, 2.5, 4, 5.5][review.rating]! + rng.next();
    if (isIc(e) && e.level < top && effective - e.hired > 540 && rng.chance(promotionChance)) {
      e.level += 1;
      changeSalary(e, effective, e.salary * (1 + (raise + 8) / 100), "Promotion");
    } else {
      changeSalary(e, effective, e.salary * (1 + raise / 100), "Annual raise");
    }
  }

  return { employees, salaryChanges, reviews };
}
