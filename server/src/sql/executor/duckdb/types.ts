import type { TypeInfo } from "../type-catalog.ts";

const info = (dbType: string, name: string, category: string): TypeInfo => ({ dbType, name, category, kind: "b" });

/**
 * A DuckDB type (as DuckDB spells it: "BIGINT", "DECIMAL(10,2)", "INTEGER[]",
 * "TIMESTAMP WITH TIME ZONE") as the PostgreSQL type whose value rules fit it,
 * so results and snapshots type values exactly as PostgreSQL sources do. The
 * dbType stays DuckDB's own spelling.
 */
export function duckdbTypeInfo(dbType: string): TypeInfo {
  const upper = dbType.trim().toUpperCase();
  if (/\[\d*\]$/.test(upper)) return info(dbType, "_array", "A");
  const base = upper.replace(/\(.*\)$/, "").trim();
  switch (base) {
    case "BOOLEAN":
      return info(dbType, "bool", "B");
    case "TINYINT":
    case "SMALLINT":
    case "UTINYINT":
      return info(dbType, "int2", "N");
    case "INTEGER":
    case "USMALLINT":
      return info(dbType, "int4", "N");
    case "BIGINT":
    case "UINTEGER":
      return info(dbType, "int8", "N");
    case "UBIGINT":
    case "HUGEINT":
    case "UHUGEINT":
    case "BIGNUM":
    case "DECIMAL":
      return info(dbType, "numeric", "N");
    case "FLOAT":
      return info(dbType, "float4", "N");
    case "DOUBLE":
      return info(dbType, "float8", "N");
    case "DATE":
      return info(dbType, "date", "D");
    case "TIMESTAMP":
    case "TIMESTAMP_S":
    case "TIMESTAMP_MS":
    case "TIMESTAMP_NS":
      return info(dbType, "timestamp", "D");
    case "TIMESTAMP WITH TIME ZONE":
      return info(dbType, "timestamptz", "D");
    case "TIME":
    case "TIME_NS":
      return info(dbType, "time", "D");
    case "TIME WITH TIME ZONE":
      return info(dbType, "timetz", "D");
    case "INTERVAL":
      return info(dbType, "interval", "T");
    case "UUID":
      return info(dbType, "uuid", "U");
    case "JSON":
      return info(dbType, "json", "U");
    case "BLOB":
      return info(dbType, "bytea", "U");
    case "VARCHAR":
      return info(dbType, "text", "S");
  }
  if (base.startsWith("ENUM")) return { dbType, name: "text", category: "S", kind: "e" };
  return info(dbType, base.toLowerCase(), "X");
}
