// Entry of the agreement worker thread. Node 20 does not apply `--import tsx` from a Worker's execArgv to
// the worker's own entry file ("Unknown file extension .ts"), so this plain ESM file registers tsx's
// loader inside the thread first and then loads the TypeScript worker. It works the same under
// `tsx server/index.ts`, `node --import tsx server/index.ts` and vitest.
import { register } from "tsx/esm/api";

register();
await import("./agreementWorker.ts");
