import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Db, type OpenDbOptions, openDb } from "../../lib/db/client";

export interface TestDb {
  readonly kind: "pglite" | "postgres";
  /** How to reach this database again — from a child process (server under test) or after release(). */
  readonly config: OpenDbOptions;
  /** The current handle; replaced by reopen(). */
  db: Db;
  /** Closes the handle but keeps the data, so another process may open an on-disk PGlite (one process at a time). */
  release(): Promise<void>;
  /** Opens the database again after release(). */
  reopen(): Promise<Db>;
  /** Closes the handle and deletes the database (DROP DATABASE, or the temp folder). */
  close(): Promise<void>;
}

export interface CreateTestDbOptions {
  /** PostgreSQL server URL; defaults to process.env.DATABASE_URL. Absent → PGlite. */
  databaseUrl?: string;
  /** PGlite only: keep the data in a temp folder instead of memory (needed to share it with a child process). */
  onDisk?: boolean;
}

/**
 * A fresh, migrated database per test file. With DATABASE_URL: CREATE DATABASE coflex_t_<random> on that
 * server (tests never touch the named database itself) and DROP it at close. Without: PGlite, in memory
 * unless onDisk — each PGlite costs ~0.8 GB RSS, so keep one per file.
 */
export async function createTestDb(options: CreateTestDbOptions = {}): Promise<TestDb> {
  const serverUrl = options.databaseUrl ?? (process.env.DATABASE_URL || undefined);
  if (serverUrl) return createPostgresTestDb(serverUrl);
  const dataDir = options.onDisk ? mkdtempSync(path.join(tmpdir(), "coflex-t-")) : "memory://";
  const remove = async () => {
    if (dataDir !== "memory://") rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    return await wrap("pglite", { dataDir }, remove);
  } catch (error) {
    await remove();
    throw error;
  }
}

async function createPostgresTestDb(serverUrl: string): Promise<TestDb> {
  const { default: postgres } = await import("postgres");
  const name = `coflex_t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const dropper = postgres(serverUrl, { max: 1, onnotice: () => undefined });
    // FORCE: a child server killed with SIGKILL may leave sessions the server has not reaped yet.
    await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await dropper.end();
  };
  try {
    return await wrap("postgres", { databaseUrl: url.toString(), dataDir: "memory://" }, drop);
  } catch (error) {
    // A failed open (e.g. a broken migration) must not leave the database behind.
    await drop();
    throw error;
  }
}

async function wrap(kind: "pglite" | "postgres", config: OpenDbOptions, destroy: () => Promise<void>): Promise<TestDb> {
  let handle: Awaited<ReturnType<typeof openDb>> | null = await openDb(config);
  const testDb: TestDb = {
    kind,
    config,
    db: handle.db,
    async release() {
      const h = handle;
      handle = null;
      await h?.close();
    },
    async reopen() {
      if (handle) return handle.db;
      handle = await openDb(config);
      testDb.db = handle.db;
      return handle.db;
    },
    async close() {
      await testDb.release();
      await destroy();
    },
  };
  return testDb;
}
