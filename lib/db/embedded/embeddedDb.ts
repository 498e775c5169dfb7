import { existsSync } from "node:fs";
import path from "node:path";
import { MessageChannel, Worker } from "node:worker_threads";
import { type EmbeddedWorkerData, type FromWorker, fromWorkerSchema } from "./workerMessages";
import { PortSocket } from "./portSocket";

/**
 * The embedded database (PGlite) in its own worker thread. `start` resolves once PGlite has opened the data
 * folder and applied the migrations; `connect` gives the `postgres` driver a socket into it.
 */
export interface EmbeddedDatabase {
  connect(): PortSocket;
  /** Closes PGlite inside the worker (its files are complete afterwards), then ends the thread. */
  close(): Promise<void>;
}

// Resolved from the working directory, like the migrations folder (lib/db/client.ts).
const WORKER_ENTRY = path.resolve(process.cwd(), "lib/db/embedded/pgliteWorkerBootstrap.mjs");

/**
 * Opens the data folder in the worker. A folder PGlite has not initialized yet is initialized (initdb and
 * the migrations) by a first worker that then closes and ends: initdb leaves ~500 MB of the thread's memory
 * resident, and only ending the thread gives it back (measured: 757 MB → 251 MB, then 307 MB serving).
 */
export async function startEmbeddedDatabase(data: EmbeddedWorkerData): Promise<EmbeddedDatabase> {
  if (data.dataDir !== "memory://" && !existsSync(path.join(data.dataDir, "PG_VERSION"))) await (await startWorker(data)).close();
  return startWorker(data);
}

async function startWorker(data: EmbeddedWorkerData): Promise<EmbeddedDatabase> {
  const worker = new Worker(WORKER_ENTRY, { workerData: data });
  const replies: Array<(message: FromWorker | Error) => void> = [];
  const next = () => new Promise<FromWorker | Error>((resolve) => replies.push(resolve));
  const deliver = (message: FromWorker | Error) => replies.shift()?.(message);
  worker.on("message", (raw: unknown) => {
    const message = fromWorkerSchema.safeParse(raw);
    if (message.success) deliver(message.data);
  });
  worker.on("error", (error) => deliver(error));
  worker.on("exit", (code) => {
    for (const resolve of replies.splice(0)) resolve(new Error(`embedded database worker exited (${code})`));
  });

  const first = await next();
  if (first instanceof Error || first.type !== "ready") {
    await worker.terminate();
    throw first instanceof Error ? first : new Error(`embedded database failed to start: ${first.type === "failed" ? first.message : first.type}`);
  }

  let closing: Promise<void> | null = null;
  return {
    connect() {
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ type: "connect", port: port2 }, [port2]);
      return new PortSocket(port1);
    },
    close() {
      closing ??= (async () => {
        const closed = next();
        worker.postMessage({ type: "close" });
        await closed;
        await worker.terminate();
      })();
      return closing;
    },
  };
}
