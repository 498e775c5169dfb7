import { MessagePort } from "node:worker_threads";
import { z } from "zod";

/**
 * Messages between the server's thread and the embedded-database worker (pgliteWorker.ts). The worker owns
 * the one PGlite instance; the server talks PostgreSQL's wire protocol to it over a MessagePort per
 * connection, with the same `postgres` driver it uses for a real PostgreSQL server.
 */

export const workerDataSchema = z.object({
  /** "memory://" or an absolute folder for PGlite's files. */
  dataDir: z.string().min(1),
  migrationsFolder: z.string().min(1),
});
export type EmbeddedWorkerData = z.infer<typeof workerDataSchema>;

/** Server thread → worker. */
export const toWorkerSchema = z.discriminatedUnion("type", [
  /** A new client connection; `port` carries its wire-protocol bytes both ways. */
  z.object({ type: z.literal("connect"), port: z.instanceof(MessagePort) }),
  /** Finish queued work, close PGlite (flushing its files) and report "closed". */
  z.object({ type: z.literal("close") }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

/** Worker → server thread. */
export const fromWorkerSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("failed"), message: z.string() }),
  z.object({ type: z.literal("closed") }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;

/** On a connection's port, each way: wire bytes, or "end" when that side closes the connection. */
export const portMessageSchema = z.union([z.instanceof(Uint8Array), z.literal("end")]);
