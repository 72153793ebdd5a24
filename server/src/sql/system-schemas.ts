/**
 * PostgreSQL's own schemas (pg_catalog, pg_toast, pg_temp_*, information_schema
 * and any other pg_*): they describe the server, its roles and their
 * passwords, never a data source's data. Compared without case, erring on
 * the side of refusing.
 */
export function isSystemSchema(schema: string): boolean {
  const name = schema.toLowerCase();
  return name === "information_schema" || name.startsWith("pg_");
}
