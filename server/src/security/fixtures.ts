import type { TestApp } from "../testing/app.ts";
import { runScript } from "../testing/datasets.ts";
import { createTestDatabase, type TestDatabase } from "../testing/postgres.ts";

/** A small shop database (products and orders) for data-source tests of the security suites. */
export async function shopDatabase(): Promise<TestDatabase> {
  const db = await createTestDatabase("shop");
  await runScript(
    db.url,
    `CREATE TABLE product (id int PRIMARY KEY, name text NOT NULL, category text NOT NULL, price numeric(8,2) NOT NULL);
     CREATE TABLE orders (id int PRIMARY KEY, product_id int NOT NULL REFERENCES product(id), quantity int NOT NULL, ordered_at date NOT NULL);
     INSERT INTO product VALUES (1, 'Lamp', 'Home', 20), (2, 'Desk', 'Office', 150), (3, 'Chair', 'Office', 90);
     INSERT INTO orders SELECT g, 1 + g % 3, 1 + g % 4, DATE '2024-01-01' + g FROM generate_series(1, 60) g;`,
  );
  return db;
}

export async function addDataSource(t: Pick<TestApp, "gql">, token: string, name: string, connectionUrl: string): Promise<string> {
  const res = await t.gql(`mutation($input: AddDataSourceInput!) { addDataSource(input: $input) { dataSource { id } } }`, { input: { name, connectionUrl } }, token);
  if (!res.data) throw new Error(`addDataSource failed: ${JSON.stringify(res.errors)}`);
  return res.data.addDataSource.dataSource.id as string;
}

const terminal = new Set(["SUCCEEDED", "REPLIED", "FAILED", "CANCELLED", "NEEDS_INPUT"]);

/** Asks a question and polls the run until it ends. */
export async function askAndWait(t: Pick<TestApp, "gql">, token: string, input: Record<string, unknown>, timeoutMs = 30_000) {
  const res = await t.gql(`mutation($input: AskInput!) { ask(input: $input) { run { id } session { id } } }`, { input }, token);
  if (!res.data) throw new Error(`ask failed: ${JSON.stringify(res.errors)}`);
  const runId = res.data.ask.run.id as string;
  const sessionId = res.data.ask.session.id as string;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = (await t.gql(`query($id: ID!) { run(id: $id) { status error { code } } }`, { id: runId }, token)).data?.run;
    if (run && terminal.has(run.status)) return { runId, sessionId, status: run.status as string, errorCode: (run.error?.code as string | undefined) ?? null };
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish (last status ${run?.status})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
