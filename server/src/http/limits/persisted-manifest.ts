import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse, print, visit, type DocumentNode } from "graphql";
import { repoRoot } from "../../paths.ts";

/** Where `npm run codegen` writes the web client's operations for PERSISTED_OPERATIONS. */
export const manifestPath = path.join(repoRoot, "schema", "persisted-operations.json");
const clientDocumentsPath = path.join(repoRoot, "client", "src", "graphql", "graphql.ts");

/**
 * The one printed form of a document, whatever the layout it was sent in.
 * `__typename` selections are left out: clients' caches (urql's) add them to
 * every selection set, and they change nothing about what the operation may do.
 */
export function canonicalDocument(query: string): string | null {
  try {
    const stripped = visit(parse(query, { noLocation: true }), {
      Field: (node) => (node.name.value === "__typename" && !node.alias ? null : undefined),
    });
    return print(stripped);
  } catch {
    return null;
  }
}

export const operationHash = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The web client's operations, from the documents graphql-codegen generated (`source` overrides the file). */
export async function clientOperations(source?: string): Promise<{ name: string; text: string }[]> {
  const code = source ?? (await readFile(clientDocumentsPath, "utf8"));
  return [...code.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as/gm)].map(([, name, json]) => ({ name: name!, text: print(JSON.parse(json!) as DocumentNode) }));
}

/** Hash → printed document, sorted so the file only changes when the operations do. */
export function buildManifest(operations: { text: string }[]): Record<string, string> {
  const entries = operations.map(({ text }) => [operationHash(text), text] as const);
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
}

export function printedManifest(operations: { text: string }[]): string {
  return `${JSON.stringify(buildManifest(operations), null, 2)}\n`;
}
