import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { demoDatasets, type DemoDataset } from "../../demo/catalogue.ts";
import { demoCodeVersion } from "../../demo/code-version.ts";
import { installDemoDatabases } from "../../demo/install-postgres.ts";
import type { Services } from "../../services.ts";
import { embeddedUrl } from "./connections.ts";

const markerFile = ".agentmedha-demo";

/** Loads a demo dataset into its own PGlite folder once; again only when the generators' code changed. */
async function installEmbedded(dataDir: string, dataset: DemoDataset, codeVersion: string, progress: (message: string) => void): Promise<string> {
  const relative = path.join("sources", `demo-${dataset.key}`);
  const folder = path.join(dataDir, relative);
  const marker = await readFile(path.join(folder, markerFile), "utf8").catch(() => null);
  if (marker?.trim() === codeVersion) return embeddedUrl(relative);
  const started = performance.now();
  progress(`Loading demo data "${dataset.name}"…`);
  const sql = dataset.generate();
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const db = new PGlite(folder);
  try {
    await db.exec(sql);
  } finally {
    await db.close();
  }
  await writeFile(path.join(folder, markerFile), codeVersion);
  progress(`Loaded demo data "${dataset.name}" in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return embeddedUrl(relative);
}

/**
 * The demo data sources (shared, owned by the installation): embedded PGlite
 * databases in the data folder by default, or databases next to the app's own
 * on the DATABASE_URL server (`<database>_demo_<key>`). Registered once;
 * failures are logged and skipped so the product still starts.
 */
export async function ensureDemoDataSources(services: Services, progress: (message: string) => void = () => {}) {
  const { config, prisma, log } = services;
  const existing = await prisma.dataSource.findMany({ where: { isDemo: true, ownerId: null }, select: { name: true } });
  const registered = new Set(existing.map((s) => s.name));
  const missing = demoDatasets.filter((d) => !registered.has(d.name));

  let serverUrls = new Map<string, string>();
  if (config.databaseUrl && missing.length) {
    const appDatabase = decodeURIComponent(new URL(config.databaseUrl).pathname.slice(1) || "postgres");
    try {
      const outcomes = await installDemoDatabases({
        serverUrl: config.databaseUrl,
        keys: missing.map((d) => d.key),
        databasePrefix: `${appDatabase}_demo_`,
        onProgress: progress,
      });
      serverUrls = new Map(outcomes.map((o) => [o.key, o.url]));
    } catch (error) {
      log.warn({ err: error }, "demo databases could not be created on the database server; continuing without demo data");
      return;
    }
  }

  const codeVersion = config.databaseUrl ? "" : await demoCodeVersion();
  for (const dataset of demoDatasets) {
    try {
      const connectionUrl = config.databaseUrl ? serverUrls.get(dataset.key) : await installEmbedded(config.dataDir, dataset, codeVersion, progress);
      if (registered.has(dataset.name) || !connectionUrl) continue;
      await services.dataSources.register(
        null,
        { name: dataset.name, description: dataset.description, connectionUrl, visibility: "SHARED", isDemo: true },
        { connectionUrlIsInternal: true },
      );
      progress(`Registered demo data source "${dataset.name}"`);
    } catch (error) {
      log.warn({ err: error, dataset: dataset.key }, "demo data source could not be set up");
    }
  }
}
