import { singularize } from "../../semantic/inflect.ts";
import { schemaNaming, type SchemaNaming } from "../../semantic/naming.ts";
import type { ColumnSnapshot, Queryable, ReferenceEvidence, TableSnapshot, ValueType } from "../snapshot.ts";
import {
  isDistinctiveName,
  isIdentifierRank,
  keyNameRank,
  referencedTableKey,
  tableKeys,
  typesCompatible,
} from "./key-names.ts";
import { runBatched, type Branch } from "./measure.ts";
import { qualified, quoteIdent } from "./types.ts";

/** Rows read per column when checking that it is unique and non-null. */
const KEY_SAMPLE_ROWS = 10_000;
/** Distinct referencing values looked up in the referenced column. */
const CONTAINMENT_SAMPLE = 1_000;
/** Referenced tables above this many rows are probed with fewer values, one lookup each. */
const LARGE_TARGET_ROWS = 1_000_000;
const LARGE_TARGET_PROBES = 100;
/** Share of referencing values that must exist on the other side... */
const MIN_CONTAINMENT = 0.9;
/** ...or, when the referenced column is named after its table (`state_name` of `state`), a little less: real data has strays. */
const MIN_NAMED_CONTAINMENT = 0.75;
/** Checks combined into one statement; a failing one is retried alone. */
const BATCH = 100;

/** Types a key can have (floats, dates and documents are never keys). */
const KEY_TYPES: ValueType[] = ["integer", "bigint", "decimal", "text", "uuid"];

type Report = (phase: string, done: number, total: number) => void;

interface Key {
  table: TableSnapshot;
  column: ColumnSnapshot;
}

interface Proposal {
  table: TableSnapshot;
  column: ColumnSnapshot;
  target: Key;
  rule: ReferenceEvidence["rule"];
  containment: number | null;
  sampled: number;
}

const lower = (s: string) => s.toLowerCase();
const singlePk = (t: TableSnapshot) => (t.primaryKey.length === 1 ? t.primaryKey[0]! : null);
const columnOf = (t: TableSnapshot, name: string) => t.columns.find((c) => c.name === name);

/** A statement stopped by the time limit: retrying its parts one by one would only wait longer. */
const timedOut = (error: unknown) => ["QUERY_TIMEOUT", "QUERY_CANCELLED", "57014"].includes(String((error as { code?: unknown }).code));

/**
 * Statements that fail leave their branches unanswered instead of failing the
 * whole introspection; after an error other than a timeout (say a type
 * without equality) the branches are retried alone so one does not sink the rest.
 */
async function runTolerant(db: Queryable, phase: string, branches: Branch[], report: Report): Promise<void> {
  for (let start = 0; start < branches.length; start += BATCH) {
    const chunk = branches.slice(start, start + BATCH);
    try {
      await runBatched(db, phase, chunk, () => undefined, BATCH);
    } catch (error) {
      if (!timedOut(error) && chunk.length > 1) {
        for (const branch of chunk) await runBatched(db, phase, [branch], () => undefined).catch(() => undefined);
      }
    }
    report(phase, start + chunk.length, branches.length);
  }
}

/** Columns worth checking for uniqueness: named like a key of their table, or a specific name another table shares. */
function keyCandidates(tables: TableSnapshot[]): Key[] {
  const sharedBy = new Map<string, number>();
  for (const t of tables) for (const c of t.columns) sharedBy.set(lower(c.name), (sharedBy.get(lower(c.name)) ?? 0) + 1);
  const out: Key[] = [];
  for (const table of tables) {
    if (table.kind !== "table") continue;
    const known = new Set([...(singlePk(table) ? [singlePk(table)!] : []), ...(table.uniqueColumns ?? [])]);
    for (const column of table.columns) {
      if (known.has(column.name) || !KEY_TYPES.includes(column.type)) continue;
      const named = keyNameRank(table.name, column.name) !== null;
      const shared = (sharedBy.get(lower(column.name)) ?? 0) > 1 && isDistinctiveName(column.name);
      if (named || shared) out.push({ table, column });
    }
  }
  return out;
}

/**
 * Finds the columns that are non-null and unique in (a bounded sample of) the
 * data, and makes the best identifier-named one the primary key of a table
 * that declares none.
 */
