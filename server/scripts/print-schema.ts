/** Writes schema/schema.graphql from the Pothos schema (`npm run codegen` runs it). */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { printedSchema } from "../src/graphql/schema.ts";
import { repoRoot } from "../src/paths.ts";

const target = path.join(repoRoot, "schema", "schema.graphql");
await writeFile(target, printedSchema());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
