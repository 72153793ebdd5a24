import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../paths.ts";
import { printedSchema } from "./schema.ts";

describe("schema/schema.graphql", () => {
  it("matches the Pothos schema (run `npm run codegen` after changing the API)", async () => {
    const checkedIn = await readFile(path.join(repoRoot, "schema", "schema.graphql"), "utf8");
    expect(checkedIn).toBe(printedSchema());
  });
});
