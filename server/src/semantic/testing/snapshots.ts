import type { ColumnSnapshot, SchemaSnapshot, TableSnapshot } from "../../sql/snapshot.ts";

/** Compact builders for hand-written snapshots in tests. */
export function col(name: string, type: ColumnSnapshot["type"], extra: Partial<ColumnSnapshot> = {}): ColumnSnapshot {
  return { name, dbType: type, type, nullable: true, comment: null, ...extra };
}

export function table(name: string, columns: ColumnSnapshot[], extra: Partial<TableSnapshot> = {}): TableSnapshot {
  return {
    schema: "public",
    name,
    kind: "table",
    comment: null,
    rowEstimate: 100,
    columns,
    primaryKey: [],
    foreignKeys: [],
    ...extra,
  };
}

export function fk(columns: string[], refTable: string, refColumns: string[]) {
  return { name: `fk_${columns.join("_")}_${refTable}`, columns, refSchema: "public", refTable, refColumns, inferred: false };
}

export function snapshot(tables: TableSnapshot[]): SchemaSnapshot {
  return { dialect: "postgres", introspectedAt: "2024-01-01T00:00:00.000Z", schemas: ["public"], tables };
}

/**
 * A small shop: regions ← clients ← sales orders ← order lines → items → item
 * groups. Names differ from the sample datasets on purpose.
 */
export function shopSnapshot(): SchemaSnapshot {
  return snapshot([
    table("regions", [col("region_id", "integer", { nullable: false }), col("region_name", "text", { samples: ["North", "South"], distinct: 2 })], {
      primaryKey: ["region_id"],
      rowEstimate: 2,
    }),
    table(
      "clients",
      [
        col("client_id", "integer", { nullable: false }),
        col("full_name", "text", { distinct: 50 }),
        col("country", "text", { samples: ["Brazil", "Canada", "France"], distinct: 3 }),
        col("city", "text", { samples: ["Lyon", "Paris", "Rio", "Toronto"], distinct: 4 }),
        col("email", "text"),
        col("region_id", "integer"),
        col("signup_date", "date", { min: "2022-01-03", max: "2024-06-30" }),
        col("is_active", "boolean", { samples: ["false", "true"], distinct: 2 }),
      ],
      { primaryKey: ["client_id"], foreignKeys: [fk(["region_id"], "regions", ["region_id"])], rowEstimate: 50 },
    ),
    table(
      "sales_orders",
      [
        col("order_id", "integer", { nullable: false }),
        col("client_id", "integer"),
        col("ordered_at", "timestamp", { nullable: false, min: "2022-01-05 10:00:00", max: "2024-06-28 16:00:00" }),
        col("status", "text", { samples: ["cancelled", "open", "shipped"], distinct: 3 }),
        col("shipping_fee", "decimal", { min: "0", max: "40" }),
      ],
      { primaryKey: ["order_id"], foreignKeys: [fk(["client_id"], "clients", ["client_id"])], rowEstimate: 400 },
    ),
    table(
      "order_lines",
      [
        col("line_id", "integer", { nullable: false }),
        col("order_id", "integer"),
        col("item_id", "integer"),
        col("unit_price", "decimal", { min: "1", max: "90" }),
        col("qty", "integer", { min: "1", max: "12" }),
        col("discount", "float", { min: "0", max: "0.3" }),
      ],
      {
        primaryKey: ["line_id"],
        foreignKeys: [fk(["order_id"], "sales_orders", ["order_id"]), fk(["item_id"], "items", ["item_id"])],
        rowEstimate: 1500,
      },
    ),
    table(
      "items",
      [
        col("item_id", "integer", { nullable: false }),
        col("item_name", "text", { samples: ["Green Tea", "Oolong", "Teapot"], distinct: 3 }),
        col("group_id", "integer"),
        col("list_price", "decimal", { min: "1", max: "90" }),
        col("in_stock", "integer", { min: "0", max: "300" }),
        col("retired", "integer", { samples: ["0", "1"], distinct: 2 }),
      ],
      { primaryKey: ["item_id"], foreignKeys: [fk(["group_id"], "item_groups", ["group_id"])], rowEstimate: 3 },
    ),
    table("item_groups", [col("group_id", "integer", { nullable: false }), col("group_name", "text", { samples: ["Drinks", "Ware"], distinct: 2 })], {
      primaryKey: ["group_id"],
      rowEstimate: 2,
    }),
  ]);
}
