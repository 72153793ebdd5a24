import { emptySpec, type QuerySpec } from "../engine/spec.ts";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import { shopSnapshot } from "../semantic/testing/snapshots.ts";
import type { ResultColumn } from "../sql/executor/executor.ts";

/** Shared fixtures of the insights tests and benchmark: the shop model and compact result builders. */

export const shopModel = () => bootstrapSemanticModel(shopSnapshot());

export const col = (name: string, type: ResultColumn["type"], dbType: string = type): ResultColumn => ({ name, type, dbType });

export function spec(entity: string, parts: Partial<QuerySpec> = {}): QuerySpec {
  return { ...emptySpec(entity), ...parts };
}

export const ORDERED_AT = { entity: "sales_orders", field: "ordered_at" } as const;
export const REVENUE = { kind: "metric", metric: "revenue" } as const;
export const COUNT_ORDERS = { kind: "count", entity: "sales_orders" } as const;

/** `YYYY-MM-01` for month `i` (0-based) counted from January 2023. */
export const monthStart = (i: number) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
