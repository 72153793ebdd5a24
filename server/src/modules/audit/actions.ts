/** Everything the audit log records. Add a value here before recording it. */
export const auditActions = {
  DATA_SOURCE_ADDED: "A data source was connected.",
  DATA_SOURCE_UPDATED: "A data source's name, description, connection or schemas changed.",
  DATA_SOURCE_SHARED: "A data source was shared with everyone.",
  DATA_SOURCE_UNSHARED: "A shared data source was made private.",
  DATA_SOURCE_REFRESHED: "A data source's catalogue was read again.",
  DATA_SOURCE_TESTED: "A data source, or a connection URL before adding it, was tested.",
  DATA_SOURCE_REMOVED: "A data source was removed.",
  DATA_SOURCE_QUERIED: "A question ran SQL on a data source.",
  USER_ROLE_CHANGED: "An administrator changed a user's role.",
  API_KEY_CREATED: "An API key was created.",
  API_KEY_REVOKED: "An API key was revoked.",
  RESULT_EXPORTED: "A run's result was downloaded (/export), with its format and row count.",
} as const;

export type AuditAction = keyof typeof auditActions;

/** Error codes that mean "not allowed" rather than "went wrong". */
export const deniedCodes = new Set(["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED", "TOKEN_INVALID", "TOKEN_EXPIRED"]);
