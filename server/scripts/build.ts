/**
 * `npm start`'s server build: src/main.ts and the embedded database's worker bundled into
 * dist/ (dependencies stay in node_modules). Loading one prepared file instead of several
 * hundred TypeScript modules through tsx is most of a restart's time.
 * dist/ sits one folder below server/, as src/ does, so paths found from the code's own
 * location (the repository root, the worker's bootstrap) resolve the same way.
 */
import { copyFile, mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(serverDir, "dist");
const pgliteDir = path.join(serverDir, "src/sql/executor/pglite");

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
} as const;
await build({ ...common, entryPoints: { main: path.join(serverDir, "src/main.ts") }, outdir: dist, outExtension: { ".js": ".mjs" } });
await build({ ...common, entryPoints: { worker: path.join(pgliteDir, "worker.ts") }, outdir: dist });
await copyFile(path.join(pgliteDir, "worker-entry.mjs"), path.join(dist, "worker-entry.mjs"));
console.log(`server built into ${path.relative(process.cwd(), dist) || "."}`);
