import { defineConfig } from "vitest/config";
import base from "./vitest.config.ts";

/**
 * Fault tests (`npm run test:faults`): they start and stop their own Redis and
 * PostgreSQL, kill server processes and wait out timeouts, so they run apart
 * from the normal suite, one file at a time.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["src/faults/**/*.test.ts"],
    exclude: ["**/node_modules/**"],
    fileParallelism: false,
    testTimeout: 120_000,
  },
});
