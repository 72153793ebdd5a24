/** Tables of the sales demo, with the descriptions a data source's users would want to read. */

import type { TableDef } from "../sql-script.ts";

export const salesTables: TableDef[] = [
  {
    name: "regions",
    comment: "Sales regions; every customer and sales rep belongs to one.",
    columns: [
      { name: "region_id", type: "integer PRIMARY KEY", comment: "Region identifier." },
      { name: "name", type: "text NOT NULL UNIQUE", comment: "Region name, e.g. North America or EMEA." },
      { name: "code", type: "text NOT NULL UNIQUE", comment: "Short region code." },
    ],
  },
  {
    name: "sales_reps",
    comment: "Account executives who close direct, partner and phone orders.",
    columns: [
      { name: "sales_rep_id", type: "integer PRIMARY KEY", comment: "Sales rep identifier." },
      { name: "full_name", type: "text NOT NULL", comment: "Sales rep's name." },
      { name: "email", type: "text NOT NULL UNIQUE", comment: "Work email address." },
      { name: "region_id", type: "integer NOT NULL REFERENCES regions (region_id)", comment: "Region the rep covers." },
      { name: "hire_date", type: "date NOT NULL", comment: "Date the rep joined the sales team." },
      { name: "annual_quota", type: "numeric(12,2) NOT NULL CHECK (annual_quota > 0)", comment: "Yearly sales target in USD." },
    ],
  },
  {
    name: "customers",
    comment: "Business customers that place orders.",
    columns: [
      { name: "customer_id", type: "integer PRIMARY KEY", comment: "Customer identifier." },
      { name: "name", type: "text NOT NULL", comment: "Company name." },
      { name: "segment", type: "text NOT NULL CHECK (segment IN ('Enterprise', 'Mid-Market', 'Small Business', 'Public Sector'))", comment: "Customer segment by size and type." },
      { name: "industry", type: "text NOT NULL", comment: "Industry the customer works in." },
      { name: "country", type: "text NOT NULL", comment: "Country of the customer's billing address." },
      { name: "city", type: "text NOT NULL", comment: "City of the customer's billing address." },
      { name: "region_id", type: "integer NOT NULL REFERENCES regions (region_id)", comment: "Sales region of the customer's country." },
      { name: "signup_date", type: "date NOT NULL", comment: "Date the customer account was opened (customer since)." },
    ],
  },
  {
    name: "product_categories",
    comment: "Product categories of the catalogue.",
    columns: [
      { name: "category_id", type: "integer PRIMARY KEY", comment: "Category identifier." },
      { name: "name", type: "text NOT NULL UNIQUE", comment: "Category name, e.g. Laptops or Accessories." },
      { name: "description", type: "text NOT NULL", comment: "What the category contains." },
    ],
  },
  {
    name: "products",
    comment: "Products sold, with current list price and unit cost.",
    columns: [
      { name: "product_id", type: "integer PRIMARY KEY", comment: "Product identifier." },
      { name: "sku", type: "text NOT NULL UNIQUE", comment: "Stock keeping unit code." },
      { name: "name", type: "text NOT NULL UNIQUE", comment: "Product name." },
      { name: "category_id", type: "integer NOT NULL REFERENCES product_categories (category_id)", comment: "Category of the product." },
      { name: "unit_price", type: "numeric(10,2) NOT NULL CHECK (unit_price > 0)", comment: "Current list price per unit in USD (prices rose about 6% on 2024-01-01)." },
      { name: "unit_cost", type: "numeric(10,2) NOT NULL CHECK (unit_cost > 0)", comment: "Cost per unit in USD, for margin and profit." },
      { name: "launch_date", type: "date NOT NULL", comment: "Date the product became available." },
      { name: "discontinued", type: "boolean NOT NULL", comment: "True when the product is no longer sold." },
    ],
  },
  {
    name: "orders",
    comment: "Customer orders, one row per order; amount is the order's revenue.",
    columns: [
      { name: "order_id", type: "integer PRIMARY KEY", comment: "Order number." },
      { name: "customer_id", type: "integer NOT NULL REFERENCES customers (customer_id)", comment: "Customer who placed the order." },
      { name: "sales_rep_id", type: "integer REFERENCES sales_reps (sales_rep_id)", comment: "Sales rep credited with the order; empty for online orders." },
      { name: "order_date", type: "date NOT NULL", comment: "Date the order was placed." },
      { name: "ship_date", type: "date", comment: "Date the order shipped; empty while processing or when cancelled." },
      { name: "status", type: "text NOT NULL CHECK (status IN ('processing', 'shipped', 'delivered', 'cancelled', 'returned'))", comment: "Fulfilment status of the order." },
      { name: "channel", type: "text NOT NULL CHECK (channel IN ('Online', 'Direct sales', 'Partner', 'Phone'))", comment: "Sales channel the order came through." },
      { name: "amount", type: "numeric(12,2) NOT NULL CHECK (amount >= 0)", comment: "Order total (revenue) in USD after discounts: the sum of its items' quantity × unit_price × (1 − discount). Cancelled and returned orders keep their amount; filter on status to leave them out." },
    ],
    constraints: ["CHECK (ship_date IS NULL OR ship_date >= order_date)"],
  },
  {
    name: "order_items",
    comment: "Order lines: which products an order contains, how many, and at what price.",
    columns: [
      { name: "order_item_id", type: "integer PRIMARY KEY", comment: "Order line identifier." },
      { name: "order_id", type: "integer NOT NULL REFERENCES orders (order_id)", comment: "Order the line belongs to." },
      { name: "product_id", type: "integer NOT NULL REFERENCES products (product_id)", comment: "Product ordered." },
      { name: "quantity", type: "integer NOT NULL CHECK (quantity > 0)", comment: "Units ordered." },
      { name: "unit_price", type: "numeric(10,2) NOT NULL CHECK (unit_price > 0)", comment: "Price per unit in USD when ordered, before discount." },
      { name: "discount", type: "numeric(3,2) NOT NULL CHECK (discount >= 0 AND discount < 1)", comment: "Discount as a fraction of the price, e.g. 0.10 for 10% off." },
    ],
    constraints: ["UNIQUE (order_id, product_id)"],
  },
];
