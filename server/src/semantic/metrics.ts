import { quoteIdent } from "../sql/introspect/types.ts";
import { nameWords } from "./names.ts";
import type { Entity, Field, Metric } from "./types.ts";

export const REVENUE_SYNONYMS = [
  "revenue",
  "sales",
  "total sales",
  "sales amount",
  "sales revenue",
  "sales value",
  "gross sales",
  "turnover",
  "income",
  "earnings",
  "money",
  "spend",
  "spending",
  "spent",
  "amount spent",
];

const has = (f: Field, ...words: string[]) => nameWords(f.name).some((w) => words.includes(w));

/**
 * Revenue of line-level tables that hold a unit price and a quantity (and
 * maybe a discount) but no revenue column: `sum(price * quantity)`, minus the
 * discount as a fraction (when it never exceeds 1) or as an amount.
 */
export function generatedMetrics(entities: Entity[]): Metric[] {
  const found: { entity: Entity; expression: string; description: string; discount?: string }[] = [];
  for (const entity of entities) {
    const measures = entity.fields.filter((f) => f.role === "measure");
    if (measures.some((f) => has(f, "revenue", "sales", "subtotal") && f.money)) continue;
    const price = measures.find((f) => has(f, "price"));
    const quantity = measures.find((f) => has(f, "quantity", "qty") || f.name.toLowerCase() === "units");
    if (!price || !quantity) continue;
    const discount = measures.find((f) => has(f, "discount"));
    const p = quoteIdent(price.name);
    const q = quoteIdent(quantity.name);
    let expression = `sum(${p} * ${q})`;
    let description = `${price.label} × ${quantity.label}`;
    if (discount) {
      const fraction = discount.max !== undefined && discount.max !== null && Number(discount.max) <= 1;
      const d = quoteIdent(discount.name);
      expression = fraction ? `sum(${p} * ${q} * (1 - ${d}))` : `sum(${p} * ${q} - ${d})`;
      description += fraction ? ` × (1 − ${discount.label})` : ` − ${discount.label}`;
    }
    found.push({ entity, expression, description, ...(discount ? { discount: quoteIdent(discount.name) } : {}) });
  }
  return [...revenueMetrics(found), ...discountMetrics(found), ...stockValueMetrics(entities)];
}

/** How much the discounts took off, where lines carry price, quantity and a fractional discount. */
function discountMetrics(found: { entity: Entity; expression: string; discount?: string }[]): Metric[] {
  return found.flatMap(({ entity, expression, discount }) => {
    if (!discount || !expression.includes("(1 - ")) return [];
    const amount = expression.replace(` * (1 - ${discount})`, ` * ${discount}`);
    return [{
      name: found.length === 1 ? "discount_amount" : `${entity.name.replace(/[^A-Za-z0-9_]/g, "_")}_discount_amount`,
      label: "Discount amount",
      synonyms: ["discount amount", "total discount", "discount value", "amount discounted", "money discounted"],
      entity: entity.name,
      expression: amount,
      description: `Derived: what the discount took off the line value on ${entity.label}.`,
      origin: "generated" as const,
    }];
  });
}

const STOCK_SYNONYMS = ["stock value", "inventory value", "value of stock", "value of inventory", "value of the inventory", "value of the stock", "stock worth", "inventory worth", "value in stock"];

/** What the stock on hand is worth: `sum(price * units in stock)` for tables that hold both. */
function stockValueMetrics(entities: Entity[]): Metric[] {
  const out: Metric[] = [];
  for (const entity of entities) {
    const measures = entity.fields.filter((f) => f.role === "measure");
    const price = measures.find((f) => f.money && has(f, "price", "cost"));
    const stock = measures.find((f) => !f.money && has(f, "stock", "inventory", "hand", "available"));
    if (!price || !stock) continue;
    out.push({
      name: "stock_value",
      label: "Stock value",
      synonyms: STOCK_SYNONYMS,
      entity: entity.name,
      expression: `sum(${quoteIdent(price.name)} * ${quoteIdent(stock.name)})`,
      description: `Derived: ${price.label} × ${stock.label} on ${entity.label}.`,
      origin: "generated",
    });
  }
  return out.map((m, i, all) => (all.length > 1 ? { ...m, name: `${m.entity.replace(/[^A-Za-z0-9_]/g, "_")}_stock_value` } : m));
}

function revenueMetrics(found: { entity: Entity; expression: string; description: string; discount?: string }[]): Metric[] {
  return found.map(({ entity, expression, description }) => {
    const single = found.length === 1;
    const prefix = entity.label.toLowerCase();
    return {
      name: single ? "revenue" : `${prefix.replace(/ /g, "_")}_revenue`,
      label: single ? "Revenue" : `${entity.label} revenue`,
      synonyms: single ? REVENUE_SYNONYMS : [...REVENUE_SYNONYMS, ...REVENUE_SYNONYMS.map((s) => `${prefix} ${s}`)],
      entity: entity.name,
      expression,
      description: `Derived: ${description} on ${entity.label}, since no revenue column exists.`,
      origin: "generated" as const,
    };
  });
}
