/** Writes schema/persisted-operations.json from the web client's documents (`npm run codegen` runs it after graphql-codegen). */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { clientOperations, manifestPath, printedManifest } from "../src/http/limits/persisted-manifest.ts";

const operations = await clientOperations();
await writeFile(manifestPath, printedManifest(operations));
console.log(`wrote ${path.relative(process.cwd(), manifestPath)} (${operations.length} operations)`);
