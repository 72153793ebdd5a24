import type pg from "pg";

/**
 * A small shop database for the corpus tests: the tables the attacks aim at,
 * a schema the data source may not read, a user function that writes, a
 * sequence, a view, and identifiers that need quoting.
 */
export const fixtureSql = `
CREATE TABLE customers (
  id serial PRIMARY KEY,
  name text NOT NULL,
  email text,
  country text,
  created_at timestamptz NOT NULL,
  vip boolean NOT NULL DEFAULT false
);
CREATE TABLE products (
  id serial PRIMARY KEY,
  name text NOT NULL,
  category text,
  price numeric(10,2) NOT NULL
);
CREATE TABLE orders (
  id serial PRIMARY KEY,
  customer_id int NOT NULL REFERENCES customers(id),
  ordered_on date NOT NULL,
  status text NOT NULL,
  total numeric(12,2) NOT NULL,
  details jsonb
);
CREATE TABLE order_items (
  order_id int NOT NULL REFERENCES orders(id),
  product_id int NOT NULL REFERENCES products(id),
  quantity int NOT NULL,
  unit_price numeric(10,2) NOT NULL,
  PRIMARY KEY (order_id, product_id)
);
CREATE TABLE "Mixed Case" ("Id" int PRIMARY KEY, "select" text, "Order" int8);
CREATE VIEW order_totals AS
  SELECT o.id, o.customer_id, sum(i.quantity * i.unit_price) AS amount
  FROM orders o JOIN order_items i ON i.order_id = o.id GROUP BY o.id, o.customer_id;
CREATE SCHEMA secret;
CREATE TABLE secret.salaries (employee text, amount numeric);
CREATE FUNCTION public.wipe() RETURNS bigint LANGUAGE sql AS $$ WITH d AS (DELETE FROM order_items RETURNING 1) SELECT count(*) FROM d $$;

INSERT INTO customers (name, email, country, created_at, vip)
  SELECT 'Customer ' || g, 'c' || g || '@example.com', (ARRAY['Peru','Kenya','Norway','Japan'])[1 + g % 4],
         timestamptz '2023-01-01 00:00:00+00' + g * interval '3 days', g % 7 = 0
  FROM generate_series(1, 60) g;
INSERT INTO products (name, category, price)
  SELECT 'Product ' || g, (ARRAY['tools','books','food'])[1 + g % 3], (g * 3.25)::numeric(10,2)
  FROM generate_series(1, 25) g;
INSERT INTO orders (customer_id, ordered_on, status, total, details)
  SELECT 1 + g % 60, date '2023-01-01' + g, (ARRAY['open','paid','shipped','cancelled'])[1 + g % 4], 0,
         jsonb_build_object('channel', CASE WHEN g % 2 = 0 THEN 'web' ELSE 'store' END)
  FROM generate_series(1, 400) g;
INSERT INTO order_items (order_id, product_id, quantity, unit_price)
  SELECT o.id, 1 + (o.id * k) % 25, 1 + (o.id + k) % 5, p.price
  FROM orders o CROSS JOIN generate_series(1, 3) k JOIN products p ON p.id = 1 + (o.id * k) % 25
  ON CONFLICT DO NOTHING;
UPDATE orders o SET total = t.amount FROM order_totals t WHERE t.id = o.id;
INSERT INTO "Mixed Case" VALUES (1, 'a', 10), (2, 'b', 9007199254740993);
INSERT INTO secret.salaries VALUES ('alice', 100000), ('bob', 90000);
ANALYZE;
`;

export const fixtureTables = new Set([
  "public.customers",
  "public.products",
  "public.orders",
  "public.order_items",
  "public.Mixed Case",
  "public.order_totals",
]);

/** Files an attack could try to write on the database host. */
export const canaryFiles = ["/tmp/agentmedha_pwned", "/tmp/agentmedha_pwned_lo"];

/**
 * A fingerprint of everything the corpus must not change: every row of every
 * table in every user schema, the objects and their definitions, sequences,
 * roles, per-database/role settings, large objects, extensions, and
 * settings written by ALTER SYSTEM.
 */
export async function databaseChecksum(client: pg.Client): Promise<string> {
  const { rows: tables } = await client.query<{ schema: string; name: string }>(`
    SELECT n.nspname AS schema, c.relname AS name
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
    ORDER BY 1, 2`);
  const parts: string[] = [];
  for (const { schema, name } of tables) {
    const ident = `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
    const { rows } = await client.query<{ h: string | null }>(`SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS h FROM ${ident} t`);
    parts.push(`${schema}.${name}=${rows[0]?.h ?? "empty"}`);
  }
  const catalogQueries = [
    `SELECT string_agg(n.nspname || '.' || c.relname || ':' || c.relkind::text || ':' || c.relowner::regrole::text, ',' ORDER BY 1)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`,
    `SELECT string_agg(nspname, ',' ORDER BY nspname) FROM pg_namespace WHERE nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast_temp%'`,
    `SELECT string_agg(p.oid::regprocedure::text || md5(p.prosrc), ',' ORDER BY 1) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')`,
    `SELECT string_agg(schemaname || '.' || sequencename || '=' || coalesce(last_value::text, 'null'), ',' ORDER BY 1) FROM pg_sequences`,
    // Roles and role settings are cluster-wide and other test files run beside
    // this one: fingerprint the connecting role and any role an attack names.
    `SELECT string_agg(rolname || ':' || rolsuper || rolcreaterole || rolcreatedb || rolcanlogin || coalesce(rolpassword, ''), ',' ORDER BY rolname)
       FROM pg_authid WHERE rolname = current_user OR rolname ILIKE '%pwn%'`,
    `SELECT string_agg(coalesce(setrole::text, '') || '=' || array_to_string(setconfig, ';'), ',' ORDER BY 1) FROM pg_db_role_setting
       WHERE setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))`,
    `SELECT count(*)::text FROM pg_largeobject_metadata`,
    `SELECT string_agg(extname || ':' || extversion, ',' ORDER BY 1) FROM pg_extension`,
    `SELECT string_agg(sourcefile || ':' || name || '=' || coalesce(setting, ''), ',' ORDER BY 1) FROM pg_file_settings WHERE sourcefile LIKE '%postgresql.auto.conf'`,
    `SELECT string_agg(c.relname || ':' || coalesce(array_to_string(c.relacl, ';'), ''), ',' ORDER BY 1) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'secret')`,
    `SELECT string_agg(tgname, ',' ORDER BY 1) FROM pg_trigger WHERE NOT tgisinternal`,
    `SELECT string_agg(rulename, ',' ORDER BY 1) FROM pg_rules WHERE schemaname NOT IN ('pg_catalog')`,
    `SELECT string_agg(d.description, ',' ORDER BY 1) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('public', 'secret')`,
  ];
  for (const sql of catalogQueries) {
    const { rows } = await client.query<Record<string, string | null>>(sql);
    parts.push(String(Object.values(rows[0] ?? {})[0] ?? ""));
  }
  const { rows } = await client.query<{ h: string }>("SELECT md5($1) AS h", [parts.join("\n")]);
  return rows[0]!.h;
}
