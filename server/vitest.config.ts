import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM copies. Node (and so Yoga and Pothos)
    // loads the CommonJS one; Vite would give our files the ESM one, and
    // `instanceof GraphQLError` would then fail across the two.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql/index.js") }],
  },
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    // Fault tests run apart: `npm run test:faults` (vitest.faults.config.ts).
    exclude: ["**/node_modules/**", "src/faults/**"],
    // Integration tests start servers and databases; files run in parallel
    // processes, each with its own database.
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    globalSetup: ["src/testing/global-setup.ts"],
  },
});
