/**
 * What user SQL may call. An allow-list, not a deny-list: a function, type or
 * construct that is not named here is rejected, so a PostgreSQL release or an
 * extension that adds something dangerous cannot slip through.
 *
 * Every function here is pure or only reads its arguments: no file, network,
 * large-object, lock, sequence, setting, session or catalog access, and none
 * takes SQL text to run (query_to_xml, ts_stat, ts_rewrite, xpath over queries...).
 */

const aggregates = [
  "count", "sum", "avg", "min", "max", "any_value",
  "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
  "bool_and", "bool_or", "every", "bit_and", "bit_or", "bit_xor",
  "string_agg", "array_agg", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg",
  "percentile_cont", "percentile_disc", "mode",
  "corr", "covar_pop", "covar_samp",
  "regr_avgx", "regr_avgy", "regr_count", "regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy", "regr_syy",
];

const windows = [
  "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile",
  "lag", "lead", "first_value", "last_value", "nth_value",
];

const maths = [
  "abs", "ceil", "ceiling", "floor", "round", "trunc", "sign", "sqrt", "cbrt", "power", "pow", "exp", "ln", "log", "log10",
  "mod", "div", "pi", "degrees", "radians", "width_bucket", "random", "gcd", "lcm", "scale", "min_scale", "trim_scale",
  "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sind", "cosd", "tand", "sinh", "cosh", "tanh",
];

const strings = [
  "lower", "upper", "initcap", "length", "char_length", "character_length", "octet_length", "bit_length",
  "substr", "substring", "left", "right", "lpad", "rpad", "ltrim", "rtrim", "btrim", "replace", "translate",
  "split_part", "strpos", "position", "overlay", "concat", "concat_ws", "format", "reverse", "repeat", "starts_with",
  "regexp_replace", "regexp_match", "regexp_matches", "regexp_split_to_array", "regexp_split_to_table",
  "regexp_like", "regexp_count", "regexp_substr", "regexp_instr", "similar_to_escape",
  "ascii", "chr", "md5", "normalize", "is_normalized", "quote_ident", "quote_literal", "quote_nullable",
  "string_to_array", "string_to_table", "array_to_string", "to_hex", "encode", "decode", "unistr",
  "to_tsvector", "to_tsquery", "plainto_tsquery", "phraseto_tsquery", "websearch_to_tsquery", "ts_rank", "ts_rank_cd", "ts_headline",
];

const dates = [
  "now", "clock_timestamp", "statement_timestamp", "transaction_timestamp", "timeofday",
  "date_trunc", "date_part", "extract", "date_bin", "age", "timezone", "isfinite", "overlaps",
  "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval",
  "justify_days", "justify_hours", "justify_interval", "date_add", "date_subtract",
  "to_char", "to_date", "to_timestamp", "to_number",
];

const json = [
  "to_json", "to_jsonb", "row_to_json", "array_to_json",
  "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "json_object", "jsonb_object",
  "json_extract_path", "json_extract_path_text", "jsonb_extract_path", "jsonb_extract_path_text",
  "json_array_length", "jsonb_array_length", "json_typeof", "jsonb_typeof",
  "json_each", "json_each_text", "jsonb_each", "jsonb_each_text", "json_object_keys", "jsonb_object_keys",
  "json_array_elements", "json_array_elements_text", "jsonb_array_elements", "jsonb_array_elements_text",
  "json_to_record", "jsonb_to_record", "json_to_recordset", "jsonb_to_recordset",
  "json_strip_nulls", "jsonb_strip_nulls", "jsonb_set", "jsonb_insert", "jsonb_pretty",
  "jsonb_path_exists", "jsonb_path_match", "jsonb_path_query", "jsonb_path_query_array", "jsonb_path_query_first",
];

const arrays = [
  "array_length", "cardinality", "unnest", "array_position", "array_positions", "array_remove", "array_replace",
  "array_append", "array_prepend", "array_cat", "array_upper", "array_lower", "array_ndims", "array_dims",
  "generate_subscripts", "trim_array",
];

/** Function-style casts (`date(ts)`, `numeric(x)`), which models write often. */
const casts = ["date", "time", "timestamp", "timestamptz", "numeric", "int2", "int4", "int8", "float4", "float8", "text", "bool", "varchar", "interval"];

const misc = ["generate_series", "num_nulls", "num_nonnulls", "gen_random_uuid", "pg_typeof"];

export const allowedFunctions: ReadonlySet<string> = new Set([
  ...aggregates, ...windows, ...maths, ...strings, ...dates, ...json, ...arrays, ...casts, ...misc,
]);

/**
 * Type names as the parser spells them after resolving SQL aliases
 * (integer → int4, double precision → float8, character varying → varchar, ...).
 * reg* types are left out on purpose: their input functions look names up in the catalog.
 */
export const allowedTypes: ReadonlySet<string> = new Set([
  "bool", "int2", "int4", "int8", "numeric", "float4", "float8", "money",
  "text", "varchar", "bpchar", "bit", "varbit",
  "date", "time", "timetz", "timestamp", "timestamptz", "interval",
  "json", "jsonb", "uuid", "bytea", "tsvector", "tsquery",
]);

/** CURRENT_DATE and friends; CURRENT_USER, CURRENT_CATALOG etc. only describe the session. */
export const allowedValueFunctions: ReadonlySet<string> = new Set([
  "SVFOP_CURRENT_DATE", "SVFOP_CURRENT_TIME", "SVFOP_CURRENT_TIME_N", "SVFOP_CURRENT_TIMESTAMP", "SVFOP_CURRENT_TIMESTAMP_N",
  "SVFOP_LOCALTIME", "SVFOP_LOCALTIME_N", "SVFOP_LOCALTIMESTAMP", "SVFOP_LOCALTIMESTAMP_N",
]);

export const allowedSampleMethods: ReadonlySet<string> = new Set(["system", "bernoulli"]);

/** Columns every table has that reveal physical storage or transaction ids. */
export const systemColumns: ReadonlySet<string> = new Set(["ctid", "xmin", "xmax", "cmin", "cmax", "tableoid"]);

/** Schema that built-in functions, types and operators may be qualified with. */
export const builtinSchema = "pg_catalog";

const operatorSymbol = /^[+\-*/<>=~!@#%^&|`?]{1,8}$/;

export function isOperatorSymbol(name: string): boolean {
  return operatorSymbol.test(name);
}
