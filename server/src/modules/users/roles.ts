import type { Role } from "../../generated/prisma/enums.ts";

/**
 * What each role may do. The schema enforces these through scope-auth
 * (`authScopes` on fields); this table is the one place that says why.
 *
 * - VIEWER: asks questions of data sources shared with everyone (and of any it
 *   still owns), keeps its own chat sessions, exports and rates answers, creates
 *   VIEWER API keys. Cannot add, test, change, refresh or remove data sources,
 *   nor edit semantic models or verified queries.
 * - ANALYST: everything a viewer does, plus connecting data sources and
 *   changing, refreshing, testing and removing its own, and editing their
 *   semantic models and verified queries. API keys up to ANALYST.
 * - ADMIN: everything, on every data source; shares data sources with
 *   everyone, lists users and changes their roles, reads the audit log.
 */
export const roleRank: Record<Role, number> = { VIEWER: 0, ANALYST: 1, ADMIN: 2 };

export function roleAtMost(role: Role, ceiling: Role): boolean {
  return roleRank[role] <= roleRank[ceiling];
}

/** The weaker of two roles: an API key never grants more than its owner has now. */
export function weakerRole(a: Role, b: Role): Role {
  return roleRank[a] <= roleRank[b] ? a : b;
}
