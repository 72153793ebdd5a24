import { lexicographicSortSchema, printSchema } from "graphql";
import { allErrorCodes } from "../errors.ts";
import "../modules/auth/auth.graphql.ts";
import "../modules/sessions/sessions.graphql.ts";
import "../modules/data-sources/data-sources.graphql.ts";
import "../modules/semantic/semantic.graphql.ts";
import "../modules/ask/ask.graphql.ts";
import "../modules/refine/refine.graphql.ts";
import "../modules/feedback/feedback.graphql.ts";
import "../modules/verified/verified.graphql.ts";
import "../modules/api-keys/api-keys.graphql.ts";
import "../modules/users/users.graphql.ts";
import "../modules/audit/audit.graphql.ts";
import { builder } from "./builder.ts";

builder.queryType({ description: "Entry points for reading." });
builder.mutationType({ description: "Entry points for changing state. Each returns what it changed." });
builder.subscriptionType({ description: "Live updates over graphql-ws on the same path as HTTP." });

const ErrorCodeEnum = builder.enumType("ErrorCode", {
  description: "Values of `extensions.code` on errors this API returns. Switch on these, not on messages.",
  values: Object.fromEntries(allErrorCodes().map(([code, description]) => [code, { description, value: code }])),
});
builder.queryField("errorCodes", (t) =>
  t.field({
    type: [ErrorCodeEnum],
    description: "Every error code, so clients can generate exhaustive handling.",
    resolve: () => allErrorCodes().map(([code]) => code),
  }),
);

export const schema = builder.toSchema();

/** The SDL checked into schema/schema.graphql: sorted so it only changes when the API does. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
