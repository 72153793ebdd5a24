import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "cli.ts");
const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", cli, ...args], { encoding: "utf8", env: { ...process.env, INIT_CWD: os.tmpdir(), DATABASE_URL: "" } });

describe("eval command", () => {
  it("fails with one clear line and a non-zero code for bad arguments or missing files", () => {
    const noArgs = run([]);
    expect(noArgs.status).toBe(2);
    expect(noArgs.stderr.trim().split("\n")).toHaveLength(1);
    const missing = run(["--cases", "nope.jsonl", "--dataset", "x=nope.sql", "--out", "p.jsonl"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^eval: File not found: .*nope\.jsonl\n$/);
  });

  // Spawns the CLI, which boots the whole product: slow on a busy machine.
  it("writes one prediction line per turn for a tiny database", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "am-eval-"));
    fs.writeFileSync(path.join(dir, "tiny.sql"), "CREATE TABLE pets (pet_id int PRIMARY KEY, species text); INSERT INTO pets VALUES (1, 'cat'), (2, 'dog'), (3, 'cat');");
    fs.writeFileSync(
      path.join(dir, "cases.jsonl"),
      `${JSON.stringify({ id: "t1", dataset: "tiny", turns: [{ question: "How many pets?", gold_sql: "SELECT count(*) FROM pets" }, { question: "by species" }] })}\n`,
    );
    const result = spawnSync(process.execPath, ["--import", "tsx", cli, "--cases", "cases.jsonl", "--dataset", "tiny=tiny.sql", "--out", "out/pred.jsonl"], {
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: dir, DATABASE_URL: "" },
    });
    expect(result.status).toBe(0);
    const lines = fs.readFileSync(path.join(dir, "out/pred.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { id: "t1", turn: 0, question: "How many pets?", sql: expect.stringContaining("count(*)"), error: null },
      { id: "t1", turn: 1, question: "by species", sql: expect.stringContaining('group by "p"."species"'), error: null },
    ]);
    expect(result.stdout).toContain("100.0%");
    expect(result.stderr).toContain("loading tiny");
  }, 180_000);
});
