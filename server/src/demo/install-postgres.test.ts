import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { testPostgresUrl } from "../testing/postgres.ts";
import { DemoDataError } from "./errors.ts";
import { installDemoDatabases, redactUrl } from "./install-postgres.ts";

const prefix = `am_demotest_${randomBytes(4).toString("hex")}_`;

async function onServer<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: testPostgresUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function failure(run: () => Promise<unknown>): Promise<DemoDataError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DemoDataError) return error;
    throw error;
  }
  throw new Error("expected a DemoDataError");
}

describe("installing demo databases on PostgreSQL", () => {
  afterAll(async () => {
    const names = await onServer<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${prefix}%`]);
    for (const { datname } of names) await onServer(`DROP DATABASE "${datname}" WITH (FORCE)`);
  });

  it("creates and loads a database, then skips it, then replaces it on request", async () => {
    const progress: string[] = [];
    const [created] = await installDemoDatabases({ serverUrl: testPostgresUrl, keys: ["hr"], databasePrefix: prefix, onProgress: (m) => progress.push(m) });
    expect(created).toMatchObject({ key: "hr", database: `${prefix}hr`, status: "created" });
    expect(created!.timings!.bytes).toBeGreaterThan(100_000);
    expect(progress.some((m) => m.includes("loaded in"))).toBe(true);

    const client = new pg.Client({ connectionString: created!.url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT count(*)::int AS n FROM employees WHERE employment_status = 'Active'");
      expect(rows[0].n).toBeGreaterThan(300);
      await client.query("DELETE FROM absences");
    } finally {
      await client.end();
    }

    const [skipped] = await installDemoDatabases({ serverUrl: testPostgresUrl, keys: ["hr"], databasePrefix: prefix });
    expect(skipped).toMatchObject({ status: "skipped" });
    expect(skipped!.timings).toBeUndefined();

    const [replaced] = await installDemoDatabases({ serverUrl: testPostgresUrl, keys: ["hr"], databasePrefix: prefix, replace: true });
    expect(replaced).toMatchObject({ status: "replaced" });
    const restored = new pg.Client({ connectionString: replaced!.url });
    await restored.connect();
    try {
      const { rows } = await restored.query("SELECT count(*)::int AS n FROM absences");
      expect(rows[0].n).toBeGreaterThan(3000);
    } finally {
      await restored.end();
    }
  });

  it("reports bad and unreachable servers with typed errors", async () => {
    expect((await failure(() => installDemoDatabases({ serverUrl: "mysql://localhost/x", keys: ["hr"] }))).code).toBe("DEMO_SERVER_BAD_URL");
    const unreachable = await failure(() => installDemoDatabases({ serverUrl: "postgresql://postgres:secret@127.0.0.1:1/postgres", keys: ["hr"] }));
    expect(unreachable.code).toBe("DEMO_SERVER_UNREACHABLE");
    expect(unreachable.message).not.toContain("secret");
    expect((await failure(() => installDemoDatabases({ serverUrl: testPostgresUrl, keys: ["nope" as "hr"] }))).code).toBe("DEMO_DATASET_UNKNOWN");
  });

  it("hides passwords when printing URLs", () => {
    expect(redactUrl("postgresql://me:pa55@db.example.com:5432/x")).toBe("postgresql://me:***@db.example.com:5432/x");
    expect(redactUrl("postgresql://me@db.example.com/x")).toBe("postgresql://me@db.example.com/x");
  });
});

describe("the load-demo-data script", () => {
  const script = path.resolve(import.meta.dirname, "../../scripts/load-demo-data.ts");
  const tsx = path.resolve(import.meta.dirname, "../../../node_modules/.bin/tsx");
  const run = (args: string[]) =>
    promisify(execFile)(tsx, [script, ...args]).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it("exits non-zero with one clear line for a bad or unreachable URL", async () => {
    const bad = await run(["--url", "http://example.com/db"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^error: DEMO_SERVER_BAD_URL: /)]);
    const unreachable = await run(["--url", "postgresql://postgres@127.0.0.1:1/postgres", "--only", "sales"]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^error: DEMO_SERVER_UNREACHABLE: .*ECONNREFUSED/)]);
    const unknown = await run(["--url", testPostgresUrl, "--only", "inventory"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("DEMO_DATASET_UNKNOWN");
  });
});
