import type { Entity, Field, Join, SemanticModel } from "../semantic/types.ts";
import { fieldKey, type Relevance } from "./relevance.ts";

/** How much of a table to show: every column, the important ones with the rest by name, or the important ones only. */
export type Detail = "full" | "compact" | "minimal";

// PostgreSQL reserved words that cannot be used as bare identifiers.
const RESERVED = new Set(
  (
    "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create " +
    "current_catalog current_date current_role current_time current_timestamp current_user default deferrable desc " +
    "distinct do else end except false fetch for foreign from grant group having in initially intersect into lateral " +
    "leading limit localtime localtimestamp not null offset on only or order placing primary references returning " +
    "select session_user some symmetric table then to trailing true union unique user using variadic when where window with"
  ).split(" "),
);

/** An identifier as SQL needs it: bare when that is safe, double-quoted otherwise. */
export function sqlIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

/** How the model must write the table: unqualified in `public`, schema-qualified elsewhere. */
export function sqlTableName(entity: Entity): string {
  return entity.schema === "public" ? sqlIdent(entity.table) : `${sqlIdent(entity.schema)}.${sqlIdent(entity.table)}`;
}

export interface RenderContext {
  model: SemanticModel;
  relevance: Relevance;
  /** Sampled values shown per column. */
  maxValues: number;
}

/** Above this many distinct values a column names things rather than categorising them. */
const SMALL_DOMAIN = 30;

const quoteValue = (v: string) => `'${(v.length > 40 ? `${v.slice(0, 39)}…` : v).replace(/'/g, "''")}'`;

function shortDate(text: string): string {
  return /^\d{4}-\d{2}-\d{2}[ T]00:00:00/.test(text) ? text.slice(0, 10) : text.replace(/\.\d+$/, "");
}

function referenceOf(entity: Entity, field: Field, model: SemanticModel): string | null {
  const join = model.joins.find((j) => j.from === entity.name && j.fromColumns.length === 1 && j.fromColumns[0] === field.name);
  if (!join) return null;
  const target = model.entities.find((e) => e.name === join.to);
  // An inferred reference is a guess from names and values: the model may weigh it against the question.
  return target ? `${sqlTableName(target)}.${sqlIdent(join.toColumns[0]!)}${join.inferred && !join.confirmed ? " (inferred)" : ""}` : null;
}

/** Sampled values: all of a small domain, only the question's matches for names, addresses and the like. */
function shownValues(entity: Entity, field: Field, ctx: RenderContext): string | null {
  if (!field.values || field.values.length === 0 || field.flag) return null;
  const matched = ctx.relevance.fields.get(fieldKey(entity.name, field.name))?.values ?? [];
  const distinct = field.distinct ?? field.values.length;
  const categorical = field.role === "dimension" && distinct <= SMALL_DOMAIN;
  const pool = categorical ? [...new Set([...matched, ...field.values])] : matched;
  const shown = pool.slice(0, ctx.maxValues);
  if (shown.length === 0) return null;
  const more = distinct > shown.length ? `, … (${distinct} distinct)` : "";
  return `values ${shown.map(quoteValue).join(", ")}${more}`;
}

function columnLine(entity: Entity, field: Field, ctx: RenderContext): string {
  const parts = [`${sqlIdent(field.name)} ${field.dbType}`];
  if (entity.primaryKey.includes(field.name)) parts.push("primary key");
  const ref = referenceOf(entity, field, ctx.model);
  if (ref) parts.push(`references ${ref}`);
  if (field.flag) parts.push("yes/no flag");
  if (field.money) parts.push("money");
  // Date ranges tell the model which years hold data; numeric ranges are rounded and mislead more than they help.
  if (field.role === "time" && field.min != null && field.max != null) parts.push(`range ${shortDate(field.min)} .. ${shortDate(field.max)}`);
  const values = shownValues(entity, field, ctx);
  if (values) parts.push(values);
  if (field.extraSynonyms.length > 0) parts.push(`also called ${field.extraSynonyms.join(", ")}`);
  const description = field.description ? ` -- ${field.description.replace(/\s+/g, " ").slice(0, 100)}` : "";
  return `  ${parts.join(", ")}${description}`;
}

/** Columns every query on the table may need: keys, matched ones, the row label and the default date. */
function importantFields(entity: Entity, ctx: RenderContext): Set<string> {
  const keep = new Set<string>(entity.primaryKey);
  for (const f of entity.fields) {
    if (f.role === "foreign_key" || ctx.relevance.fields.has(fieldKey(entity.name, f.name))) keep.add(f.name);
  }
  for (const name of entity.labelFields) keep.add(name);
  if (entity.defaultTimeField) keep.add(entity.defaultTimeField);
  return keep;
}

export function renderTable(entity: Entity, detail: Detail, ctx: RenderContext): string {
  const head = [`${entity.kind === "view" ? "view" : "table"} ${sqlTableName(entity)}`];
  const notes: string[] = [];
  if (entity.rowCount >= 0) notes.push(`~${entity.rowCount} rows`);
  if (entity.labelFields.length > 0) notes.push(`rows named by ${entity.labelFields.map(sqlIdent).join(" + ")}`);
  if (entity.extraSynonyms.length > 0) notes.push(`also called ${entity.extraSynonyms.join(", ")}`);
  if (entity.description) notes.push(entity.description.replace(/\s+/g, " ").slice(0, 120));
  const lines = [`${head[0]} (${notes.join("; ")})`];
  const important = detail === "full" ? null : importantFields(entity, ctx);
  const rest: string[] = [];
  for (const field of entity.fields) {
    // Binary columns (photos, files) never help a query; their names are enough.
    const shown = important ? important.has(field.name) : field.type !== "binary";
    if (shown) lines.push(columnLine(entity, field, ctx));
    else rest.push(sqlIdent(field.name));
  }
  if (detail !== "minimal" && rest.length > 0) lines.push(`  other columns: ${rest.join(", ")}`);
  if (detail === "minimal" && rest.length > 0) lines.push(`  (${rest.length} more columns not shown)`);
  return lines.join("\n");
}

export function joinCondition(join: Join, model: SemanticModel): string {
  const from = model.entities.find((e) => e.name === join.from)!;
  const to = model.entities.find((e) => e.name === join.to)!;
  return join.fromColumns
    .map((c, i) => `${sqlTableName(from)}.${sqlIdent(c)} = ${sqlTableName(to)}.${sqlIdent(join.toColumns[i]!)}`)
    .join(" AND ");
}
