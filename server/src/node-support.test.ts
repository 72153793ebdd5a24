import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./paths.ts";

const readJson = (file: string) => JSON.parse(readFileSync(path.join(repoRoot, file), "utf8"));

describe("supported Node line", () => {
  const supported: string = readJson("package.json").engines.node;
  const floor = semver.minVersion(supported)!.version;

  it("the README states the same Node version as package.json engines", () => {
    const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
    const stated = /Requires Node\.js ≥ (\d+\.\d+)/.exec(readme)?.[1];
    expect(stated && semver.coerce(stated)?.version).toBe(floor);
  });

  // npm warns (EBADENGINE) about every locked package whose engines exclude the running Node.
  it("every locked package accepts the oldest supported Node", () => {
    const packages: Record<string, { version?: string; engines?: unknown }> = readJson("package-lock.json").packages;
    const refusing = Object.entries(packages)
      .map(([where, pkg]) => ({ where, version: pkg.version, node: (pkg.engines as { node?: unknown } | undefined)?.node }))
      .filter((pkg) => typeof pkg.node === "string" && !semver.satisfies(floor, pkg.node))
      .map((pkg) => `${pkg.where}@${pkg.version} wants node ${pkg.node}`);
    expect(refusing).toEqual([]);
  });
});
