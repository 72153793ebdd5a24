import { decodeGlobalID } from "@pothos/plugin-relay";
import type { AuditAction } from "./actions.ts";

export interface AuditRecord {
  action: AuditAction;
  target: { type: string; id: string } | null;
  details?: Record<string, unknown>;
}

type Args = { input?: Record<string, unknown> | null };
/** `result` is undefined when the mutation failed: describe the attempt from its arguments. */
type Describe = (args: Args, result: any) => AuditRecord[];

/** The raw id inside a global id of the expected type, or null for anything else. */
function idOf(globalId: unknown, type: string): { type: string; id: string } | null {
  if (typeof globalId !== "string") return null;
  try {
    const decoded = decodeGlobalID(globalId);
    return decoded.typename === type ? { type, id: decoded.id } : null;
  } catch {
    return null;
  }
}

/** Where a connection URL points, without its credentials: enough to spot probing. */
function hostOf(url: unknown): string | null {
  if (typeof url !== "string" || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.port ? `${parsed.hostname}:${parsed.port}` : parsed.hostname;
}

/** Names of the fields an update set; never their values (a connection URL holds a password). */
const fieldsSet = (input: Record<string, unknown> | null | undefined) =>
  Object.entries(input ?? {})
    .filter(([name, value]) => name !== "id" && value !== undefined && value !== null)
    .map(([name]) => name)
    .sort();

const dataSource = (args: Args, result: any) => (result?.id ? { type: "DataSource", id: result.id as string } : idOf(args.input?.id, "DataSource"));

/**
 * Mutations the audit log records, by field name, whoever's module defines
 * them. The audit plugin wraps each one: success, denial and failure are all
 * written, with the caller, request id and address.
 */
export const auditedMutations: Record<string, Describe> = {
  addDataSource: (args, result) => [{ action: "DATA_SOURCE_ADDED", target: dataSource(args, result), details: { name: args.input?.name, host: hostOf(args.input?.connectionUrl) } }],
  updateDataSource: (args, result) => {
    const records: AuditRecord[] = [];
    const fields = fieldsSet(args.input).filter((f) => f !== "visibility");
    if (fields.length) records.push({ action: "DATA_SOURCE_UPDATED", target: dataSource(args, result), details: { fields } });
    const visibility = args.input?.visibility;
    if (visibility) records.push({ action: visibility === "SHARED" ? "DATA_SOURCE_SHARED" : "DATA_SOURCE_UNSHARED", target: dataSource(args, result) });
    return records;
  },
  refreshDataSource: (args, result) => [{ action: "DATA_SOURCE_REFRESHED", target: dataSource(args, result) }],
  removeDataSource: (args) => [{ action: "DATA_SOURCE_REMOVED", target: idOf(args.input?.id, "DataSource") }],
  testDataSource: (args, result) => [
    {
      action: "DATA_SOURCE_TESTED",
      target: result?.dataSourceId ? { type: "DataSource", id: result.dataSourceId } : idOf(args.input?.id, "DataSource"),
      details: args.input?.connectionUrl ? { host: hostOf(args.input.connectionUrl) } : {},
    },
  ],
  setUserRole: (args, result) => [
    { action: "USER_ROLE_CHANGED", target: idOf(args.input?.userId, "User"), details: { role: args.input?.role, ...(result ? { previousRole: result.previousRole } : {}) } },
  ],
  createApiKey: (args, result) => [
    {
      action: "API_KEY_CREATED",
      target: result?.apiKeyId ? { type: "ApiKey", id: result.apiKeyId } : null,
      details: { name: args.input?.name, role: args.input?.role, expiresAt: args.input?.expiresAt ?? null },
    },
  ],
  revokeApiKey: (args) => [{ action: "API_KEY_REVOKED", target: idOf(args.input?.id, "ApiKey") }],
};
