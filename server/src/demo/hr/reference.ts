/** Fixed reference data of the HR demo: offices, departments and the job ladder of a ~330-person software company. */

export interface LocationInfo {
  name: string;
  city: string;
  country: string;
  /** Local pay level relative to New York. */
  payFactor: number;
  opened: string;
  /** Yearly vacation entitlement in working days. */
  vacationDays: number;
}

export const locations: LocationInfo[] = [
  { name: "New York HQ", city: "New York", country: "United States", payFactor: 1, opened: "2015-03-02", vacationDays: 20 },
  { name: "Austin Office", city: "Austin", country: "United States", payFactor: 0.88, opened: "2018-01-15", vacationDays: 20 },
  { name: "London Office", city: "London", country: "United Kingdom", payFactor: 0.84, opened: "2016-06-01", vacationDays: 25 },
  { name: "Berlin Office", city: "Berlin", country: "Germany", payFactor: 0.76, opened: "2017-09-04", vacationDays: 28 },
  { name: "Bengaluru Office", city: "Bengaluru", country: "India", payFactor: 0.34, opened: "2019-04-01", vacationDays: 21 },
];

export interface DepartmentInfo {
  name: string;
  costCenter: string;
  /** The department's main role, e.g. "Software Engineer"; titles are built from it. */
  role: string;
  /** Share of hires once the department exists. */
  weight: number;
  /** Yearly base salary in USD for the role at level L2 in New York. */
  baseSalary: number;
  /** When the department got its head and first hires. */
  opened: string;
  /** Hiring weights per location, in `locations` order. */
  locationWeights: number[];
  /** Whether the ladder goes up to principal. */
  principal: boolean;
  /** Title of first-line managers when "<name> Manager" would clash with the role. */
  managerTitle?: string;
}

export const EXECUTIVE = 0;

export const departments: DepartmentInfo[] = [
  { name: "Executive", costCenter: "CC-100", role: "Executive", weight: 0, baseSalary: 0, opened: "2015-03-02", locationWeights: [1, 0, 0, 0, 0], principal: false },
  { name: "Engineering", costCenter: "CC-210", role: "Software Engineer", weight: 34, baseSalary: 128_000, opened: "2015-03-02", locationWeights: [25, 15, 15, 20, 25], principal: true },
  { name: "Product", costCenter: "CC-220", role: "Product Manager", weight: 7, baseSalary: 122_000, opened: "2015-03-02", locationWeights: [50, 15, 20, 15, 0], principal: true, managerTitle: "Group Product Manager" },
  { name: "Design", costCenter: "CC-230", role: "Product Designer", weight: 4, baseSalary: 108_000, opened: "2017-01-09", locationWeights: [40, 10, 25, 25, 0], principal: false },
  { name: "Sales", costCenter: "CC-310", role: "Account Executive", weight: 16, baseSalary: 88_000, opened: "2015-03-02", locationWeights: [40, 20, 25, 15, 0], principal: false },
  { name: "Marketing", costCenter: "CC-320", role: "Marketing Specialist", weight: 7, baseSalary: 86_000, opened: "2016-02-01", locationWeights: [50, 15, 25, 10, 0], principal: false },
  { name: "Customer Support", costCenter: "CC-410", role: "Support Specialist", weight: 12, baseSalary: 60_000, opened: "2016-04-04", locationWeights: [10, 35, 15, 15, 25], principal: false },
  { name: "Finance", costCenter: "CC-510", role: "Financial Analyst", weight: 5, baseSalary: 92_000, opened: "2016-09-05", locationWeights: [70, 10, 20, 0, 0], principal: false },
  { name: "People", costCenter: "CC-520", role: "People Partner", weight: 4, baseSalary: 82_000, opened: "2017-03-06", locationWeights: [45, 20, 20, 10, 5], principal: false },
  { name: "Operations", costCenter: "CC-530", role: "Operations Analyst", weight: 5, baseSalary: 76_000, opened: "2017-06-05", locationWeights: [30, 40, 10, 10, 10], principal: false },
  { name: "Legal", costCenter: "CC-540", role: "Legal Counsel", weight: 2, baseSalary: 145_000, opened: "2018-05-07", locationWeights: [80, 0, 20, 0, 0], principal: false },
];

export type LevelCode = "L1" | "L2" | "L3" | "L4" | "L5" | "M1" | "D1" | "E1";

export interface LevelInfo {
  code: LevelCode;
  name: string;
  track: "Individual contributor" | "Management" | "Executive";
  /** Pay relative to L2. */
  payFactor: number;
  /** How a title at this level is written, from the department's role and name. */
  title: (d: DepartmentInfo) => string;
}

export const levels: LevelInfo[] = [
  { code: "L1", name: "Associate", track: "Individual contributor", payFactor: 0.78, title: (d) => `Associate ${d.role}` },
  { code: "L2", name: "Intermediate", track: "Individual contributor", payFactor: 1, title: (d) => d.role },
  { code: "L3", name: "Senior", track: "Individual contributor", payFactor: 1.24, title: (d) => `Senior ${d.role}` },
  { code: "L4", name: "Lead", track: "Individual contributor", payFactor: 1.48, title: (d) => `Lead ${d.role}` },
  { code: "L5", name: "Principal", track: "Individual contributor", payFactor: 1.78, title: (d) => `Principal ${d.role}` },
  { code: "M1", name: "Manager", track: "Management", payFactor: 1.55, title: (d) => d.managerTitle ?? `${d.name} Manager` },
  { code: "D1", name: "Director", track: "Management", payFactor: 2, title: (d) => `Director of ${d.name}` },
  { code: "E1", name: "Executive", track: "Executive", payFactor: 3, title: () => "Chief Executive Officer" },
];

export const level = (code: LevelCode): number => levels.findIndex((l) => l.code === code);

/** Levels a department's ladder offers. */
export function ladder(departmentIndex: number): number[] {
  if (departmentIndex === EXECUTIVE) return [level("E1")];
  const d = departments[departmentIndex]!;
  return levels.map((_, i) => i).filter((i) => {
    const code = levels[i]!.code;
    return code !== "E1" && (code !== "L5" || d.principal);
  });
}

/** Active headcount the company aims for, by date: fast growth, then a slowdown and a layoff in February 2023. */
export const headcountPlan: [string, number][] = [
  ["2015-03-01", 6],
  ["2017-01-01", 55],
  ["2019-12-01", 165],
  ["2021-12-01", 262],
  ["2023-01-01", 318],
  ["2023-03-01", 296],
  ["2024-12-01", 334],
];

export const LAYOFF_DAY = "2023-02-15";
export const MARKET_ADJUSTMENT_DAY = "2022-07-01";

export const absenceTypes = ["Vacation", "Sick leave", "Parental leave", "Unpaid leave", "Training"] as const;
