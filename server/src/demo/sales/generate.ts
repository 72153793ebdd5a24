/**
 * The sales demo: an office-technology distributor's customers, products and
 * orders over 2022–2024, with growth, seasonality and a price rise in 2024.
 */

import { day, isoDate, monthOf, parseIsoDate, weekdayOf, yearOf, type Day } from "../calendar.ts";
import { randomPerson, uniqueEmail, uniqueName } from "../names.ts";
import { Random, WeightedTable } from "../random.ts";
import { money, SqlScript, decimal, type Row } from "../sql-script.ts";
import {
  categories, channelWeights, channels, companySuffixes, companyWords, discountWeights, industries,
  monthWeights, publicIndustries, regions, segments, weekdayWeights, type Segment,
} from "./reference.ts";
import { salesTables } from "./schema.ts";

const FIRST_DAY = day(2022, 1, 1);
const LAST_DAY = day(2024, 12, 31);
const PRICE_RISE_DAY = day(2024, 1, 1);
const ORDER_COUNT = 6200;
const CUSTOMER_COUNT = 640;
const YEARLY_GROWTH = 0.17;

interface Customer { id: number; regionIndex: number; segment: Segment; signup: Day; activity: number }
interface Rep { id: number; regionIndex: number; hired: Day; skill: number }
interface Product { id: number; categoryIndex: number; price: number; oldPrice: number; launched: Day; endsAfter: Day; popularity: number }

/** Rounds cents to a multiple of 20 so that any 5%-step discount of any quantity is whole cents. */
function roundTo20Cents(cents: number): number {
  return Math.round(cents / 20) * 20;
}

function buildReps(rng: Random, rows: Row[]): Rep[] {
  const reps: Rep[] = [];
  const emails = new Set<string>();
  regions.forEach((region, regionIndex) => {
    const count = 3 + Math.round(region.weight / 8);
    for (let i = 0; i < count; i++) {
      const person = randomPerson(rng);
      // The first two reps of each region predate the data so every region sells from day one.
      const hired = i < 2 ? day(2018, 1, 8) + rng.int(0, 1200) : day(2019, 6, 1) + rng.int(0, 1900);
      const rep: Rep = { id: reps.length + 1, regionIndex, hired, skill: 0.6 + rng.next() * 0.8 };
      reps.push(rep);
      rows.push({
        sales_rep_id: rep.id,
        full_name: `${person.firstName} ${person.lastName}`,
        email: uniqueEmail(person, "sales.example.com", emails),
        region_id: regionIndex + 1,
        hire_date: isoDate(hired),
        annual_quota: money((160_000 + rng.int(0, 12) * 20_000) * 100),
      });
    }
  });
  return reps;
}

function buildCustomers(rng: Random, rows: Row[]): Customer[] {
  const names = new Set<string>();
  const customers: Customer[] = [];
  for (let i = 0; i < CUSTOMER_COUNT; i++) {
    const regionIndex = rng.weighted(regions.map((_, index) => index), regions.map((r) => r.weight));
    const region = regions[regionIndex]!;
    const country = rng.weighted(region.countries, region.countries.map((c) => c.weight));
    const segment = rng.weighted(segments, segments.map((s) => s.weight));
    // Signups spread from mid-2019 to late 2024; a skew pushes growing regions later.
    const position = Math.min(1, rng.next() * (1 - region.signupSkew) + region.signupSkew * rng.next() * 1.4);
    const signup = day(2019, 6, 1) + Math.floor(position * (day(2024, 11, 30) - day(2019, 6, 1)));
    const name = uniqueName(rng, names, (r) => {
      const word = r.pick(companyWords);
      return r.chance(0.25) ? `${word} ${r.pick(companyWords)} ${r.pick(companySuffixes)}` : `${word} ${r.pick(companySuffixes)}`;
    });
    customers.push({ id: i + 1, regionIndex, segment: segment.name, signup, activity: segment.activity * (0.3 + rng.next() * 1.4) });
    rows.push({
      customer_id: i + 1,
      name,
      segment: segment.name,
      industry: rng.pick(segment.name === "Public Sector" ? publicIndustries : industries),
      country: country.name,
      city: rng.pick(country.cities),
      region_id: regionIndex + 1,
      signup_date: isoDate(signup),
    });
  }
  return customers;
}

function buildProducts(rng: Random, rows: Row[]): Product[] {
  const products: Product[] = [];
  categories.forEach((category, categoryIndex) => {
    category.products.forEach((info, index) => {
      const id = products.length + 1;
      const launched = info.launched ? parseIsoDate(info.launched) : day(2019, 1, 7) + rng.int(0, 1000);
      const cost = Math.round(info.price * category.costRatio * (0.85 + rng.next() * 0.3));
      products.push({
        id, categoryIndex, price: info.price, oldPrice: roundTo20Cents(info.price / 1.06), launched,
        endsAfter: info.discontinued ? parseIsoDate(info.discontinued) : LAST_DAY, popularity: 0.4 + rng.next() * 1.2,
      });
      rows.push({
        product_id: id,
        sku: `${category.name.slice(0, 3).toUpperCase()}-${String(1000 + (index + 1) * 7 + categoryIndex * 100)}`,
        name: info.name,
        category_id: categoryIndex + 1,
        unit_price: money(info.price),
        unit_cost: money(cost),
        launch_date: isoDate(launched),
        discontinued: info.discontinued !== undefined,
      });
    });
  });
  return products;
}

