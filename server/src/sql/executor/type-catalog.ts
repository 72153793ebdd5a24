import type { RawConnection } from "./raw-connection.ts";

/** What a result column's type is, as far as turning its text into a value goes. */
export interface TypeInfo {
  /** SQL spelling, as format_type() writes it without modifiers: "integer", "numeric", "text[]". */
  dbType: string;
  /** Base type name (domains resolved): "int4", "numeric", "_text". */
  name: string;
  /** pg_type.typcategory: N numeric, S string, D date/time, A array, ... */
  category: string;
  /** pg_type.typtype: b base, e enum, d domain, c composite, r range, p pseudo. */
  kind: string;
}

const base = (dbType: string, name: string, category: string): TypeInfo => ({ dbType, name, category, kind: "b" });

/** Built-in types with fixed OIDs, so ordinary results need no catalogue lookup. */
const builtins: ReadonlyArray<[number, TypeInfo]> = [
  [16, base("boolean", "bool", "B")],
  [17, base("bytea", "bytea", "U")],
  [18, base('"char"', "char", "Z")],
  [19, base("name", "name", "S")],
  [20, base("bigint", "int8", "N")],
  [21, base("smallint", "int2", "N")],
  [23, base("integer", "int4", "N")],
  [25, base("text", "text", "S")],
  [26, base("oid", "oid", "N")],
  [114, base("json", "json", "U")],
  [700, base("real", "float4", "N")],
  [701, base("double precision", "float8", "N")],
  [705, { dbType: "unknown", name: "unknown", category: "X", kind: "p" }],
  [790, base("money", "money", "N")],
  [1042, base("character", "bpchar", "S")],
  [1043, base("character varying", "varchar", "S")],
  [1082, base("date", "date", "D")],
  [1083, base("time without time zone", "time", "D")],
  [1114, base("timestamp without time zone", "timestamp", "D")],
  [1184, base("timestamp with time zone", "timestamptz", "D")],
  [1186, base("interval", "interval", "T")],
  [1266, base("time with time zone", "timetz", "D")],
  [1560, base("bit", "bit", "V")],
  [1562, base("bit varying", "varbit", "V")],
  [1700, base("numeric", "numeric", "N")],
  [2249, { dbType: "record", name: "record", category: "P", kind: "p" }],
  [2950, base("uuid", "uuid", "U")],
  [3614, base("tsvector", "tsvector", "U")],
  [3615, base("tsquery", "tsquery", "U")],
  [3802, base("jsonb", "jsonb", "U")],
  ...(
    [
      [1000, "boolean[]", "_bool"],
      [1005, "smallint[]", "_int2"],
      [1007, "integer[]", "_int4"],
      [1009, "text[]", "_text"],
      [1014, "character[]", "_bpchar"],
      [1015, "character varying[]", "_varchar"],
      [1016, "bigint[]", "_int8"],
      [1021, "real[]", "_float4"],
      [1022, "double precision[]", "_float8"],
      [1115, "timestamp without time zone[]", "_timestamp"],
      [1182, "date[]", "_date"],
      [1185, "timestamp with time zone[]", "_timestamptz"],
      [1231, "numeric[]", "_numeric"],
      [199, "json[]", "_json"],
      [2951, "uuid[]", "_uuid"],
      [3807, "jsonb[]", "_jsonb"],
    ] as const
  ).map(([oid, dbType, name]): [number, TypeInfo] => [oid, base(dbType, name, "A")]),
];

const lookupSql = `
SELECT t.oid::int8::text AS oid,
       pg_catalog.format_type(t.oid, NULL) AS db_type,
       b.typname AS name, b.typcategory AS category, t.typtype AS kind
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
WHERE t.oid = ANY($1::oid[])`;

/**
 * OID → type, per data source (user types such as enums and domains differ
 * between databases). Unknown OIDs are looked up once, in the caller's
 * read-only transaction, and cached.
 */
export class TypeCatalog {
  readonly #types = new Map<number, TypeInfo>(builtins);

  get(oid: number): TypeInfo {
    return this.#types.get(oid) ?? { dbType: `oid ${oid}`, name: "unknown", category: "X", kind: "b" };
  }

  async resolve(connection: RawConnection, oids: readonly number[]): Promise<void> {
    const missing = [...new Set(oids)].filter((oid) => !this.#types.has(oid));
    if (missing.length === 0) return;
    const result = await connection.query(lookupSql, [`{${missing.join(",")}}`]);
    for (const [oid, dbType, name, category, kind] of result.rows) {
      if (oid === null || oid === undefined) continue;
      this.#types.set(Number(oid), { dbType: dbType ?? "unknown", name: name ?? "unknown", category: category ?? "X", kind: kind ?? "b" });
    }
  }
}
