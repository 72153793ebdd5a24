import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { repoRoot } from "../paths.ts";

/** The generators' sources, also when the server runs from its build (dist/). */
const demoDir = path.join(repoRoot, "server", "src", "demo");

/**
 * A hash of the generators' own code (every non-test module of this folder). The scripts are
 * deterministic functions of that code, so an unchanged hash means unchanged data, and a
 * restart need not generate several megabytes of SQL only to find that out.
 */
export async function demoCodeVersion(): Promise<string> {
  const files = (await readdir(demoDir, { recursive: true }))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update("\0").update(await readFile(path.join(demoDir, file))).update("\0");
  return hash.digest("hex");
}
