/**
 * The demo databases that ship with AgentMedha, so a newcomer can ask questions
 * without connecting data of their own, and discovery has several sources to
 * choose between. Each generates one deterministic PostgreSQL script.
 */

import { DemoDataError } from "./errors.ts";
import { generateHr } from "./hr/generate.ts";
import { generateSales } from "./sales/generate.ts";
import { generateSupport } from "./support/generate.ts";

export type DemoDatasetKey = "sales" | "hr" | "support";

export interface DemoDataset {
  key: DemoDatasetKey;
  /** Name of the data source, as a person would call it. */
  name: string;
  /** What the data is about, written for people and matched by discovery. */
  description: string;
  /** Questions a business user would ask first; shown on the welcome screen. */
  exampleQuestions: string[];
  /** The whole database as one SQL script (tables, comments, rows); byte-identical on every call. */
  generate(): string;
}

export const demoDatasets: readonly DemoDataset[] = [
  {
    key: "sales",
    name: "Sales",
    description:
      "Orders, revenue and customers of an office-technology distributor from 2022 to 2024: products and categories, prices and discounts, sales regions, channels and sales reps.",
    exampleQuestions: [
      "What's the total revenue?",
      "Show revenue by region",
      "Monthly revenue in 2024",
      "Top 10 products by revenue",
      "How many orders per channel?",
      "Which customers ordered the most in 2023?",
    ],
    generate: generateSales,
  },
  {
    key: "hr",
    name: "People / HR",
    description:
      "Employees of a software company with their departments, job titles, levels, offices and managers, salaries and salary history, hires and leavers, performance reviews and absences such as vacation and sick leave.",
    exampleQuestions: [
      "How many active employees are there?",
      "Headcount by department",
      "Average salary by job level",
      "How many people were hired each year?",
      "Sick leave days per month in 2024",
      "Average performance rating by department",
    ],
    generate: generateHr,
  },
  {
    key: "support",
    name: "Customer support",
    description:
      "Help-desk tickets of a software company from 2022 to 2024: accounts and their plans, support teams and agents, ticket priority, category, channel and status, response and resolution times, SLA targets and customer satisfaction (CSAT) scores.",
    exampleQuestions: [
      "How many tickets were opened each month?",
      "Average satisfaction score by agent",
      "Tickets by priority",
      "Which category has the most tickets?",
      "How many open tickets are there?",
      "Tickets per plan in 2024",
    ],
    generate: generateSupport,
  },
];

export function isDemoDatasetKey(key: string): key is DemoDatasetKey {
  return demoDatasets.some((d) => d.key === key);
}

export function demoDataset(key: string): DemoDataset {
  const dataset = demoDatasets.find((d) => d.key === key);
  if (!dataset) {
    throw new DemoDataError("DEMO_DATASET_UNKNOWN", `unknown demo dataset "${key}"; known: ${demoDatasets.map((d) => d.key).join(", ")}`);
  }
  return dataset;
}

/** The SQL script of one demo dataset. Accepts any string so callers can pass user input; unknown keys throw `DEMO_DATASET_UNKNOWN`. */
export function generateDemoSql(key: DemoDatasetKey | (string & {})): string {
  return demoDataset(key).generate();
}
