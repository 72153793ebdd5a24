import { describe, expect, it } from "vitest";
import { plan } from "./plan.ts";
import { MAX_QUESTION_LENGTH } from "./reject.ts";
import { bootstrapSemanticModel } from "../semantic/bootstrap.ts";
import { col, snapshot, table } from "../semantic/testing/snapshots.ts";
import { NOW, shopModel } from "./testing/shop.ts";

const model = shopModel();
const outcome = (question: string) => plan({ question, model, now: NOW });

describe("bad input", () => {
  it("refuses empty, too long, SQL and non-English questions with stable codes", () => {
    expect(outcome("   ")).toMatchObject({ kind: "reject", code: "EMPTY_QUESTION" });
    expect(outcome(`how many clients ${"really ".repeat(MAX_QUESTION_LENGTH)}`)).toMatchObject({ kind: "reject", code: "QUESTION_TOO_LONG" });
    expect(outcome("SELECT * FROM clients; DROP TABLE clients")).toMatchObject({ kind: "reject", code: "SQL_NOT_ACCEPTED" });
    expect(outcome("delete from clients")).toMatchObject({ kind: "reject", code: "SQL_NOT_ACCEPTED" });
    expect(outcome("¿Cuántos clientes hay en Brasil?")).toMatchObject({ kind: "reject", code: "NOT_ENGLISH" });
    expect(outcome("客户有多少")).toMatchObject({ kind: "reject", code: "NOT_ENGLISH" });
    expect(outcome("asdf qwer zxcv")).toMatchObject({ kind: "reject", code: "NOT_UNDERSTOOD" });
  });

  it("reads plain English that starts like SQL", () => {
    expect(outcome("Select the clients from Brazil")).toMatchObject({ kind: "query" });
  });

  it("asks instead of inventing a table, with options that run as they are", () => {
    const result = outcome("How many spaceships are there?");
    expect(result.kind).toBe("clarify");
    if (result.kind !== "clarify") return;
    expect(result.message).toContain("spaceships");
    expect(result.options.length).toBeGreaterThan(0);
    for (const option of result.options) {
      expect(option.spec?.measures).toEqual([{ kind: "count", entity: option.spec!.entity }]);
      expect(model.entities.some((e) => e.name === option.spec!.entity)).toBe(true);
    }
  });

  it("never throws on odd input", () => {
    for (const q of ["?", "!!!", "the", "by by by", "top", "12345", "'", "\"\"", "how many", "per month", "and", "🙂"]) {
      expect(() => outcome(q)).not.toThrow();
    }
  });

  it("asks which one when two tables fit the words equally well, each option ready to run", () => {
    const twin = snapshot([
      table("orders", [col("order_id", "integer"), col("amount", "decimal")], { primaryKey: ["order_id"] }),
      { ...table("orders", [col("order_id", "integer"), col("amount", "decimal")], { primaryKey: ["order_id"] }), schema: "archive" },
    ]);
    const result = plan({ question: "How many orders are there?", model: bootstrapSemanticModel(twin), now: NOW });
    expect(result.kind).toBe("clarify");
    if (result.kind !== "clarify") return;
    expect(result.options.map((o) => o.spec?.measures)).toEqual([
      [{ kind: "count", entity: "public.orders" }],
      [{ kind: "count", entity: "archive.orders" }],
    ]);
  });
});
