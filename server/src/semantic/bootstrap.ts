import type { SchemaSnapshot, TableSnapshot } from "../sql/snapshot.ts";
import { singularize } from "./inflect.ts";
import { generatedMetrics } from "./metrics.ts";
import { entitySynonyms, fieldSynonyms, labelOf, singularOf, type NameWords } from "./names.ts";
import { schemaNaming, type SchemaNaming } from "./naming.ts";
import { columnRole } from "./roles.ts";
import { SEMANTIC_MODEL_FORMAT, type Entity, type Field, type Join, type SemanticModel } from "./types.ts";

/** Entity ids: the bare table name unless two schemas share it. */
function entityNames(snapshot: SchemaSnapshot): Map<TableSnapshot, string> {
  const counts = new Map<string, number>();
  for (const t of snapshot.tables) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  return new Map(snapshot.tables.map((t) => [t, (counts.get(t.name) ?? 0) > 1 ? `${t.schema}.${t.name}` : t.name]));
}

/** Words of a table's columns, by column name. */
type ColumnWords = (column: string) => string[];

/** Columns that name a row, best first. */
function labelFields(table: TableSnapshot, entityPhrase: string, fields: Field[], wordsOf: ColumnWords): string[] {
  const text = fields.filter((f) => f.type === "text" && f.role !== "id" && f.role !== "foreign_key");
  const find = (test: (words: string[], f: Field) => boolean) => text.find((f) => test(wordsOf(f.name), f));
  const entity = entityPhrase.split(" ");
  const head = entity[entity.length - 1] ?? "";
  const own = find((w) => w.length === 2 && singularize(w[0]!) === head && w[1] === "name");
  if (own) return [own.name];
  const plain = find((w) => w.length === 1 && w[0] === "name");
  if (plain) return [plain.name];
  const first = find((w) => w.join(" ") === "first name");
  const last = find((w) => w.join(" ") === "last name");
  if (first && last) return [first.name, last.name];
  // A generic column names rows only when (nearly) every row has its own value.
  const unique = (f: Field) => table.rowEstimate <= 0 || (f.distinct ?? 0) >= 0.9 * table.rowEstimate;
  const candidates: ((w: string[], f: Field) => boolean)[] = [
    (w) => w.join(" ") === "full name",
    (w) => w.length === 1 && w[0] === "title",
    (w, f) => w.join(" ") === "company name" && unique(f),
    (w, f) => w[w.length - 1] === "name" && unique(f),
    (w) => w.includes("description") && w.length === 2 && singularize(w[0]!) === head,
    (w, f) => (w.includes("description") || w.includes("desc")) && unique(f),
    (_w, f) => f.role === "dimension" && unique(f),
  ];
  for (const test of candidates) {
    const hit = find(test);
    if (hit) return [hit.name];
  }
  return [];
}

/** The time column that "per month" or "in 2024" most likely means for this table. */
function defaultTimeField(entityPhrase: string, fields: Field[], wordsOf: ColumnWords): string | null {
  const head = entityPhrase.split(" ");
  let best: { name: string; score: number } | null = null;
  for (const f of fields) {
    if (f.role !== "time") continue;
    const words = wordsOf(f.name).map(singularize);
    let score = 0;
    if (words.some((w) => head.includes(w))) score += 3;
    if (words.some((w) => ["created", "create", "date", "timestamp", "occurred", "placed", "ordered", "order"].includes(w))) score += 1;
    if (words.some((w) => ["birth", "born", "dob", "updated", "modified", "deleted", "expire", "expiry"].includes(w))) score -= 5;
    if (words.some((w) => ["required", "due", "expected", "end", "closed", "shipped"].includes(w))) score -= 1;
    if (!f.nullable) score += 1;
    if (!best || score > best.score) best = { name: f.name, score };
  }
  return best ? best.name : null;
}

/**
 * A many-to-many link: references to at least two rows (two different columns),
 * a key made of those references or none, and at most one other column that
 * is not a date (a dated row is an event such as a loan, not a link).
 */
