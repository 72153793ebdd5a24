/** Fixed reference data of the support demo: a SaaS company's help desk. */

export type Plan = "Free" | "Starter" | "Business" | "Enterprise";
export type Priority = "Low" | "Medium" | "High" | "Urgent";
export type Category = "How-to" | "Account access" | "Billing" | "Bug" | "Integration" | "Performance" | "Feature request";
export type Channel = "Email" | "Chat" | "Web form" | "Phone";

export const plans: { name: Plan; weight: number; seats: [number, number]; ticketRate: number }[] = [
  { name: "Free", weight: 30, seats: [1, 3], ticketRate: 0.35 },
  { name: "Starter", weight: 30, seats: [3, 15], ticketRate: 1 },
  { name: "Business", weight: 29, seats: [10, 120], ticketRate: 2 },
  { name: "Enterprise", weight: 11, seats: [100, 2000], ticketRate: 2.6 },
];

export const industries = ["Software", "E-commerce", "Healthcare", "Education", "Finance", "Agency", "Non-profit", "Manufacturing", "Travel"];

export const countries = [
  { name: "United States", weight: 34 }, { name: "United Kingdom", weight: 10 }, { name: "Germany", weight: 9 },
  { name: "Canada", weight: 6 }, { name: "France", weight: 6 }, { name: "Australia", weight: 5 }, { name: "Netherlands", weight: 4 },
  { name: "Brazil", weight: 5 }, { name: "India", weight: 7 }, { name: "Japan", weight: 4 }, { name: "Spain", weight: 4 },
  { name: "Mexico", weight: 3 }, { name: "Sweden", weight: 3 },
];

export const accountNameStarts = ["Pixel", "Loop", "Cloud", "Data", "Hive", "Spark", "Bright", "Swift", "Blue", "Green", "Quick", "Open", "Clear", "True", "Next", "Star", "Peak", "Wave", "Bolt", "Nest", "Lime", "Echo", "Nova", "Orbit", "Pine"];
export const accountNameEnds = ["ly", "wise", "works", "base", "stack", "desk", "hub", "flow", "mint", "forge", "grid", "pad", "path", "box", "craft", "lab", "scale", "sense", "beam", "dock", "loop", "spot", "line", "ware", "nook", "io"];

export type TeamKey = "frontline" | "technical" | "billing" | "enterprise";

export const teams: { key: TeamKey; name: string; description: string; agents: number }[] = [
  { key: "frontline", name: "Frontline", description: "First line: how-to questions and account access.", agents: 11 },
  { key: "technical", name: "Technical", description: "Bugs, integrations and performance problems; takes escalations from Frontline.", agents: 7 },
  { key: "billing", name: "Billing", description: "Invoices, payments, refunds and plan changes.", agents: 4 },
  { key: "enterprise", name: "Enterprise Success", description: "Every ticket from Enterprise-plan accounts.", agents: 5 },
];

export const categories: { name: Category; weight: number; team: TeamKey; hours: number; priorities: number[]; subjects: string[] }[] = [
  {
    name: "How-to", weight: 28, team: "frontline", hours: 6, priorities: [50, 45, 5, 0],
    subjects: ["How do I export a report to CSV?", "Where can I change notification settings?", "How to add a teammate to a workspace", "Setting up recurring tasks", "Question about dashboard filters", "How do I archive old projects?"],
  },
  {
    name: "Account access", weight: 14, team: "frontline", hours: 4, priorities: [0, 50, 40, 10],
    subjects: ["Cannot log in after password reset", "Two-factor code not arriving", "Locked out of my account", "SSO login fails with an error", "Need to transfer account ownership"],
  },
  {
    name: "Billing", weight: 16, team: "billing", hours: 20, priorities: [25, 55, 20, 0],
    subjects: ["Invoice shows the wrong amount", "Charged twice this month", "Request for a refund", "Update billing address on invoices", "Change from monthly to annual billing", "Card payment declined"],
  },
  {
    name: "Bug", weight: 18, team: "technical", hours: 60, priorities: [15, 45, 30, 10],
    subjects: ["Error 500 when saving a form", "Charts do not load in the dashboard", "Attachments fail to upload", "Mobile app crashes on start", "Search returns no results", "Dates shown in the wrong time zone"],
  },
  {
    name: "Integration", weight: 10, team: "technical", hours: 40, priorities: [15, 50, 30, 5],
    subjects: ["Webhook deliveries are failing", "API returns 401 with a valid token", "Calendar sync stopped working", "CRM integration duplicates contacts", "Rate limit reached on the API"],
  },
  {
    name: "Performance", weight: 6, team: "technical", hours: 24, priorities: [0, 30, 45, 25],
    subjects: ["The app is very slow today", "Reports take minutes to load", "Timeouts when opening large projects", "Sync is delayed by hours"],
  },
  {
    name: "Feature request", weight: 8, team: "frontline", hours: 100, priorities: [70, 30, 0, 0],
    subjects: ["Please add dark mode", "Request: custom fields on tasks", "Allow exporting to PDF", "Support for more languages", "Bulk edit for tasks"],
  },
];

export const priorities: Priority[] = ["Low", "Medium", "High", "Urgent"];

/** Service-level targets per priority, in hours. */
export const slaTargets: Record<Priority, { firstResponse: number; resolution: number }> = {
  Low: { firstResponse: 24, resolution: 120 },
  Medium: { firstResponse: 8, resolution: 72 },
  High: { firstResponse: 4, resolution: 24 },
  Urgent: { firstResponse: 1, resolution: 8 },
};

/** Typical minutes to a first reply, per priority, before the channel's effect. */
export const firstResponseMinutes: Record<Priority, number> = { Low: 540, Medium: 260, High: 110, Urgent: 25 };

export const channels: Channel[] = ["Email", "Chat", "Web form", "Phone"];

/** Ticket arrivals by UTC hour: Europe's and the Americas' working days overlap in the afternoon. */
export const hourWeights = [2, 1.5, 1, 1, 1, 1.5, 2.5, 4, 6, 7, 7, 7, 7, 8, 9, 9.5, 9, 8, 6.5, 5, 4, 3.5, 3, 2.5];

/** Outages and releases that brought a wave of tickets of one category. */
export const incidents: { start: string; days: number; category: Category; tickets: number }[] = [
  { start: "2022-10-18", days: 2, category: "Integration", tickets: 85 },
  { start: "2023-06-13", days: 2, category: "Performance", tickets: 160 },
  { start: "2024-02-06", days: 3, category: "Billing", tickets: 95 },
];
