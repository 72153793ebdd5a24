// @vitest-environment node
import { readFile } from "node:fs/promises";
import path from "node:path";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../../codegen";

const root = path.resolve(__dirname, "../..");

describe("generated client documents", () => {
  it("match schema/schema.graphql and the client's operations (run `npm run codegen`)", async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) {
        const onDisk = await readFile(path.resolve(root, output.filename), "utf8");
        expect(onDisk, output.filename).toBe(output.content);
      }
    } finally {
      process.chdir(cwd);
    }
  });
});
