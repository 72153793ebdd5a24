import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed documents for the client, from the printed SDL (schema/schema.graphql,
 * itself printed from the Pothos schema). `npm run codegen` runs both steps;
 * tests fail when either output is stale.
 */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["client/src/**/*.{ts,tsx}", "!client/src/graphql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "client/src/graphql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: false,
        scalars: { DateTime: "string", JSON: "unknown", ID: "string" },
      },
    },
  },
};

export default config;
