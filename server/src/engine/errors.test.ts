import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { allErrorCodes, exposedError } from "../errors.ts";
import { schema } from "../graphql/schema.ts";
import { describeFailure } from "../pipeline/stage.ts";
import { CompileError } from "./compile/context.ts";
import { engineErrorCodes } from "./errors.ts";
import { NoJoinPathError } from "./graph.ts";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** The layers a question goes through; each failure they raise must reach the client typed. */
const layers = ["engine", "semantic", "pipeline", "sql", "llm", "insights", "modules"];
/** A code given to an error: `readonly code = "X"`, `code: "X"`, `new SomeError("X"`, `new RunFailure("X"`. */
const codeLiteral = /(?:readonly code = |code: |new (?:\w+Error|RunFailure)\(\s*)"([A-Z][A-Z0-9_]+)"/g;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.parentPath.split(path.sep).includes("testing"))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Every error code written in the source of the layers above, with a file that uses it. */
async function codesInSource(): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const layer of layers) {
    for (const file of await sourceFiles(path.join(src, layer))) {
      for (const match of (await readFile(file, "utf8")).matchAll(codeLiteral)) found.set(match[1]!, path.relative(src, file));
    }
  }
  return found;
}

describe("error codes of the engine, semantic layer and pipeline", () => {
  it("are all registered and in the schema's ErrorCode enum, so none is masked as INTERNAL", async () => {
    const found = await codesInSource();
    // The scan must see the codes this test exists for, or it proves nothing.
    for (const code of ["NO_JOIN_PATH", "SPEC_INVALID", "NOT_UNDERSTOOD", "QUESTION_TOO_LONG", "SEMANTIC_MODEL_INVALID", "SEMANTIC_MODEL_MISSING", "QUERY_TIMEOUT"]) {
      expect(found.has(code), code).toBe(true);
    }
    const registered = new Set(allErrorCodes().map(([code]) => code));
    const inEnum = new Set(assertEnumType(schema.getType("ErrorCode")).getValues().map((v) => v.name));
    const missing = [...found].filter(([code]) => !registered.has(code) || !inEnum.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing).toEqual([]);
    for (const code of Object.keys(engineErrorCodes)) expect(inEnum.has(code), code).toBe(true);
  });

  it("reach a run's outcome with their own code, message and hint", () => {
    const noPath = describeFailure(new NoJoinPathError("pets", "vets"));
    expect(noPath).toEqual({
      code: "NO_JOIN_PATH",
      message: "No chain of references connects pets and vets.",
      hint: "Ask about pets and vets separately, or add a relationship between them to the semantic model.",
    });
    expect(exposedError(new NoJoinPathError("pets", "vets"))?.details).toEqual({ from: "pets", to: "vets" });
    expect(describeFailure(new CompileError("Unknown column “pets.colour”."))).toMatchObject({ code: "SPEC_INVALID", message: "Unknown column “pets.colour”." });
    expect(describeFailure(new TypeError("x is undefined")).code).toBe("INTERNAL");
  });
});