async function inferCandidateKeys(db: Queryable, tables: TableSnapshot[], report: Report): Promise<void> {
  const branches: Branch[] = keyCandidates(tables).map(({ table, column }) => {
    const col = quoteIdent(column.name);
    return {
      sql: `SELECT json_build_array(count(*), count(${col}), count(DISTINCT ${col})) FROM (SELECT ${col} FROM ${qualified(table.schema, table.name)} LIMIT ${KEY_SAMPLE_ROWS}) s`,
      apply: (v) => {
        const [rows, nonNull, distinct] = ((typeof v === "string" ? JSON.parse(v) : v) as number[]).map(Number);
        const rank = keyNameRank(table.name, column.name);
        // An empty table contradicts nothing: a non-null column named like its identifier is taken at its word.
        const unique = rows! > 0 ? nonNull === rows && distinct === rows : !column.nullable && isIdentifierRank(rank);
        if (unique) table.uniqueColumns = [...(table.uniqueColumns ?? []), column.name];
      },
    };
  });
  await runTolerant(db, "keys", branches, report);
  for (const table of tables) {
    if (table.primaryKey.length > 0 || !table.uniqueColumns) continue;
    const ranked = table.uniqueColumns
      .map((name) => ({ name, rank: keyNameRank(table.name, name) }))
      .filter((c) => isIdentifierRank(c.rank))
      .sort((a, b) => a.rank! - b.rank!);
    if (ranked[0]) {
      table.primaryKey = [ranked[0].name];
      table.primaryKeyInferred = true;
    }
  }
}

/** Last words of a column that refers to another table's key. */
const ID_WORDS = ["id", "key"];

/** Words reduced to a comparable key like `tableKey`: ["order", "items"] → `orderitem`. */
function wordsKey(words: string[]): string {
  return [...words.slice(0, -1), singularize(words[words.length - 1] ?? "")].join("");
}

/**
 * The table key a column names in the schema's own naming (prefix and the
 * table's short form dropped, abbreviations spelled out): `sbTxCustId` of
 * `sbTransaction` → `customer`, which the plain names cannot tell.
 */
function namedTableKey(naming: SchemaNaming, table: TableSnapshot, column: string): string | null {
  const tail = naming.columnTail(table, column);
  return tail.length >= 2 && ID_WORDS.includes(tail[tail.length - 1]!) ? wordsKey(tail.slice(0, -1)) : null;
}

/** Candidate targets of every column that does not reference anything yet, by the naming rules. */
function propose(tables: TableSnapshot[]): Proposal[] {
  const naming = schemaNaming(tables);
  const byNamedKey = new Map<string, TableSnapshot[]>();
  const byTableKey = new Map<string, TableSnapshot[]>();
  const byTail = new Map<string, TableSnapshot[]>();
  const keysByName = new Map<string, Key[]>();
  for (const t of tables) {
    const pk = singlePk(t);
    // Whole names first: `item_id` means `items` before it means `order_items`.
    tableKeys(t.name).forEach((key, i) => {
      const map = i === 0 ? byTableKey : byTail;
      if (pk) map.set(key, [...(map.get(key) ?? []), t]);
    });
    const namedKey = wordsKey(naming.table(t).words);
    if (pk) byNamedKey.set(namedKey, [...(byNamedKey.get(namedKey) ?? []), t]);
    for (const name of new Set([...(pk ? [pk] : []), ...(t.uniqueColumns ?? [])])) {
      const column = columnOf(t, name);
      if (column) keysByName.set(lower(name), [...(keysByName.get(lower(name)) ?? []), { table: t, column }]);
    }
  }

  const out: Proposal[] = [];
  for (const table of tables) {
    const covered = new Set(table.foreignKeys.filter((fk) => fk.columns.length === 1).map((fk) => fk.columns[0]));
    for (const column of table.columns) {
      if (covered.has(column.name) || isIdentifierRank(keyNameRank(table.name, column.name))) continue;
      if (singlePk(table) === column.name) continue;
      const add = (target: Key, rule: ReferenceEvidence["rule"]) => {
        if (target.table === table || !typesCompatible(column.type, target.column.type)) return;
        if (out.some((p) => p.table === table && p.column === column && p.target.table === target.table && p.target.column === target.column)) return;
        out.push({ table, column, target, rule, containment: null, sampled: 0 });
      };
      const named = referencedTableKey(column.name);
      const whole = named ? (byTableKey.get(named) ?? []).filter((t) => t !== table) : [];
      const partly = whole.length > 0 || !named ? whole : (byTail.get(named) ?? []).filter((t) => t !== table);
      const inNaming = namedTableKey(naming, table, column.name);
      const tablesNamed = partly.length > 0 || !inNaming ? partly : (byNamedKey.get(inNaming) ?? []).filter((t) => t !== table);
      const sameSchema = tablesNamed.filter((t) => t.schema === table.schema);
      for (const t of tablesNamed.length > 1 && sameSchema.length > 0 ? sameSchema : tablesNamed) {
        add({ table: t, column: columnOf(t, singlePk(t)!)! }, "names_table");
      }
      if (!isDistinctiveName(column.name)) continue;
      const ownUnique = (table.uniqueColumns ?? []).includes(column.name);
      for (const key of keysByName.get(lower(column.name)) ?? []) {
        // Both sides unique (one-to-one): the reference points at the table the name belongs to.
        if (ownUnique && !ownsName(key.table, table, column.name)) continue;
        add(key, singlePk(key.table) === key.column.name ? "same_name_as_key" : "shared_name");
      }
    }
  }
  return out;
}

