import type { Role } from "../../graphql/graphql";

export const ROLES: { value: Role; label: string; description: string }[] = [
  { value: "VIEWER", label: "Viewer", description: "Asks questions of data shared with them." },
  { value: "ANALYST", label: "Analyst", description: "Connects data sources, edits semantic models, asks questions." },
  { value: "ADMIN", label: "Administrator", description: "Manages users, shared data sources and verified queries." },
];

const rank: Record<Role, number> = { VIEWER: 0, ANALYST: 1, ADMIN: 2 };

/** Roles a key may have: never more than its owner's. */
export function grantableRoles(own: Role): Role[] {
  return ROLES.map((r) => r.value).filter((r) => rank[r] <= rank[own]);
}

/** `YYYY-MM-DD` from a date input as the end of that day in UTC, or null for no expiry. */
export function expiryFromDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return new Date(`${value}T23:59:59.000Z`).toISOString();
}
