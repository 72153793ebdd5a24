import { AppError, badInput, notFound } from "../../errors.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../infra/db/database.ts";
import type { Logger } from "../../infra/logger.ts";
import type { Secrets } from "../../infra/secrets.ts";
import type { DataSource } from "../../generated/prisma/client.ts";
import type { Prisma as PrismaTypes } from "../../generated/prisma/client.ts";
import type { Viewer } from "../../graphql/context.ts";
import { bootstrapSemanticModel } from "../../semantic/bootstrap.ts";
import { rebootstrapSemanticModel } from "../../semantic/rebootstrap.ts";
import { isSqlSandboxError } from "../../sql/errors.ts";
import type { SqlExecutor } from "../../sql/executor/executor.ts";
import { introspectDuckdb } from "../../sql/introspect/duckdb.ts";
import { introspectPostgres, type IntrospectProgress } from "../../sql/introspect/postgres.ts";
import type { SchemaSnapshot } from "../../sql/snapshot.ts";
import { isSystemSchema } from "../../sql/system-schemas.ts";
import type { SemanticService } from "../semantic/semantic.service.ts";
import { connectionFailureFor, rootCause } from "./connection-errors.ts";
import type { Connections, DataSourceLocation } from "./connections.ts";

export interface DataSourceDeps {
  prisma: Prisma;
  secrets: Secrets;
  connections: Connections;
  semantic: SemanticService;
  config: Pick<Config, "dataDir" | "queryTimeoutMs">;
  log: Logger;
}

export interface DataSourceInput {
  name: string;
  description?: string | null;
  connectionUrl: string;
  schemas?: string[] | null;
}

export interface DataSourceUpdate {
  name?: string | null;
  description?: string | null;
  connectionUrl?: string | null;
  schemas?: string[] | null;
  visibility?: "PRIVATE" | "SHARED" | null;
}

/** Catalogue reads may take longer than a question: hundreds of tables, sampling. */
const introspectionTimeoutMs = 120_000;

export function canRead(viewer: Viewer, source: Pick<DataSource, "ownerId" | "visibility">): boolean {
  return source.visibility === "SHARED" || source.ownerId === viewer.userId || viewer.role === "ADMIN";
}

export function canWrite(viewer: Viewer, source: Pick<DataSource, "ownerId">): boolean {
  return viewer.role === "ADMIN" || (source.ownerId !== null && source.ownerId === viewer.userId && viewer.role !== "VIEWER");
}

/** A demo database the server installed itself: exempt from the public-address rule of the connection policy. */
export function isInstalledByServer(source: Pick<DataSource, "isDemo" | "ownerId">): boolean {
  return source.isDemo && source.ownerId === null;
}

/** Trimmed, deduplicated schema names; system schemas are refused whatever the caller. */
function schemaList(input: readonly string[]): string[] {
  const schemas = [...new Set(input.map((s) => s.trim()).filter(Boolean))];
  const system = schemas.find(isSystemSchema);
  if (system) {
    throw badInput(`"${system}" is a system schema; data sources may only read their own schemas.`, { field: "schemas", schema: system });
  }
  return schemas;
}

/** The database kind a data source is stored as (shown to clients). */
function dialectOf(location: DataSourceLocation): "POSTGRES" | "DUCKDB" {
  return location.kind === "duckdb" ? "DUCKDB" : "POSTGRES";
}

/** Tables and columns of a snapshot, for the counts shown on a data source. */
export function countObjects(snapshot: SchemaSnapshot) {
  return { tableCount: snapshot.tables.length, columnCount: snapshot.tables.reduce((n, t) => n + t.columns.length, 0) };
}

