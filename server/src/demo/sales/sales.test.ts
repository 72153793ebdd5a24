import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, column, inspectStructure, loadDemoScript, rowCounts, scalar, type DemoTestDb } from "../test-databases.ts";
import { generateSales } from "./generate.ts";

const script = generateSales();

describe.each(backends)("sales demo loaded into %s", (backend) => {
  let db: DemoTestDb;
  beforeAll(async () => {
    db = await loadDemoScript(backend, "demosales", script);
  });
  afterAll(() => db?.close());

  it("has keys, comments, statistics and only resolving foreign keys", async () => {
    const s = await inspectStructure(db);
    expect(s.tables).toEqual(["customers", "order_items", "orders", "product_categories", "products", "regions", "sales_reps"]);
    expect(s.foreignKeys).toBe(7);
    expect(s).toMatchObject({ tablesWithoutPrimaryKey: [], tablesWithoutComment: [], columnsWithoutComment: [], tablesWithoutStatistics: [], danglingReferences: [] });
  });

  it("has row counts in the intended ranges", async () => {
    const n = await rowCounts(db, ["regions", "sales_reps", "customers", "product_categories", "products", "orders", "order_items"]);
    expect(n.regions).toBe(4);
    expect(n.product_categories).toBe(9);
    expect(n.sales_reps).toBeGreaterThanOrEqual(16);
    expect(n.customers).toBe(640);
    expect(n.products).toBeGreaterThanOrEqual(55);
    expect(n.orders).toBeGreaterThan(5500);
    expect(n.orders).toBeLessThan(7000);
    expect(n.order_items).toBeGreaterThan(9000);
    expect(n.order_items).toBeLessThan(20000);
  });

  it("has readable region names, each with orders in every year", async () => {
    expect(await column(db, "SELECT name FROM regions ORDER BY name")).toEqual(["APAC", "EMEA", "LATAM", "North America"]);
    const cells = await scalar(db, `
      SELECT count(*)::int FROM (SELECT DISTINCT c.region_id, extract(year FROM o.order_date)
      FROM orders o JOIN customers c USING (customer_id)) t`);
    expect(cells).toBe(4 * 3);
  });

  it("keeps every order total equal to the sum of its items, so both revenue paths agree", async () => {
    expect(await scalar(db, "SELECT count(*)::int FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.order_id)")).toBe(0);
    const mismatched = await scalar(db, `
      SELECT count(*)::int FROM orders o
      JOIN (SELECT order_id, sum(quantity * unit_price * (1 - discount)) AS total FROM order_items GROUP BY order_id) i USING (order_id)
      WHERE i.total <> o.amount`);
    expect(mismatched).toBe(0);
    const [viaOrders, viaItems] = await Promise.all([
      scalar(db, "SELECT sum(amount)::text FROM orders"),
      scalar(db, "SELECT sum(quantity * unit_price * (1 - discount))::text FROM order_items"),
    ]);
    expect(viaItems).toBe(viaOrders);
    expect(viaOrders).toBeGreaterThan(10_000_000);
  });

  it("places orders in 2022–2024, every month, with growth and a strong year end", async () => {
    expect(await column(db, "SELECT min(order_date)::text || ' ' || max(order_date)::text FROM orders")).toEqual(["2022-01-01 2024-12-31"]);
    expect(await scalar(db, "SELECT count(DISTINCT date_trunc('month', order_date))::int FROM orders")).toBe(36);
    const byYear = (await db.rows("SELECT extract(year FROM order_date)::int AS y, sum(amount)::float8 AS revenue, count(*)::int AS orders FROM orders GROUP BY 1 ORDER BY 1"))
      .map((r) => ({ year: Number(r.y), revenue: Number(r.revenue), orders: Number(r.orders) }));
    expect(byYear.map((y) => y.year)).toEqual([2022, 2023, 2024]);
    expect(byYear[1]!.revenue).toBeGreaterThan(byYear[0]!.revenue);
    expect(byYear[2]!.revenue).toBeGreaterThan(byYear[1]!.revenue);
    const quieterSummer = await scalar(db, `
      SELECT count(*)::int FROM (
        SELECT extract(year FROM order_date) y,
          count(*) FILTER (WHERE extract(month FROM order_date) IN (11, 12)) AS year_end,
          count(*) FILTER (WHERE extract(month FROM order_date) IN (7, 8)) AS summer
        FROM orders GROUP BY 1) t WHERE year_end > summer * 1.3`);
    expect(quieterSummer).toBe(3);
  });

  it("has sane quantities, prices, discounts and shipping", async () => {
    expect(await scalar(db, "SELECT count(*)::int FROM order_items WHERE quantity <= 0 OR unit_price <= 0 OR discount < 0 OR discount > 0.2")).toBe(0);
    expect(await scalar(db, "SELECT count(*)::int FROM products WHERE unit_cost >= unit_price")).toBe(0);
    expect(await scalar(db, "SELECT count(*)::int FROM orders WHERE (ship_date IS NULL) <> (status IN ('processing', 'cancelled'))")).toBe(0);
    expect(await scalar(db, "SELECT count(*)::int FROM orders WHERE ship_date > DATE '2024-12-31'")).toBe(0);
    // 2024 lines are charged the current list price; earlier lines the lower pre-2024 price.
    const priceBreaks = await scalar(db, `
      SELECT count(*)::int FROM order_items i JOIN orders o USING (order_id) JOIN products p USING (product_id)
      WHERE (o.order_date >= DATE '2024-01-01' AND i.unit_price <> p.unit_price) OR (o.order_date < DATE '2024-01-01' AND i.unit_price >= p.unit_price)`);
    expect(priceBreaks).toBe(0);
  });

  it("only sells products while they are on the market, to customers who have signed up", async () => {
    expect(await scalar(db, "SELECT count(*)::int FROM order_items i JOIN orders o USING (order_id) JOIN products p USING (product_id) WHERE o.order_date < p.launch_date")).toBe(0);
    expect(await scalar(db, "SELECT count(*)::int FROM order_items i JOIN orders o USING (order_id) JOIN products p USING (product_id) WHERE p.discontinued AND o.order_date > DATE '2024-07-01'")).toBe(0);
    expect(await scalar(db, "SELECT count(*)::int FROM products WHERE discontinued")).toBeGreaterThan(0);
    expect(await scalar(db, "SELECT count(*)::int FROM orders o JOIN customers c USING (customer_id) WHERE o.order_date < c.signup_date")).toBe(0);
  });

  it("credits reps from the customer's region, and none for online orders", async () => {
    expect(await scalar(db, "SELECT count(*)::int FROM orders WHERE (sales_rep_id IS NULL) <> (channel = 'Online')")).toBe(0);
    const crossRegion = await scalar(db, `
      SELECT count(*)::int FROM orders o JOIN customers c USING (customer_id) JOIN sales_reps r USING (sales_rep_id)
      WHERE r.region_id <> c.region_id OR o.order_date < r.hire_date`);
    expect(crossRegion).toBe(0);
    expect(await column(db, "SELECT channel FROM orders GROUP BY 1 ORDER BY 1")).toEqual(["Direct sales", "Online", "Partner", "Phone"]);
  });
});
