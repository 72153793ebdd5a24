import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { canonicalDocument, clientOperations, manifestPath, operationHash, printedManifest } from "./persisted-manifest.ts";

describe("schema/persisted-operations.json", () => {
  it("lists the web client's operations (run `npm run codegen` after changing them)", async () => {
    const operations = await clientOperations();
    expect(operations.length).toBeGreaterThan(5);
    expect(await readFile(manifestPath, "utf8")).toBe(printedManifest(operations));
  });

  it("hashes the printed form, so layout does not matter", () => {
    const a = canonicalDocument("query Me { me { id } }")!;
    const b = canonicalDocument("query Me {\n\n  me {\n    id\n  }\n}\n")!;
    expect(a).toBe(b);
    expect(operationHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalDocument("query {")).toBeNull();
  });
});