function isLinkTable(table: TableSnapshot, fields: Field[]): boolean {
  const keyColumns = new Set(table.foreignKeys.filter((fk) => fk.columns.length === 1).map((fk) => fk.columns[0]!));
  if (keyColumns.size < 2 || !table.primaryKey.every((c) => keyColumns.has(c))) return false;
  const others = fields.filter((f) => !keyColumns.has(f.name));
  return others.length <= 1 && others.every((f) => f.role !== "time");
}

function buildEntity(table: TableSnapshot, name: string, naming: SchemaNaming): Entity {
  const tableName = naming.table(table);
  const entityPhrase = singularOf(tableName.words);
  const columnName = (column: string): NameWords => naming.column(table, column);
  const wordsOf: ColumnWords = (column) => columnName(column).words;
  const fields: Field[] = table.columns.map((column) => {
    const role = columnRole(table, column, wordsOf(column.name));
    const field: Field = {
      name: column.name,
      label: labelOf(wordsOf(column.name)),
      role: role.role,
      type: column.type,
      dbType: column.dbType,
      nullable: column.nullable,
      synonyms: fieldSynonyms(columnName(column.name), entityPhrase, role.role === "time"),
      extraSynonyms: [],
      description: column.comment,
    };
    if (role.aggregation) field.aggregation = role.aggregation;
    if (role.money) field.money = true;
    if (role.flag) field.flag = true;
    if (column.samples && (column.type === "text" || role.flag) && role.role !== "foreign_key") field.values = column.samples;
    if (column.distinct !== undefined) field.distinct = column.distinct;
    if (column.min !== undefined) field.min = column.min;
    if (column.max !== undefined) field.max = column.max;
    return field;
  });
  const labels = labelFields(table, entityPhrase, fields, wordsOf);
  for (const f of fields) if (labels.includes(f.name) && f.role === "attribute") f.role = "dimension";
  const bridge = isLinkTable(table, fields);
  return {
    name,
    schema: table.schema,
    table: table.name,
    kind: table.kind,
    label: labelOf(tableName.words, true),
    synonyms: entitySynonyms(tableName),
    extraSynonyms: [],
    description: table.comment,
    primaryKey: table.primaryKey,
    ...(table.primaryKeyInferred ? { primaryKeyInferred: true } : {}),
    rowCount: Math.max(0, table.rowEstimate),
    labelFields: labels,
    defaultTimeField: defaultTimeField(entityPhrase, fields, wordsOf),
    bridge,
    fields,
  };
}

/**
 * Builds a semantic model from an introspection snapshot with no user input:
 * entities with readable names and synonyms, field roles, the join graph and
 * derived metrics. Pure: the same snapshot always gives the same model.
 */
export function bootstrapSemanticModel(snapshot: SchemaSnapshot): SemanticModel {
  const names = entityNames(snapshot);
  const byTable = new Map(snapshot.tables.map((t) => [`${t.schema}\u0000${t.name}`, names.get(t)!]));
  const naming = schemaNaming(snapshot.tables);
  const entities = snapshot.tables.map((t) => buildEntity(t, names.get(t)!, naming));
  const joins: Join[] = [];
  for (const table of snapshot.tables) {
    for (const fk of table.foreignKeys) {
      const to = byTable.get(`${fk.refSchema}\u0000${fk.refTable}`);
      if (!to) continue;
      joins.push({
        name: fk.name,
        from: names.get(table)!,
        fromColumns: fk.columns,
        to,
        toColumns: fk.refColumns,
        inferred: fk.inferred,
        ...(fk.evidence ? { evidence: fk.evidence } : {}),
      });
    }
  }
  return {
    format: SEMANTIC_MODEL_FORMAT,
    version: 1,
    dialect: "postgres",
    generatedAt: snapshot.introspectedAt,
    entities,
    joins,
    metrics: generatedMetrics(entities),
    glossary: [],
    rules: { fiscalYearStartMonth: 1, defaultFilters: [] },
    verifiedQueries: [],
  };
}
