import { readFileSync } from "node:fs";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { Plugin } from "graphql-yoga";
import { ConfigError, type Config } from "../../config.ts";
import { AppError } from "../../errors.ts";
import type { Viewer } from "../../graphql/context.ts";
import { canonicalDocument } from "./persisted-manifest.ts";

type Options = Config["persistedOperations"];

/** What a request (HTTP params or a graphql-ws subscribe message) carries. */
interface OperationPayload {
  query?: string | null;
  extensions?: Record<string, unknown> | null;
}

function hashOf(extensions: Record<string, unknown> | null | undefined): string | null {
  const persisted = extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
  return typeof persisted?.sha256Hash === "string" ? persisted.sha256Hash : null;
}

// `http` only for HTTP: over WebSocket the extensions reach the client as they are.
const notFound = (http = true) =>
  new AppError("PERSISTED_OPERATION_NOT_FOUND", "No persisted operation has this hash.", { hint: "Reload the web client: the server runs another version.", ...(http ? { http: { status: 404 } } : {}) });
const onlyPersisted = (http = true) =>
  new AppError("PERSISTED_OPERATIONS_ONLY", "This server runs only the web client's operations.", { hint: "Call it with an administrator's API key to send your own documents.", ...(http ? { http: { status: 403 } } : {}) });

/**
 * Who may send documents outside the manifest in `only` mode: API keys of
 * administrators. A key of anyone else would turn the web client's own
 * operations (createApiKey among them) into a way around the mode; keys are
 * minted only by administrators there, and a demoted owner's keys fall back
 * to the persisted operations.
 */
export function maySendOwnDocuments(viewer: Pick<Viewer, "apiKeyId" | "ownerRole"> | null | undefined): boolean {
  return Boolean(viewer?.apiKeyId && viewer.ownerRole === "ADMIN");
}

function load(file: string): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>));
  } catch (error) {
    throw new ConfigError(`Invalid configuration: PERSISTED_OPERATIONS needs the manifest ${file} (run \`npm run codegen\`): ${(error as Error).message}`);
  }
}

/**
 * Optional persisted operations (PERSISTED_OPERATIONS), from the manifest
 * `npm run codegen` writes for the web client (SHA-256 of the printed
 * document → document, see persisted-manifest.ts). `allow`: a
 * request may name an operation by its SHA-256 hash
 * (`extensions.persistedQuery.sha256Hash`) instead of sending it. `only`:
 * nothing but those operations runs — sent by hash or as their text — except
 * for callers that `maySendOwnDocuments`.
 */
export function createPersistedOperations(options: Options, ownDocuments: (authorization: string | null) => Promise<boolean>) {
  if (options.mode === "off") {
    return { plugins: [] as Plugin[], forWebSocket: async (payload: OperationPayload, _ownDocuments: boolean): Promise<string | AppError> => payload.query ?? "" };
  }
  const manifest = load(options.file);
  // A client sending the text of a persisted operation, in any layout, is recognised.
  const hashByText = new Map([...manifest].map(([hash, text]) => [canonicalDocument(text), hash]));
  const knownHash = (query: string | null | undefined) => (query ? hashByText.get(canonicalDocument(query)) : undefined);

  // Requests whose text is a persisted operation (give or take `__typename`): run as sent, so
  // the client's cache gets the `__typename`s it asked for.
  const vetted = new WeakSet<Request>();
  const plugins: Plugin[] = [
    {
      onParams({ params, request }) {
        if (knownHash(params.query)) vetted.add(request);
      },
    },
    usePersistedOperations({
      getPersistedOperation: (hash) => manifest.get(hash) ?? null,
      allowArbitraryOperations: options.mode === "allow" ? true : (request) => vetted.has(request) || ownDocuments(request.headers.get("authorization")),
      customErrors: { notFound: () => notFound(), persistedQueryOnly: () => onlyPersisted(), keyNotFound: () => onlyPersisted() },
    }) as Plugin,
  ];
  return {
    plugins,
    /** The text to run for a graphql-ws subscribe message, under the same rules as HTTP. */
    async forWebSocket(payload: OperationPayload, ownDocuments: boolean): Promise<string | AppError> {
      if (payload.query && knownHash(payload.query)) return payload.query;
      const hash = hashOf(payload.extensions);
      if (hash) return manifest.get(hash) ?? notFound(false);
      if (options.mode === "only" && !ownDocuments) return onlyPersisted(false);
      return payload.query ?? "";
    },
  };
}

export type PersistedOperations = ReturnType<typeof createPersistedOperations>;
