/**
 * One table with a value of every common type, loaded into both a PostgreSQL
 * and a PGlite data source by the executor tests, which then check that both
 * executors return exactly `probeExpected` for `probeQuery`. (Result columns
 * of a domain type arrive as the base type: the protocol sends the base OID.)
 */
export const probeSetupSql = `
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN price AS numeric(10, 2);
CREATE TABLE probe (
  id int4 PRIMARY KEY, small int2, big int8, exact numeric(20, 4), cost price, ratio float8, flag boolean,
  day date, at timestamp, at_tz timestamptz, label text, feeling mood, tags text[], doc jsonb, period interval, blob bytea
);
INSERT INTO probe VALUES
  (1, 7, 9007199254740993, 12345678901234.5678, 19.90, 0.1, true, '2024-02-29', '2024-05-06 07:08:09.5',
   '2024-01-02 03:04:05.123456+02', 'naïve', 'happy', '{a,"b c"}', '{"k": [1, null]}', '1 day 02:00', '\\x0102'),
  (2, NULL, 42, NULL, NULL, 'NaN', false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
`;

export const probeQuery = "SELECT * FROM probe ORDER BY id";

export const probeExpectedColumns = [
  { name: "id", type: "integer", dbType: "integer" },
  { name: "small", type: "integer", dbType: "smallint" },
  { name: "big", type: "bigint", dbType: "bigint" },
  { name: "exact", type: "decimal", dbType: "numeric" },
  { name: "cost", type: "decimal", dbType: "numeric" },
  { name: "ratio", type: "float", dbType: "double precision" },
  { name: "flag", type: "boolean", dbType: "boolean" },
  { name: "day", type: "date", dbType: "date" },
  { name: "at", type: "timestamp", dbType: "timestamp without time zone" },
  { name: "at_tz", type: "timestamp", dbType: "timestamp with time zone" },
  { name: "label", type: "text", dbType: "text" },
  { name: "feeling", type: "text", dbType: "mood" },
  { name: "tags", type: "array", dbType: "text[]" },
  { name: "doc", type: "json", dbType: "jsonb" },
  { name: "period", type: "interval", dbType: "interval" },
  { name: "blob", type: "binary", dbType: "bytea" },
];

export const probeExpectedRows = [
  [
    1, 7, "9007199254740993", "12345678901234.5678", "19.90", 0.1, true, "2024-02-29", "2024-05-06T07:08:09.5",
    "2024-01-02T01:04:05.123456Z", "naïve", "happy", '{a,"b c"}', { k: [1, null] }, "1 day 02:00:00", "\\x0102",
  ],
  [2, null, 42, null, null, "NaN", false, null, null, null, null, null, null, null, null, null],
];
