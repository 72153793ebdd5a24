import { singularize, splitIdentifier } from "../../semantic/inflect.ts";
import type { ForeignKeySnapshot, TableSnapshot, ValueType } from "../snapshot.ts";

const NUMERIC: ValueType[] = ["integer", "bigint", "decimal"];

function compatible(a: ValueType, b: ValueType): boolean {
  if (a === b) return true;
  return NUMERIC.includes(a) && NUMERIC.includes(b);
}

/** Table name reduced to a comparable key: `order_items` → `orderitem`, `Customers` → `customer`. */
function tableKey(name: string): string {
  const words = splitIdentifier(name);
  const last = words.pop();
  return [...words, last ? singularize(last) : ""].join("");
}

/**
 * Adds foreign keys the database does not declare but the names make likely:
 * a column `customer_id` (or `customerId`) pointing at the single-column
 * primary key of a table called `customer`/`customers`, or a column named
 * exactly like another table's primary key. Marked `inferred: true`.
 */
export function inferForeignKeys(tables: TableSnapshot[]): void {
  const byKey = new Map<string, TableSnapshot[]>();
  const byPkColumn = new Map<string, TableSnapshot[]>();
  for (const t of tables) {
    if (t.primaryKey.length !== 1) continue;
    const key = tableKey(t.name);
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
    const pk = t.primaryKey[0]!.toLowerCase();
    if (pk !== "id") byPkColumn.set(pk, [...(byPkColumn.get(pk) ?? []), t]);
  }

  for (const t of tables) {
    const covered = new Set(t.foreignKeys.filter((fk) => fk.columns.length === 1).map((fk) => fk.columns[0]));
    for (const col of t.columns) {
      if (covered.has(col.name)) continue;
      if (t.primaryKey.length === 1 && t.primaryKey[0] === col.name) continue;
      const target = pickTarget(t, col.name, byKey, byPkColumn);
      if (!target) continue;
      const refColumn = target.primaryKey[0]!;
      const refType = target.columns.find((c) => c.name === refColumn)?.type;
      if (!refType || !compatible(col.type, refType)) continue;
      const fk: ForeignKeySnapshot = {
        name: `inferred_${t.name}_${col.name}`,
        columns: [col.name],
        refSchema: target.schema,
        refTable: target.name,
        refColumns: [refColumn],
        inferred: true,
      };
      t.foreignKeys.push(fk);
    }
  }
}

function pickTarget(
  table: TableSnapshot,
  column: string,
  byKey: Map<string, TableSnapshot[]>,
  byPkColumn: Map<string, TableSnapshot[]>,
): TableSnapshot | undefined {
  const samePk = (byPkColumn.get(column.toLowerCase()) ?? []).filter((t) => t !== table);
  if (samePk.length === 1) return samePk[0];
  const words = splitIdentifier(column);
  if (words.length < 2 || words[words.length - 1] !== "id") return undefined;
  const key = tableKey(words.slice(0, -1).join("_"));
  const candidates = (byKey.get(key) ?? []).filter((t) => t !== table);
  if (candidates.length === 1) return candidates[0];
  return candidates.find((t) => t.schema === table.schema);
}
