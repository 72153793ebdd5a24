import type { ValueType } from "../snapshot.ts";

/** Maps a PostgreSQL type (base type name, category, kind) to the portable value type. */
export function valueTypeOf(typeName: string, category: string, kind: string): ValueType {
  if (category === "A") return "array";
  if (kind === "e") return "text";
  switch (typeName) {
    case "int2":
    case "int4":
    case "oid":
      return "integer";
    case "int8":
      return "bigint";
    case "numeric":
    case "money":
      return "decimal";
    case "float4":
    case "float8":
      return "float";
    case "bool":
      return "boolean";
    case "date":
      return "date";
    case "timestamp":
    case "timestamptz":
      return "timestamp";
    case "time":
    case "timetz":
      return "time";
    case "interval":
      return "interval";
    case "json":
    case "jsonb":
      return "json";
    case "uuid":
      return "uuid";
    case "bytea":
      return "binary";
  }
  if (category === "S") return "text";
  return "other";
}

/** Double-quoted identifier, safe for any name (mixed case, reserved words, quotes). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function qualified(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
