import { z } from "zod";
import { registerErrorCodes } from "../../errors.ts";
import { builder } from "../../graphql/builder.ts";
import { fromGlobalId, nilUuid } from "../../graphql/ids.ts";
import type { SchemaSnapshot, TableSnapshot } from "../../sql/snapshot.ts";
import { sqlErrorCodes } from "../../sql/errors.ts";
import { connectionErrorCodes, statusMessageFor } from "./connection-errors.ts";
import { canWrite } from "./data-sources.service.ts";

registerErrorCodes(sqlErrorCodes);
registerErrorCodes(connectionErrorCodes);

const DataSourceStatusEnum = builder.enumType("DataSourceStatus", {
  values: {
    PENDING: { description: "Being connected and read." },
    READY: { description: "Connected; questions can be asked." },
    ERROR: { description: "Reading the database failed; see statusMessage." },
    UNREACHABLE: { description: "The database cannot be reached right now; see statusMessage." },
  } as const,
});
const VisibilityEnum = builder.enumType("Visibility", {
  values: {
    PRIVATE: { description: "Only its owner (and administrators) can use it." },
    SHARED: { description: "Everyone on this installation can ask questions of it." },
  } as const,
});
const DialectEnum = builder.enumType("Dialect", {
  description: "What kind of database a data source is: a PostgreSQL server, or files read by DuckDB.",
  values: ["POSTGRES", "DUCKDB"] as const,
});

const ColumnInfo = builder.objectRef<TableSnapshot["columns"][number] & { primaryKey: boolean; references: string | null }>("ColumnInfo").implement({
  description: "A column as read from the database catalogue.",
  fields: (t) => ({
    name: t.exposeString("name"),
    dbType: t.exposeString("dbType", { description: "The database's own type name." }),
    type: t.exposeString("type", { description: "Portable type: integer, decimal, text, date, timestamp, boolean, ..." }),
    nullable: t.exposeBoolean("nullable"),
    comment: t.exposeString("comment", { nullable: true }),
    primaryKey: t.exposeBoolean("primaryKey"),
    references: t.exposeString("references", { nullable: true, description: "`table.column` this column points at, when it is a (possibly inferred) foreign key." }),
    sampleValues: t.stringList({ resolve: (c) => (c.samples ?? []).slice(0, 20), description: "A few distinct values of low-cardinality text columns." }),
  }),
});

const TableInfo = builder.objectRef<TableSnapshot>("TableInfo").implement({
  description: "A table or view of a data source.",
  fields: (t) => ({
    schema: t.exposeString("schema"),
    name: t.exposeString("name"),
    kind: t.exposeString("kind"),
    comment: t.exposeString("comment", { nullable: true }),
    rowEstimate: t.exposeFloat("rowEstimate"),
    columns: t.field({
      type: [ColumnInfo],
      resolve: (table) =>
        table.columns.map((column) => {
          const fk = table.foreignKeys.find((k) => k.columns.length === 1 && k.columns[0] === column.name);
          return {
            ...column,
            primaryKey: table.primaryKey.includes(column.name),
            references: fk ? `${fk.refTable}.${fk.refColumns[0]}` : null,
          };
        }),
    }),
  }),
});

export const DataSource = builder.prismaNode("DataSource", {
  id: { field: "id" },
  findUnique: (id, ctx) =>
    ctx.viewer?.role === "ADMIN" ? { id } : { id, OR: [{ ownerId: ctx.viewer?.userId ?? nilUuid }, { visibility: "SHARED" }] },
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description"),
    dialect: t.expose("dialect", { type: DialectEnum }),
    status: t.expose("status", { type: DataSourceStatusEnum }),
    statusMessage: t.string({
      nullable: true,
      description: "Why the data source is not READY. Connection failures are told in detail to administrators only.",
      resolve: (s, _a, ctx) => statusMessageFor(ctx.viewer, s.statusMessage),
    }),
    visibility: t.expose("visibility", { type: VisibilityEnum }),
    isDemo: t.exposeBoolean("isDemo"),
    schemas: t.exposeStringList("schemas"),
    tableCount: t.exposeInt("tableCount"),
    columnCount: t.exposeInt("columnCount"),
    lastRefreshedAt: t.expose("lastRefreshedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    ownedByViewer: t.boolean({ resolve: (s, _a, ctx) => s.ownerId !== null && s.ownerId === ctx.viewer?.userId }),
    viewerCanEdit: t.boolean({ resolve: (s, _a, ctx) => (ctx.viewer ? canWrite(ctx.viewer, s) : false) }),
    tables: t.field({
      type: [TableInfo],
      description: "Tables and views as of the last refresh. The connection URL is never returned.",
      select: { snapshot: true },
      resolve: (s) => ((s.snapshot as SchemaSnapshot | null)?.tables ?? []),
    }),
  }),
});

const name = z.string().trim().min(1, "must not be empty").max(100, "is longer than 100 characters");
const description = z.string().max(2000, "is longer than 2000 characters");
const connectionUrl = z.string().trim().min(1, "must not be empty").max(2000, "is longer than 2000 characters");
const schemaList = z
  .array(z.string().trim().min(1, "must not be empty").max(63, "is longer than 63 characters"))
  .max(50, "lists more than 50 schemas");

const AddDataSourceInput = builder.inputType("AddDataSourceInput", {
  fields: (t) => ({
    name: t.string({ validate: name }),
    description: t.string({ required: false, validate: description.optional().nullable() }),
    connectionUrl: t.string({ validate: connectionUrl, description: "postgresql://user:password@host:port/database[?sslmode=require], or duckdb:///folder (its CSV, TSV and Parquet files) or duckdb:///file.duckdb inside the server's FILE_SOURCES_DIR. Stored encrypted; never returned." }),
    schemas: t.stringList({
      required: false,
      validate: schemaList.optional().nullable(),
      description: "Schemas to use; every non-system schema when omitted. System schemas (pg_catalog, information_schema, pg_*) are refused.",
    }),
  }),
});

