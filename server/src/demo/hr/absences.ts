/** Time off in 2022–2024: vacation (peaking in summer and at year end), sick leave (peaking in winter), parental and other leave. */

import { day, daysInMonth, isWeekend, workingDaysBetween, type Day } from "../calendar.ts";
import type { Random } from "../random.ts";
import { locations } from "./reference.ts";
import type { Employee } from "./workforce.ts";

export type AbsenceType = "Vacation" | "Sick leave" | "Parental leave" | "Unpaid leave" | "Training";

export interface Absence {
  employeeId: number;
  type: AbsenceType;
  start: Day;
  end: Day;
  workingDays: number;
  status: "Approved" | "Rejected" | "Cancelled";
}

const VACATION_MONTHS = [0.6, 0.7, 0.8, 1.1, 1.0, 1.3, 1.9, 2.0, 0.9, 1.0, 0.6, 1.5];
const SICK_MONTHS = [1.8, 1.7, 1.3, 1.0, 0.8, 0.6, 0.5, 0.5, 0.8, 1.1, 1.4, 1.6];
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** The calendar day on which `workingDays` working days starting at `start` end. */
function endAfter(start: Day, workingDays: number): Day {
  let d = start;
  let left = workingDays;
  for (;;) {
    if (!isWeekend(d)) left--;
    if (left === 0) return d;
    d++;
  }
}

export function generateAbsences(rng: Random, employees: Employee[]): Absence[] {
  const absences: Absence[] = [];
  for (const e of employees) {
    const busy = new Set<Day>();
    for (const year of [2022, 2023, 2024]) {
      const from = Math.max(e.hired, day(year, 1, 1));
      const to = Math.min(e.terminated ?? day(year, 12, 31), day(year, 12, 31));
      if (to - from < 14) continue;
      const share = (to - from + 1) / 365;

      // Places one absence in [from, to] without overlapping another; gives up after a few tries.
      const place = (type: AbsenceType, length: number, monthWeights: number[], status: Absence["status"] = "Approved") => {
        for (let attempt = 0; attempt < 6; attempt++) {
          const month = rng.weighted(MONTHS, monthWeights);
          const monthStart = day(year, month, 1);
          let start = monthStart + rng.int(0, daysInMonth(monthStart) - 1);
          while (isWeekend(start)) start++;
          const end = endAfter(start, length);
          if (start < from || end > to) continue;
          let clash = false;
          for (let d = start; d <= end && !clash; d++) clash = busy.has(d);
          if (clash) continue;
          if (status === "Approved") for (let d = start; d <= end; d++) busy.add(d);
          absences.push({ employeeId: e.id, type, start, end, workingDays: workingDaysBetween(start, end), status });
          return;
        }
      };

      const age = (day(year, 7, 1) - e.birth) / 365.25;
      if (age < 42 && rng.chance(0.035)) place("Parental leave", rng.int(40, 90), MONTHS.map(() => 1));
      if (rng.chance(0.015)) place("Unpaid leave", rng.int(5, 20), VACATION_MONTHS);

      let vacation = rng.round(locations[e.location]!.vacationDays * share * (0.7 + rng.next() * 0.3));
      while (vacation > 0) {
        const length = Math.min(vacation, rng.weighted([1, 2, 3, 4, 5, 10], [15, 10, 10, 10, 30, 25]));
        const roll = rng.next();
        place("Vacation", length, VACATION_MONTHS, roll < 0.025 ? "Rejected" : roll < 0.05 ? "Cancelled" : "Approved");
        vacation -= length;
      }
      const sickSpells = rng.round(rng.weighted([0, 1, 2, 3, 4, 6], [25, 28, 22, 12, 8, 5]) * share);
      for (let i = 0; i < sickSpells; i++) place("Sick leave", rng.chance(0.08) ? rng.int(5, 10) : rng.int(1, 3), SICK_MONTHS);
      if (rng.chance(0.3 * share)) place("Training", rng.int(1, 3), VACATION_MONTHS.map((w) => 2.5 - w));
    }
  }
  return absences.sort((a, b) => a.start - b.start || a.employeeId - b.employeeId);
}
