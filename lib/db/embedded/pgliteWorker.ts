import { mkdirSync } from "node:fs";
import type { MessagePort } from "node:worker_threads";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { type FromWorker, portMessageSchema, toWorkerSchema, workerDataSchema } from "./workerMessages";
import { splitFrontend } from "./wireFrames";

/**
 * The embedded database's own thread. It opens the one PGlite instance of the data folder, applies the
 * migrations, then serves PostgreSQL's wire protocol to the server thread over MessagePorts. PGlite
 * executes every statement synchronously on the thread that owns it; here that thread is this one, so a
 * large read or a batch of inserts no longer holds the collaboration server's event loop (fan-out and
 * "saved" acks go on while the database works).
 *
 * PGlite has a single backend session, so statements of all connections run one batch at a time, and a
 * connection that ends inside a transaction is rolled back before anything else runs. The server opens one
 * connection (see embeddedDb.ts), so its prepared statements and transactions never interleave with
 * another's.
 */

const parent = parentPort;
if (!parent) throw new Error("pgliteWorker must run as a worker thread");
const config = workerDataSchema.parse(workerData);

const post = (message: FromWorker) => parent.postMessage(message);
const NO_ENCRYPTION = new Uint8Array([0x4e]); // "N"

let pg: PGlite;
/** Every database step goes through this chain: one at a time, in arrival order. */
let chain: Promise<void> = Promise.resolve();
function serial(step: () => Promise<void>, onError: () => void): void {
  chain = chain.then(step).catch(onError);
}

function serve(port: MessagePort): void {
  let pending: Uint8Array = new Uint8Array(0);
  let started = false;
  let open = true;
  const end = () => {
    if (!open) return;
    open = false;
    port.close();
    // The session's state is shared with the next connection: undo an open transaction, drop its statements.
    serial(
      async () => {
        if (pg.isInTransaction()) await pg.exec("ROLLBACK");
        await pg.exec("DEALLOCATE ALL");
      },
      () => undefined,
    );
  };
  port.on("message", (raw: unknown) => {
    const message = portMessageSchema.safeParse(raw);
    if (!message.success || message.data === "end") return end();
    if (!open) return;
    const data = pending.length === 0 ? message.data : concat(pending, message.data);
    let split;
    try {
      split = splitFrontend(data, started);
    } catch {
      return end();
    }
    pending = split.rest;
    started = split.started;
    for (const chunk of split.chunks) {
      if (chunk.kind === "encryption-request") port.postMessage(NO_ENCRYPTION);
      else if (chunk.kind === "cancel" || chunk.kind === "terminate") return end();
      else {
        const bytes = chunk.bytes;
        serial(async () => {
          if (!open) return;
          // Replies stream back as PGlite produces them. A reply is a view into PGlite's receive buffer (which
          // it reuses): copy just its bytes and move the copy, rather than cloning the whole buffer.
          await pg.execProtocolRawStream(bytes, {
            onRawData: (reply) => {
              if (!open) return;
              const copy = reply.slice();
              port.postMessage(copy, [copy.buffer]);
            },
          });
        }, end);
      }
    }
  });
  port.on("close", end);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

async function start(): Promise<void> {
  if (config.dataDir !== "memory://") mkdirSync(config.dataDir, { recursive: true });
  // A course's database is small and PGlite's buffer misses are served from the OS's file cache, while
  // every megabyte of shared_buffers is resident memory of the server (PostgreSQL's default is 128 MB).
  pg = await PGlite.create(config.dataDir, { startParams: [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"] });
  await migrate(drizzle(pg), { migrationsFolder: config.migrationsFolder });
}

start().then(
  () => {
    parent.on("message", (raw: unknown) => {
      const message = toWorkerSchema.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === "connect") return serve(message.data.port);
      serial(
        async () => {
          await pg.close();
          post({ type: "closed" });
        },
        () => post({ type: "closed" }),
      );
    });
    post({ type: "ready" });
  },
  (error: unknown) => post({ type: "failed", message: error instanceof Error ? error.message : String(error) }),
);
