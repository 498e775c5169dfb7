// Entry of the embedded-database worker thread. Node 20 does not apply `--import tsx` from a Worker's
// execArgv to the worker's own entry file, so this plain ESM file registers tsx's loader inside the thread
// first and then loads the TypeScript worker (as server/jobs/agreementWorkerBootstrap.mjs does).
import { register } from "tsx/esm/api";

register();
await import("./pgliteWorker.ts");