/** Expected orders per day: growth over the years, months and weekdays, and a Black Friday peak. */
function dailyOrderCounts(rng: Random): Map<Day, number> {
  const weights: [Day, number][] = [];
  let total = 0;
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    const years = (d - FIRST_DAY) / 365.25;
    const month = monthOf(d);
    const dom = d - day(yearOf(d), month, 1) + 1;
    const blackFriday = month === 11 && weekdayOf(d) === 5 && dom >= 23 && dom <= 29 ? 3 : 1;
    const w = (1 + YEARLY_GROWTH * years) * monthWeights[month - 1]! * weekdayWeights[weekdayOf(d)]! * blackFriday;
    weights.push([d, w]);
    total += w;
  }
  return new Map(weights.map(([d, w]) => [d, rng.round((ORDER_COUNT * w) / total)]));
}

function orderStatus(rng: Random, orderDay: Day): { status: string; shipped: Day | null } {
  const shipped = orderDay + rng.int(1, 5);
  if (shipped > LAST_DAY) return { status: "processing", shipped: null };
  if (LAST_DAY - shipped < 4) return { status: "shipped", shipped };
  const roll = rng.next();
  if (roll < 0.03) return { status: "cancelled", shipped: null };
  if (roll < 0.055) return { status: "returned", shipped };
  return { status: "delivered", shipped };
}

export function generateSales(): string {
  const rng = new Random("agentmedha-demo-sales");
  const script = new SqlScript("AgentMedha demo dataset: Sales (orders of an office-technology distributor, 2022–2024)");
  for (const table of salesTables) script.createTable(table);

  script.insert("regions", regions.map((r, i) => ({ region_id: i + 1, name: r.name, code: r.code })));
  const repRows: Row[] = [];
  const reps = buildReps(rng.fork("reps"), repRows);
  script.insert("sales_reps", repRows);
  const customerRows: Row[] = [];
  const customers = buildCustomers(rng.fork("customers"), customerRows).sort((a, b) => a.signup - b.signup || a.id - b.id);
  script.insert("customers", customerRows);
  script.insert("product_categories", categories.map((c, i) => ({ category_id: i + 1, name: c.name, description: c.description })));
  const productRows: Row[] = [];
  const products = buildProducts(rng.fork("products"), productRows);
  script.insert("products", productRows);

  const orderRng = rng.fork("orders");
  const counts = dailyOrderCounts(rng.fork("volume"));
  const maxActivity = Math.max(...customers.map((c) => c.activity));
  const orders: Row[] = [];
  const items: Row[] = [];
  let signedUp = 0;
  const categoryTable = new WeightedTable(categories.map((_, i) => i), categories.map((c) => c.weight));
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    while (signedUp < customers.length && customers[signedUp]!.signup <= d) signedUp++;
    // Per category, the products on the market that day, weighted by popularity (null when none).
    const onMarket = categories.map((_, categoryIndex) => {
      const candidates = products.filter((p) => p.categoryIndex === categoryIndex && p.launched <= d && p.endsAfter >= d);
      return candidates.length ? new WeightedTable(candidates, candidates.map((p) => p.popularity)) : null;
    });
    const years = (d - FIRST_DAY) / 365.25;
    for (let n = counts.get(d) ?? 0; n > 0; n--) {
      // Rejection sampling: busier customers (by segment and temperament) order more often.
      let customer = customers[orderRng.int(0, signedUp - 1)]!;
      while (!orderRng.chance(customer.activity / maxActivity)) customer = customers[orderRng.int(0, signedUp - 1)]!;
      const segment = segments.find((s) => s.name === customer.segment)!;
      const channelMix = channelWeights[customer.segment].map((w, i) => (channels[i] === "Online" ? w * (1 + 0.3 * years) : w));
      const channel = orderRng.weighted(channels, channelMix);
      let repId: number | null = null;
      if (channel !== "Online") {
        const eligible = reps.filter((r) => r.regionIndex === customer.regionIndex && r.hired <= d);
        repId = orderRng.weighted(eligible, eligible.map((r) => r.skill)).id;
      }
      const orderId = orders.length + 1;
      const { status, shipped } = orderStatus(orderRng, d);
      const lineCount = 1 + Math.floor(orderRng.next() * orderRng.next() * segment.maxLines);
      const [discounts, discountMix] = discountWeights[customer.segment];
      let amount = 0;
      const chosen = new Set<Product>();
      while (chosen.size < lineCount) {
        const table = onMarket[categoryTable.pick(orderRng)];
        if (table) chosen.add(table.pick(orderRng));
      }
      for (const product of chosen) {
        const price = d >= PRICE_RISE_DAY ? product.price : product.oldPrice;
        const factor = categories[product.categoryIndex]!.quantityFactor * (price > 150_000 ? 0.5 : 1);
        const r = orderRng.next();
        const quantity = 1 + Math.floor(r * r * segment.maxQuantity * factor);
        const discountPercent = orderRng.weighted(discounts, discountMix);
        const lineCents = (price * quantity * (100 - discountPercent)) / 100;
        amount += lineCents;
        items.push({
          order_item_id: items.length + 1,
          order_id: orderId,
          product_id: product.id,
          quantity,
          unit_price: money(price),
          discount: decimal(discountPercent / 100, 2),
        });
      }
      orders.push({
        order_id: orderId,
        customer_id: customer.id,
        sales_rep_id: repId,
        order_date: isoDate(d),
        ship_date: shipped === null ? null : isoDate(shipped),
        status,
        channel,
        amount: money(amount),
      });
    }
  }
  script.insert("orders", orders);
  script.insert("order_items", items);
  return script.toString();
}
