import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "../env";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

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
  if (options.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    // synchronous_commit is forced on: an update is acknowledged as saved only after it is durable.
    const client = postgres(options.databaseUrl, {
      max: 10,
      onnotice: () => undefined,
      connection: { synchronous_commit: "on", application_name: "coflex" },
    });
    const db = drizzle(client, { schema });
    // One session holds an advisory lock while it migrates, so nodes starting together take turns.
    const migrator = postgres(options.databaseUrl, { max: 1, onnotice: () => undefined });
    try {
      await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migrate(drizzle(migrator, { schema }), { migrationsFolder: MIGRATIONS });
      await migrator`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    } finally {
      await migrator.end({ timeout: 5 });
    }
    return { db: db as unknown as Db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = options.dataDir === "memory://" ? "memory://" : path.resolve(options.dataDir, "pgdata");
  if (dir !== "memory://") mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
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
