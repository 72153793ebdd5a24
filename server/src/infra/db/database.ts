import { mkdir } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../generated/prisma/client.ts";
import { applyMigrations } from "./migrations.ts";

export type Prisma = PrismaClient;

export interface AppDatabase {
  prisma: PrismaClient;
  kind: "embedded" | "postgres";
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Embedded mode: folder for the PGlite data; `memory://` for throw-away databases. */
  embeddedDir: string;
  migrate?: boolean;
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}

/** Thrown when the app database cannot be opened or migrated; main prints it in one line. */
export class DatabaseStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "DatabaseStartError";
  }
}

/**
 * The app's own database: PostgreSQL through `DATABASE_URL`, else PGlite kept in
 * the data folder. Migrations are applied before the client is handed out, in
 * both modes, through the offline wasm schema engine.
 */
export async function openAppDatabase(options: DatabaseOptions): Promise<AppDatabase> {
  let adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  let closeDriver: () => Promise<void>;
  let kind: AppDatabase["kind"];
  if (options.databaseUrl) {
    kind = "postgres";
    const url = new URL(options.databaseUrl);
    // Individual fields, not `connectionString`: see prisma notes on shadow pools.
    const pgConfig = {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || "postgres"),
      password: decodeURIComponent(url.password),
      database: decodeURIComponent(url.pathname.slice(1) || "postgres"),
      connectionTimeoutMillis: 5_000,
      max: 10,
      ...(url.searchParams.get("sslmode") === "require" ? { ssl: { rejectUnauthorized: false } } : {}),
    };
    adapterFactory = new PrismaPg(pgConfig);
    closeDriver = async () => {};
  } else {
    kind = "embedded";
    const memory = options.embeddedDir.startsWith("memory://");
    if (!memory) await mkdir(path.dirname(options.embeddedDir), { recursive: true });
    const pglite = new PGlite(options.embeddedDir);
    await pglite.waitReady.catch((cause: unknown) => {
      throw new DatabaseStartError(`Cannot open the embedded database in ${options.embeddedDir}: ${String(cause)}`, { cause });
    });
    adapterFactory = new PrismaPGlite(pglite);
    closeDriver = () => pglite.close();
  }
  if (options.migrate !== false) {
    try {
      await applyMigrations(adapterFactory);
    } catch (cause) {
      await closeDriver().catch(() => {});
      const where = options.databaseUrl ? redactUrl(options.databaseUrl) : options.embeddedDir;
      const reason = cause instanceof Error ? cause.message.split("\n")[0] : String(cause);
      throw new DatabaseStartError(`Cannot prepare the database at ${where}: ${reason}`, { cause });
    }
  }
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind,
    async ping() {
      await prisma.$queryRawUnsafe("SELECT 1");
    },
    async close() {
      await prisma.$disconnect();
      await closeDriver();
    },
  };
}
