// Worker bootstrap, plain JavaScript because it runs before any TypeScript
// loader exists in the new thread: under tsx (dev, tests, `npm start`) it
// registers tsx for this thread, then loads the real worker module.
import { workerData } from "node:worker_threads";

if (workerData.entry.endsWith(".ts")) {
  const { register } = await import("tsx/esm/api");
  register();
}
await import(workerData.entry);