export function createDataSourceService(deps: DataSourceDeps) {
  const { prisma, secrets, connections, semantic, log } = deps;

  function executorFor(source: Pick<DataSource, "id" | "connectionEncrypted" | "isDemo" | "ownerId">): SqlExecutor {
    return connections.get(source.id, source.connectionEncrypted, () => secrets.open(source.connectionEncrypted), isInstalledByServer(source));
  }

  async function introspect(executor: SqlExecutor, schemas: string[], onProgress?: (p: IntrospectProgress) => void) {
    const read = executor.dialect === "duckdb" ? introspectDuckdb : introspectPostgres;
    const snapshot = await read(executor.introspectionQueryable({ timeoutMs: introspectionTimeoutMs }), {
      schemas: schemas.length ? schemas : undefined,
      onProgress,
    });
    if (snapshot.tables.length === 0) {
      const where = schemas.length ? `schema${schemas.length > 1 ? "s" : ""} ${schemas.join(", ")}` : "any schema";
      throw new AppError("DATA_SOURCE_EMPTY", `The database has no tables or views in ${where}.`, {
        hint: "Check the database name and the schemas, or that the user may read the tables.",
      });
    }
    return snapshot;
  }

  /** Opens a connection to a URL that is not stored yet, runs `work`, closes it. */
  async function withTemporary<T>(location: DataSourceLocation, trusted: boolean, work: (executor: SqlExecutor) => Promise<T>): Promise<T> {
    const executor = connections.openTemporary(location, trusted);
    try {
      return await work(executor);
    } finally {
      await executor.close();
    }
  }

  /** Tries a user's URL; a failure says only what the viewer may know (see connection-errors). */
  async function tryUserUrl(viewer: Viewer, connectionUrl: string): Promise<void> {
    const location = locateUserUrl(connectionUrl);
    await withTemporary(location, false, (executor) => executor.test()).catch((error: unknown) => {
      throw connectionFailureFor(viewer, error);
    });
  }

  function locateUserUrl(connectionUrl: string) {
    const location = connections.locate(connectionUrl.trim());
    if (location.kind === "embedded") {
      throw new AppError("DATA_SOURCE_BAD_URL", "Only PostgreSQL (postgresql://...) and DuckDB (duckdb:///...) connection URLs are supported.");
    }
    return location;
  }

  async function get(viewer: Viewer, id: string): Promise<DataSource> {
    const source = await prisma.dataSource.findUnique({ where: { id } });
    if (!source || !canRead(viewer, source)) throw notFound("Data source");
    return source;
  }

  async function getWritable(viewer: Viewer, id: string): Promise<DataSource> {
    const source = await get(viewer, id);
    if (!canWrite(viewer, source)) throw new AppError("FORBIDDEN", "Only the owner of this data source or an administrator may change it.");
    return source;
  }

  async function assertNameFree(ownerId: string | null, name: string, exceptId?: string) {
    const clash = await prisma.dataSource.findFirst({ where: { ownerId, name, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
    if (clash) throw new AppError("DATA_SOURCE_NAME_TAKEN", `You already have a data source named "${name}".`, { hint: "Pick another name." });
  }

  /** Connects, introspects and stores a data source with its first semantic model. */
  async function register(
    ownerId: string | null,
    input: DataSourceInput & { visibility?: "PRIVATE" | "SHARED"; isDemo?: boolean },
    options: { onProgress?: (p: IntrospectProgress) => void; connectionUrlIsInternal?: boolean } = {},
  ): Promise<DataSource> {
    const name = input.name.trim();
    const schemas = schemaList(input.schemas ?? []);
    const trusted = options.connectionUrlIsInternal ?? false;
    const location = trusted ? connections.locate(input.connectionUrl) : locateUserUrl(input.connectionUrl);
    await assertNameFree(ownerId, name);
    const snapshot = await withTemporary(location, trusted, async (executor) => {
      await executor.test();
      return introspect(executor, schemas, options.onProgress);
    });
    const model = bootstrapSemanticModel(snapshot);
    const source = await prisma.$transaction(async (tx) => {
      const created = await tx.dataSource.create({
        data: {
          ownerId,
          name,
          description: input.description?.trim() ?? "",
          connectionEncrypted: secrets.seal(input.connectionUrl.trim()),
          schemas: schemas.length ? schemas : snapshot.schemas,
          visibility: input.visibility ?? "PRIVATE",
          isDemo: input.isDemo ?? false,
          dialect: dialectOf(location),
          status: "READY",
          lastRefreshedAt: new Date(),
          snapshot: snapshot as unknown as PrismaTypes.InputJsonValue,
          ...countObjects(snapshot),
        },
      });
      await semantic.save(created.id, model, { note: "Bootstrapped from the database", userId: ownerId }, tx);
      return created;
    });
    await semantic.invalidate(source.id);
    log.info({ dataSourceId: source.id, tables: source.tableCount }, "data source added");
    return source;
  }

  /** Records why a data source cannot be used right now, keeping everything stored. */
  async function markFailure(id: string, failure: unknown) {
    // A catalogue read that could not connect is an unreachable source, not a broken one.
    const error = rootCause(failure);
    const code = isSqlSandboxError(error) || error instanceof AppError ? error.code : "INTROSPECTION_FAILED";
    const status = code === "DATA_SOURCE_UNREACHABLE" || code === "DATA_SOURCE_AUTH_FAILED" || code === "DATA_SOURCE_NOT_FOUND" ? "UNREACHABLE" : "ERROR";
    const message = error instanceof Error ? error.message : String(error);
    await prisma.dataSource.update({ where: { id }, data: { status, statusMessage: `${code}: ${message}`.slice(0, 500) } });
  }

  async function refreshSource(source: DataSource, userId: string | null, onProgress?: (p: IntrospectProgress) => void) {
    try {
      // Files are loaded when a DuckDB source opens: a refresh opens it again to read them as they are now.
      if (source.dialect === "DUCKDB") await connections.close(source.id);
      const snapshot = await introspect(executorFor(source), source.schemas, onProgress);
      const previous = await semantic.current(source.id);
      const { model, dropped } = previous ? rebootstrapSemanticModel(previous.model, snapshot) : { model: bootstrapSemanticModel(snapshot), dropped: [] };
      const note = dropped.length ? `Refreshed; dropped edits whose targets are gone: ${dropped.join("; ")}` : "Refreshed from the database";
      const updated = await prisma.$transaction(async (tx) => {
        await semantic.save(source.id, model, { note, userId }, tx);
        return tx.dataSource.update({
          where: { id: source.id },
          data: { status: "READY", statusMessage: null, lastRefreshedAt: new Date(), snapshot: snapshot as unknown as PrismaTypes.InputJsonValue, ...countObjects(snapshot) },
        });
      });
      await semantic.invalidate(source.id);
      return updated;
    } catch (error) {
      await markFailure(source.id, error);
      throw error;
    }
  }

  return {
    get,
    getWritable,
    executorFor,
    register,

    add(viewer: Viewer, input: DataSourceInput) {
      return register(viewer.userId, input).catch((error: unknown) => {
        throw connectionFailureFor(viewer, error);
      });
    },

    /** Checks a stored data source (updating its status) or a URL before it is added. */
    async test(viewer: Viewer, target: { id?: string | null; connectionUrl?: string | null }) {
      const started = performance.now();
      if (target.connectionUrl) {
        await tryUserUrl(viewer, target.connectionUrl);
        return { ok: true, latencyMs: Math.round(performance.now() - started), dataSource: null };
      }
      const source = await get(viewer, target.id!);
      try {
        await executorFor(source).test();
      } catch (error) {
        await markFailure(source.id, error);
        throw connectionFailureFor(viewer, error);
      }
      const updated =
        source.status === "READY" ? source : await prisma.dataSource.update({ where: { id: source.id }, data: { status: "READY", statusMessage: null } });
      return { ok: true, latencyMs: Math.round(performance.now() - started), dataSource: updated };
    },

    async refresh(viewer: Viewer, id: string) {
      const source = await getWritable(viewer, id);
      return refreshSource(source, viewer.userId).catch((error: unknown) => {
        throw connectionFailureFor(viewer, error);
      });
    },

    refreshSource,

    async update(viewer: Viewer, id: string, patch: DataSourceUpdate) {
      const source = await getWritable(viewer, id);
      if (patch.visibility === "SHARED" && viewer.role !== "ADMIN" && source.visibility !== "SHARED") {
        throw new AppError("FORBIDDEN", "Only an administrator may share a data source with everyone.");
      }
      const name = patch.name?.trim();
      if (name && name !== source.name) await assertNameFree(source.ownerId, name, source.id);
      const connectionUrl = patch.connectionUrl?.trim();
      const schemas = patch.schemas ? schemaList(patch.schemas) : undefined;
      const location = connectionUrl ? locateUserUrl(connectionUrl) : undefined;
      if (connectionUrl) await tryUserUrl(viewer, connectionUrl);
      const updated = await prisma.dataSource.update({
        where: { id },
        data: {
          ...(name ? { name } : {}),
          ...(patch.description !== undefined && patch.description !== null ? { description: patch.description.trim() } : {}),
          ...(connectionUrl && location ? { connectionEncrypted: secrets.seal(connectionUrl), dialect: dialectOf(location) } : {}),
          ...(schemas ? { schemas } : {}),
          ...(patch.visibility ? { visibility: patch.visibility } : {}),
        },
      });
      // A new connection or other schemas mean other tables: read them again.
      if (connectionUrl || schemas) {
        return refreshSource(updated, viewer.userId).catch((error: unknown) => {
          throw connectionFailureFor(viewer, error);
        });
      }
      return updated;
    },

    async remove(viewer: Viewer, id: string) {
      const source = await getWritable(viewer, id);
      await prisma.dataSource.delete({ where: { id: source.id } });
      await connections.close(source.id);
      await semantic.invalidate(source.id);
    },

    /** What the viewer may use: their own, shared ones, and (for admins) all. */
    readableWhere(viewer: Viewer): PrismaTypes.DataSourceWhereInput {
      return viewer.role === "ADMIN" ? {} : { OR: [{ ownerId: viewer.userId }, { visibility: "SHARED" }] };
    },
  };
}

export type DataSourceService = ReturnType<typeof createDataSourceService>;
