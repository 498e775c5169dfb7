import path from "node:path";
import type postgres from "postgres";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { env } from "../env";
import type { PortSocket } from "./embedded/portSocket";
import * as schema from "./schema";

/**
 * One driver for both databases: the `postgres` driver talks PostgreSQL's wire protocol to a real server
 * (DATABASE_URL) or to the embedded PGlite, which runs in its own worker thread (lib/db/embedded) so that
 * its work never holds the server's event loop.
 */
export type Db = PostgresJsDatabase<typeof schema> & {
  /** The driver itself, for the one statement drizzle cannot send prepared (lib/db/queries/yjsLog.ts). */
  $client: postgres.Sql;
};

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** PostgreSQL URL; absent → PGlite in dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

const MIGRATIONS = path.resolve(process.cwd(), "drizzle");
/** An arbitrary constant so that nodes starting together apply migrations one at a time. */
const MIGRATION_LOCK = 727_311;

export async function openDb(options: OpenDbOptions): Promise<DbHandle> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(options.dataDir);
}

async function openPostgres(databaseUrl: string): Promise<DbHandle> {
  const { default: connect } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // synchronous_commit is forced on: an update is acknowledged as saved only after it is durable.
  const client = connect(databaseUrl, {
    max: 10,
    onnotice: () => undefined,
    connection: { synchronous_commit: "on", application_name: "coflex" },
  });
  const db = drizzle(client, { schema });
  // One session holds an advisory lock while it migrates, so nodes starting together take turns.
  const migrator = connect(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle(migrator, { schema }), { migrationsFolder: MIGRATIONS });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await migrator.end({ timeout: 5 });
  }
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/**
 * PGlite in a worker thread, which opens the data folder (once per process: see setSharedDb) and applies
 * the migrations before it answers. One connection: PGlite has a single backend session, and one
 * connection keeps each transaction's statements together (the driver queues the rest meanwhile).
 */
async function openEmbedded(dataDir: string): Promise<DbHandle> {
  const { default: connect } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  // Left out of Next's bundle: Next's copy of this module never opens a database (it finds the server's
  // handle through setSharedDb), and the bundler would otherwise try to bundle the worker and tsx.
  const { startEmbeddedDatabase } = await import(/* turbopackIgnore: true */ "./embedded/embeddedDb");
  const dir = dataDir === "memory://" ? "memory://" : path.resolve(dataDir, "pgdata");
  const embedded = await startEmbeddedDatabase({ dataDir: dir, migrationsFolder: MIGRATIONS });
  // `socket` is the driver's documented hook for a custom transport; its type definitions do not list it.
  const options: postgres.Options<Record<string, never>> & { socket: () => PortSocket } = {
    max: 1,
    max_lifetime: null,
    user: "postgres",
    database: "postgres",
    onnotice: () => undefined,
    socket: () => embedded.connect(),
  };
  const client = connect(options);
  const db = drizzle(client, { schema });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.end({ timeout: 5 });
      await embedded.close();
    },
  };
}

/**
 * The tsx server opens the database once at start and parks the handle here; Next's route handlers run in
 * the same process but load their own copy of this module, so they find it through globalThis. PGlite must
 * never be opened twice on one data dir.
 */
const KEY = Symbol.for("coflex.db");
type Holder = { [KEY]?: Promise<DbHandle> };

export function setSharedDb(handle: Promise<DbHandle>): void {
  (globalThis as Holder)[KEY] = handle;
}

export async function getDb(): Promise<Db> {
  const holder = globalThis as Holder;
  if (!holder[KEY]) {
    const e = env();
    holder[KEY] = openDb({ databaseUrl: e.DATABASE_URL, dataDir: e.COFLEX_DATA_DIR });
  }
  return (await holder[KEY]).db;
}

export async function closeSharedDb(): Promise<void> {
  const holder = globalThis as Holder;
  const handle = holder[KEY];
  delete holder[KEY];
  if (handle) await (await handle).close();
}
