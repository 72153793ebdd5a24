import { it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import { introspectPostgres } from "../sql/introspect/postgres.ts";
import { demoDatasets } from "../demo/catalogue.ts";
it("probe", async () => {
  for (const d of demoDatasets) {
    const db = new PGlite(); await db.exec(d.generate()); const m = bootstrapSemanticModel(await introspectPostgres(db));
    const labels = [...m.entities.map((e) => e.label), ...m.entities.flatMap((e) => e.fields.map((f) => `${e.label}.${f.label}`)), ...m.metrics.map((x) => x.label)];
    console.log("L", d.key, labels.join(" | "));
  }
}, 120000);
