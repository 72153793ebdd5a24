/**
 * Set-based catalog queries: each returns rows for every table of the chosen
 * schemas at once, so the number of round trips does not grow with the schema.
 */

/** Schemas that never hold user data. */
export const SYSTEM_SCHEMA_FILTER = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
  AND n.nspname NOT LIKE 'pg_temp_%' AND n.nspname NOT LIKE 'pg_toast_temp_%'`;

/** `$1` is a text[] of schemas, or null for every user schema. */
const SCHEMA_PARAM = `($1::text[] IS NULL OR n.nspname = ANY($1::text[]))`;

export const TABLES_SQL = `
SELECT n.nspname AS schema, c.relname AS name, c.relkind AS kind,
       obj_description(c.oid, 'pg_class') AS comment,
       c.reltuples::float8 AS reltuples,
       pg_relation_size(c.oid)::float8 AS bytes
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND NOT c.relispartition
  AND ${SYSTEM_SCHEMA_FILTER}
  AND ${SCHEMA_PARAM}
ORDER BY n.nspname, c.relname`;

export const COLUMNS_SQL = `
SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, a.attnum::int AS position,
       format_type(a.atttypid, a.atttypmod) AS db_type,
       COALESCE(bt.typname, t.typname) AS type_name,
       COALESCE(bt.typcategory, t.typcategory)::text AS type_category,
       COALESCE(bt.typtype, t.typtype)::text AS type_kind,
       NOT a.attnotnull AS nullable,
       col_description(c.oid, a.attnum) AS comment,
       CASE WHEN COALESCE(bt.typtype, t.typtype) = 'e'
            THEN ARRAY(SELECT e.enumlabel::text FROM pg_enum e
                       WHERE e.enumtypid = COALESCE(bt.oid, t.oid) ORDER BY e.enumsortorder)
       END AS enum_labels
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
WHERE a.attnum > 0 AND NOT a.attisdropped
  AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
  AND NOT c.relispartition
  AND ${SYSTEM_SCHEMA_FILTER}
  AND ${SCHEMA_PARAM}
ORDER BY n.nspname, c.relname, a.attnum`;

/** Primary keys, unique and foreign-key constraints with their column names in key order. */
export const CONSTRAINTS_SQL = `
SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype::text AS type,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS columns,
       rn.nspname AS ref_schema, rc.relname AS ref_table,
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord) AS ref_columns
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype IN ('p', 'u', 'f')
  AND ${SYSTEM_SCHEMA_FILTER}
  AND ${SCHEMA_PARAM}
ORDER BY n.nspname, c.relname, con.conname`;

/** Planner statistics, when the tables were analyzed: they make sampling unnecessary for wide columns. */
export const STATS_SQL = `
SELECT s.schemaname AS schema, s.tablename AS table, s.attname AS column, s.n_distinct::float8 AS n_distinct
FROM pg_stats s
JOIN pg_namespace n ON n.nspname = s.schemaname
WHERE ${SYSTEM_SCHEMA_FILTER}
  AND ${SCHEMA_PARAM}`;
