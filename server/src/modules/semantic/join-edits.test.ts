import { describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "../../semantic/bootstrap.ts";
import { rebootstrapSemanticModel } from "../../semantic/rebootstrap.ts";
import { col, snapshot, table } from "../../semantic/testing/snapshots.ts";
import { parseSemanticModel } from "../../semantic/validate.ts";
import type { SchemaSnapshot } from "../../sql/snapshot.ts";
import * as edits from "./edits.ts";
import { thrownCode } from "./testing-codes.ts";

/** A key-less snapshot as introspection leaves it: one inferred reference with its evidence. */
function keyless(): SchemaSnapshot {
  return snapshot([
    table("teams", [col("id", "integer"), col("team_name", "text")], { primaryKey: ["id"], primaryKeyInferred: true }),
    table("players", [col("id", "integer"), col("team_id", "integer"), col("coach", "text"), col("full_name", "text")], {
      primaryKey: ["id"],
      primaryKeyInferred: true,
      foreignKeys: [
        {
          name: "inferred_players_team_id",
          columns: ["team_id"],
          refSchema: "public",
          refTable: "teams",
          refColumns: ["id"],
          inferred: true,
          evidence: { rule: "names_table", containment: 1, sampled: 12 },
        },
      ],
    }),
    table("coaches", [col("coach_name", "text"), col("since", "date")]),
  ]);
}


describe("editing joins of the semantic model", () => {
  it("shows inferred joins with their evidence and inferred keys", () => {
    const model = bootstrapSemanticModel(keyless());
    expect(model.joins).toEqual([
      expect.objectContaining({ name: "inferred_players_team_id", inferred: true, evidence: { rule: "names_table", containment: 1, sampled: 12 } }),
    ]);
    expect(model.entities.find((e) => e.name === "teams")).toMatchObject({ primaryKey: ["id"], primaryKeyInferred: true });
    expect(() => parseSemanticModel(model)).not.toThrow();
  });

  it("confirms an inferred join and refuses to confirm what is unknown or declared", () => {
    const model = bootstrapSemanticModel(keyless());
    expect(edits.confirmJoin(model, "inferred_players_team_id")).toBe("Join inferred_players_team_id confirmed");
    expect(model.joins[0]!.confirmed).toBe(true);
    expect(thrownCode(() => edits.confirmJoin(model, "nope"))).toBe("NOT_FOUND");
    edits.upsertJoin(model, { from: "players", fromColumns: ["coach"], to: "coaches", toColumns: ["coach_name"] });
    expect(thrownCode(() => edits.confirmJoin(model, "players_coach_coaches"))).toBe("BAD_USER_INPUT");
  });

  it("adds and edits joins, checking entities, columns and types", () => {
    const model = bootstrapSemanticModel(keyless());
    expect(edits.upsertJoin(model, { from: "players", fromColumns: ["coach"], to: "coaches", toColumns: ["coach_name"] })).toBe("Join players_coach_coaches added");
    expect(model.joins.find((j) => j.name === "players_coach_coaches")).toMatchObject({ inferred: false, origin: "user" });
    // Editing the inferred join makes it the user's.
    edits.upsertJoin(model, { name: "inferred_players_team_id", from: "players", fromColumns: ["team_id"], to: "teams", toColumns: ["id"] });
    expect(model.joins.find((j) => j.name === "inferred_players_team_id")).toMatchObject({ inferred: false, origin: "user" });
    expect(thrownCode(() => edits.upsertJoin(model, { from: "players", fromColumns: ["team_id"], to: "coaches", toColumns: ["coach_name"] }))).toBe("BAD_USER_INPUT");
    expect(thrownCode(() => edits.upsertJoin(model, { from: "players", fromColumns: ["team_id"], to: "teams", toColumns: [] }))).toBe("BAD_USER_INPUT");
    expect(thrownCode(() => edits.upsertJoin(model, { from: "players", fromColumns: ["shoe"], to: "teams", toColumns: ["id"] }))).toBe("SEMANTIC_MODEL_UNKNOWN_REFERENCES");
    expect(thrownCode(() => edits.upsertJoin(model, { from: "planets", fromColumns: ["id"], to: "teams", toColumns: ["id"] }))).toBe("SEMANTIC_MODEL_UNKNOWN_REFERENCES");
  });

  it("keeps added and confirmed joins on refresh, and removed ones removed", () => {
    const model = bootstrapSemanticModel(keyless());
    edits.upsertJoin(model, { from: "players", fromColumns: ["coach"], to: "coaches", toColumns: ["coach_name"] });
    expect(edits.deleteJoin(model, "inferred_players_team_id")).toBe("Join inferred_players_team_id removed");
    expect(thrownCode(() => edits.deleteJoin(model, "inferred_players_team_id"))).toBe("NOT_FOUND");
    const { model: refreshed, dropped } = rebootstrapSemanticModel(model, keyless());
    expect(refreshed.joins.map((j) => j.name)).toEqual(["players_coach_coaches"]);
    expect(refreshed.removedJoins).toEqual(["inferred_players_team_id"]);
    expect(dropped).toEqual([]);

    // Re-adding a removed join by name forgets the removal.
    edits.upsertJoin(refreshed, { name: "inferred_players_team_id", from: "players", fromColumns: ["team_id"], to: "teams", toColumns: ["id"] });
    expect(refreshed.removedJoins).toEqual([]);

    const confirmed = bootstrapSemanticModel(keyless());
    edits.confirmJoin(confirmed, "inferred_players_team_id");
    // The next introspection no longer infers it (say the data changed): the confirmed join stays.
    const next = keyless();
    next.tables[1]!.foreignKeys = [];
    expect(rebootstrapSemanticModel(confirmed, next).model.joins).toEqual([expect.objectContaining({ name: "inferred_players_team_id", confirmed: true })]);
    // A user join whose column is gone is dropped and said so.
    next.tables[1]!.columns = next.tables[1]!.columns.filter((c) => c.name !== "team_id");
    expect(rebootstrapSemanticModel(confirmed, next).dropped).toEqual(["join inferred_players_team_id (columns gone)"]);
  });
});
