import { describe, expect, it } from "vitest";
import { plan } from "./plan.ts";
import { embeddedModel, itAnswers, type Turn } from "./testing/embedded.ts";

/** Ponds and streams of our own, each naming its region by text, with no reference between them. */
const SCHEMA = `
CREATE TABLE pond (pond_id int PRIMARY KEY, pond_name text, region_name text, depth int);
CREATE TABLE stream (stream_id int PRIMARY KEY, stream_name text, region_name text, length int);
INSERT INTO pond VALUES (1, 'Mere', 'Alpha', 3), (2, 'Tarn', 'Beta', 5), (3, 'Loch', 'Gamma', 9);
INSERT INTO stream VALUES (1, 'Beck', 'Alpha', 10), (2, 'Burn', 'Delta', 40), (3, 'Rill', 'Alpha', 7);
`;

/** A table named that the answer reads stays fine. */
const READ: Turn[][] = [[["Which regions have ponds?", "SELECT DISTINCT region_name FROM pond"]]];

describe("a table named that nothing ties to the answer is asked back", () => {
  const embedded = embeddedModel(SCHEMA);

  itAnswers(embedded, READ, { goldHasRows: true });

  it.each([
    ["Which regions have both ponds and streams?", "streams"],
    ["What is the average length of streams per region in regions with a pond?", "pond"],
  ])("“%s” asks about “%s”", (question, word) => {
    const outcome = plan({ question, model: embedded.model });
    expect(outcome.kind).toBe("clarify");
    if (outcome.kind === "clarify") expect(outcome.unread).toContain(word);
  });
});