/** Of two tables where a column is unique, the one it is named after (`state_name` → `state`), else the larger. */
function ownsName(candidate: TableSnapshot, other: TableSnapshot, column: string): boolean {
  const a = keyNameRank(candidate.name, column);
  const b = keyNameRank(other.name, column);
  if (a !== null || b !== null) return a !== null && (b === null || a < b);
  if (candidate.rowEstimate !== other.rowEstimate) return candidate.rowEstimate > other.rowEstimate;
  return candidate.name < other.name;
}

/** Measures what share of each proposal's sampled distinct values exists in the referenced column. */
async function measureContainment(db: Queryable, proposals: Proposal[], report: Report): Promise<void> {
  const branches: Branch[] = [];
  for (const p of proposals) {
    if (p.table.kind !== "table" || p.target.table.kind !== "table") continue;
    const col = quoteIdent(p.column.name);
    const key = quoteIdent(p.target.column.name);
    const target = qualified(p.target.table.schema, p.target.table.name);
    // A small referenced table is read once into a hash; a large one is probed value by value (its key is likely indexed).
    const large = p.target.table.rowEstimate > LARGE_TARGET_ROWS;
    const found = large ? `EXISTS (SELECT 1 FROM ${target} t WHERE t.${key} = s.v)` : `s.v IN (SELECT ${key} FROM ${target})`;
    branches.push({
      sql: `SELECT json_build_array(count(*), count(*) FILTER (WHERE ${found})) FROM (SELECT DISTINCT ${col} AS v FROM (SELECT ${col} FROM ${qualified(p.table.schema, p.table.name)} WHERE ${col} IS NOT NULL LIMIT ${KEY_SAMPLE_ROWS}) r LIMIT ${large ? LARGE_TARGET_PROBES : CONTAINMENT_SAMPLE}) s`,
      apply: (v) => {
        const [sampled, found] = ((typeof v === "string" ? JSON.parse(v) : v) as number[]).map(Number);
        p.sampled = sampled!;
        p.containment = sampled! > 0 ? Math.round((found! / sampled!) * 1000) / 1000 : null;
      },
    });
  }
  await runTolerant(db, "references", branches, report);
}

const RULE_ORDER: ReferenceEvidence["rule"][] = ["names_table", "same_name_as_key", "shared_name"];

/** Whether the evidence is enough: most values found, or (nothing to measure) a name that points at the referenced table. */
function accepted(p: Proposal): boolean {
  const named = p.rule === "names_table" || keyNameRank(p.target.table.name, p.target.column.name) !== null;
  if (p.containment !== null) return p.containment >= (named ? MIN_NAMED_CONTAINMENT : MIN_CONTAINMENT);
  return named;
}

function better(a: Proposal, b: Proposal): number {
  const rank = (p: Proposal) => keyNameRank(p.target.table.name, p.column.name) ?? 9;
  return (
    RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) ||
    rank(a) - rank(b) ||
    (b.containment ?? 0) - (a.containment ?? 0) ||
    b.target.table.rowEstimate - a.target.table.rowEstimate
  );
}

/**
 * Adds the keys and references a database does not declare: candidate keys
 * (columns named like keys that are non-null and unique in the data), then
 * references proposed by names (`customer_id` → `customers`, a column named
 * like another table's key, a shared specific name such as `city_name`),
 * kept when the types fit and the sampled values are found on the other side.
 * Every query reads a bounded number of rows; failed checks count as unmeasured.
 */
export async function inferKeysAndReferences(db: Queryable, tables: TableSnapshot[], report: Report = () => undefined): Promise<void> {
  await inferCandidateKeys(db, tables, report);
  const proposals = propose(tables);
  await measureContainment(db, proposals, report);
  const best = new Map<string, Proposal>();
  for (const p of proposals.filter(accepted)) {
    const id = `${p.table.schema}\u0000${p.table.name}\u0000${p.column.name}`;
    const current = best.get(id);
    if (!current || better(p, current) < 0) best.set(id, p);
  }
  for (const p of best.values()) {
    p.table.foreignKeys.push({
      name: `inferred_${p.table.name}_${p.column.name}`,
      columns: [p.column.name],
      refSchema: p.target.table.schema,
      refTable: p.target.table.name,
      refColumns: [p.target.column.name],
      inferred: true,
      evidence: { rule: p.rule, containment: p.containment, sampled: p.sampled },
    });
  }
}
