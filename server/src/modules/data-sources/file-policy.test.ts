import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SqlSandboxError } from "../../sql/errors.ts";
import { parseDuckdbUrl } from "../../sql/executor/duckdb/duckdb-url.ts";
import { createFilePolicy, tableNameOf } from "./file-policy.ts";

let base: string;
let root: string;

async function outcome(work: () => unknown): Promise<string> {
  try {
    await work();
    return "allowed";
  } catch (error) {
    return error instanceof SqlSandboxError ? error.code : `untyped: ${String(error)}`;
  }
}

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), "file-policy-"));
  root = path.join(base, "files");
  await mkdir(path.join(root, "shop"), { recursive: true });
  await mkdir(path.join(base, "elsewhere"));
  await writeFile(path.join(root, "shop", "Orders 2024.csv"), "id\n1\n");
  await writeFile(path.join(root, "shop", "items.parquet"), "");
  await writeFile(path.join(root, "shop", "readme.txt"), "not a table");
  await writeFile(path.join(root, "fleet.duckdb"), "");
  await writeFile(path.join(base, "elsewhere", "secret.csv"), "token\nx\n");
  await writeFile(path.join(base, "elsewhere", "stolen.duckdb"), "");
  await mkdir(path.join(root, "leaky"));
  await symlink(path.join(base, "elsewhere", "secret.csv"), path.join(root, "leaky", "secret.csv"));
  await symlink(path.join(base, "elsewhere"), path.join(root, "tunnel"));
  await symlink(path.join(base, "elsewhere", "stolen.duckdb"), path.join(root, "linked.duckdb"));
});

afterAll(() => rm(base, { recursive: true, force: true }));

describe("file policy", () => {
  it("lists a folder's CSV/TSV/Parquet files as tables by their real paths", async () => {
    const policy = createFilePolicy(root);
    const files = await policy.resolve(parseDuckdbUrl(`duckdb://${root}/shop`));
    expect(files).toEqual({
      kind: "folder",
      tables: [
        { table: "orders_2024", file: path.join(await realRoot(), "shop", "Orders 2024.csv"), format: "csv" },
        { table: "items", file: path.join(await realRoot(), "shop", "items.parquet"), format: "parquet" },
      ],
    });
    expect(await policy.resolve(parseDuckdbUrl(`duckdb://${root}/fleet.duckdb`))).toEqual({ kind: "database", file: path.join(await realRoot(), "fleet.duckdb") });
  });

  it("refuses paths outside the folder before touching the file system", async () => {
    const policy = createFilePolicy(root);
    expect(await outcome(() => policy.check(parseDuckdbUrl(`duckdb://${base}/elsewhere`)))).toBe("DATA_SOURCE_PATH_NOT_ALLOWED");
    expect(await outcome(() => policy.check(parseDuckdbUrl(`duckdb://${root}/../elsewhere/secret.csv`)))).toBe("DATA_SOURCE_PATH_NOT_ALLOWED");
    expect(await outcome(() => policy.check(parseDuckdbUrl(`duckdb://${root}-sibling/x`)))).toBe("DATA_SOURCE_PATH_NOT_ALLOWED");
    expect(await outcome(() => policy.check(parseDuckdbUrl("duckdb:///nonexistent/anywhere")))).toBe("DATA_SOURCE_PATH_NOT_ALLOWED");
  });

  it("refuses symlinks that lead out: a linked file, a linked folder, a linked database", async () => {
    const policy = createFilePolicy(root);
    for (const target of ["leaky", "tunnel", "linked.duckdb"]) {
      expect([target, await outcome(() => policy.resolve(parseDuckdbUrl(`duckdb://${root}/${target}`)))]).toEqual([target, "DATA_SOURCE_PATH_NOT_ALLOWED"]);
    }
  });

  it("says a missing path or a missing folder is not found", async () => {
    expect(await outcome(() => createFilePolicy(root).resolve(parseDuckdbUrl(`duckdb://${root}/gone`)))).toBe("DATA_SOURCE_NOT_FOUND");
    expect(await outcome(() => createFilePolicy(path.join(base, "no-such-root")).resolve(parseDuckdbUrl(`duckdb://${base}/no-such-root/x`)))).toBe(
      "DATA_SOURCE_NOT_FOUND",
    );
  });

  it("names tables after their files", () => {
    expect(["Sales 2024.csv", "2023-q1.parquet", "depots.tsv", "ÜBER.csv"].map(tableNameOf)).toEqual(["sales_2024", "t_2023_q1", "depots", "über"]);
  });
});

async function realRoot(): Promise<string> {
  const { realpath } = await import("node:fs/promises");
  return realpath(root);
}