const UpdateDataSourceInput = builder.inputType("UpdateDataSourceInput", {
  fields: (t) => ({
    id: t.id(),
    name: t.string({ required: false, validate: name.optional().nullable() }),
    description: t.string({ required: false, validate: description.optional().nullable() }),
    connectionUrl: t.string({ required: false, validate: connectionUrl.optional().nullable() }),
    schemas: t.stringList({ required: false, validate: schemaList.optional().nullable() }),
    visibility: t.field({ type: VisibilityEnum, required: false, description: "SHARED needs an administrator." }),
  }),
});

const TestDataSourceInput = builder.inputType("TestDataSourceInput", {
  isOneOf: true,
  description: "Exactly one: a stored data source, or a connection URL to try before adding it.",
  fields: (t) => ({
    id: t.id({ required: false }),
    connectionUrl: t.string({ required: false, validate: connectionUrl.optional().nullable() }),
  }),
});

const DataSourceIdInput = builder.inputType("DataSourceIdInput", { fields: (t) => ({ id: t.id() }) });

const DataSourcePayload = builder.objectRef<{ id: string }>("DataSourcePayload").implement({
  fields: (t) => ({
    dataSource: t.prismaField({
      type: "DataSource",
      resolve: (query, changed, _args, ctx) => ctx.services.prisma.dataSource.findUniqueOrThrow({ ...query, where: { id: changed.id } }),
    }),
  }),
});

const TestDataSourcePayload = builder.objectRef<{ ok: boolean; latencyMs: number; dataSourceId: string | null }>("TestDataSourcePayload").implement({
  fields: (t) => ({
    ok: t.exposeBoolean("ok"),
    latencyMs: t.exposeInt("latencyMs"),
    dataSource: t.prismaField({
      type: "DataSource",
      nullable: true,
      resolve: (query, result, _args, ctx) =>
        result.dataSourceId ? ctx.services.prisma.dataSource.findUnique({ ...query, where: { id: result.dataSourceId } }) : null,
    }),
  }),
});

const RemoveDataSourcePayload = builder.simpleObject("RemoveDataSourcePayload", { fields: (t) => ({ removedDataSourceId: t.id() }) });

builder.queryFields((t) => ({
  dataSources: t.prismaConnection({
    type: "DataSource",
    cursor: "id",
    description: "Data sources the caller can ask questions of: their own and shared ones.",
    authScopes: { authenticated: true },
    args: { search: t.arg.string({ required: false, validate: z.string().max(200).optional().nullable() }) },
    resolve: (query, _root, args, ctx) =>
      ctx.services.prisma.dataSource.findMany({
        ...query,
        where: {
          AND: [ctx.services.dataSources.readableWhere(ctx.viewer!), args.search ? { name: { contains: args.search, mode: "insensitive" } } : {}],
        },
        orderBy: [{ isDemo: "asc" }, { name: "asc" }, { id: "asc" }],
      }),
  }),
  dataSource: t.prismaField({
    type: "DataSource",
    authScopes: { authenticated: true },
    args: { id: t.arg.id() },
    resolve: async (query, _root, args, ctx) => {
      const source = await ctx.services.dataSources.get(ctx.viewer!, fromGlobalId(args.id, "DataSource"));
      return ctx.services.prisma.dataSource.findUniqueOrThrow({ ...query, where: { id: source.id } });
    },
  }),
}));

builder.mutationFields((t) => ({
  addDataSource: t.field({
    type: DataSourcePayload,
    description: "Connects a PostgreSQL database, reads its catalogue and builds its semantic model, with no configuration.",
    authScopes: { analyst: true },
    args: { input: t.arg({ type: AddDataSourceInput }) },
    resolve: (_root, { input }, ctx) => ctx.services.dataSources.add(ctx.viewer!, input),
  }),
  testDataSource: t.field({
    type: TestDataSourcePayload,
    authScopes: { analyst: true },
    args: { input: t.arg({ type: TestDataSourceInput }) },
    resolve: async (_root, { input }, ctx) => {
      const id = input.id ? fromGlobalId(input.id, "DataSource") : null;
      const result = await ctx.services.dataSources.test(ctx.viewer!, { id, connectionUrl: input.connectionUrl });
      return { ok: result.ok, latencyMs: result.latencyMs, dataSourceId: result.dataSource?.id ?? null };
    },
  }),
  refreshDataSource: t.field({
    type: DataSourcePayload,
    description: "Reads the catalogue again and rebuilds the semantic model, keeping user edits whose targets still exist.",
    authScopes: { analyst: true },
    args: { input: t.arg({ type: DataSourceIdInput }) },
    resolve: (_root, { input }, ctx) => ctx.services.dataSources.refresh(ctx.viewer!, fromGlobalId(input.id, "DataSource")),
  }),
  updateDataSource: t.field({
    type: DataSourcePayload,
    authScopes: { analyst: true },
    args: { input: t.arg({ type: UpdateDataSourceInput }) },
    resolve: (_root, { input }, ctx) => ctx.services.dataSources.update(ctx.viewer!, fromGlobalId(input.id, "DataSource"), input),
  }),
  removeDataSource: t.field({
    type: RemoveDataSourcePayload,
    authScopes: { analyst: true },
    args: { input: t.arg({ type: DataSourceIdInput }) },
    resolve: async (_root, { input }, ctx) => {
      await ctx.services.dataSources.remove(ctx.viewer!, fromGlobalId(input.id, "DataSource"));
      return { removedDataSourceId: input.id };
    },
  }),
}));
