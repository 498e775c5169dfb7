import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ProductServer {
  baseUrl: string;
  /** The server process itself (the child of scripts/start.mjs), for CPU and RSS. */
  pid: number;
  database: "pglite" | "postgres";
  stop(): Promise<void>;
}

export interface StartOptions {
  port: number;
  /** A PostgreSQL server URL: a fresh database is created on it (and dropped at stop). Absent → PGlite. */
  postgresUrl?: string;
  /** How long the first start may take (it may run `next build`). */
  timeoutMs?: number;
}

/**
 * Starts Coflex exactly as `npm start` does — scripts/start.mjs: production build (built first when the
 * sources are newer), one process serving Next and the collaboration endpoint — in a fresh data folder,
 * with the demo seeded, and resolves once it listens.
 */
export async function startProductServer(options: StartOptions): Promise<ProductServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "coflex-bench-"));
  let databaseUrl = "";
  let dropDatabase = async () => undefined as void;
  if (options.postgresUrl) {
    const name = `coflex_bench_${randomBytes(5).toString("hex")}`;
    const admin = postgres(options.postgresUrl, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(options.postgresUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const dropper = postgres(options.postgresUrl as string, { max: 1, onnotice: () => undefined });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port),
    HOST: "127.0.0.1",
    COFLEX_DATA_DIR: dataDir,
    COFLEX_DEMO: "1",
    // BENCH_SERVER_LOG=<file>: the server's info log (run timings, slow statements) goes there, to see where time went.
    COFLEX_LOG_LEVEL: process.env.BENCH_SERVER_LOG ? "info" : "warn",
    NEXTAUTH_SECRET: "coflex-bench-secret-0123456789abcdef",
    NEXTAUTH_URL: `http://127.0.0.1:${options.port}`,
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const child = spawn(process.execPath, ["scripts/start.mjs"], { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  if (process.env.BENCH_SERVER_LOG) {
    // Written synchronously: the bench ends with process.exit, which would drop a stream's queued writes.
    const logFile = process.env.BENCH_SERVER_LOG;
    child.stdout?.on("data", (chunk: Buffer) => appendFileSync(logFile, chunk));
    child.stderr?.on("data", (chunk: Buffer) => appendFileSync(logFile, chunk));
  }
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const cleanup = async () => {
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase();
  };
  try {
    await waitForListening(child, exited, options.timeoutMs ?? 600_000, () => stderr);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    await cleanup();
    throw error;
  }
  const pid = serverPid(child.pid as number);
  return {
    baseUrl: `http://127.0.0.1:${options.port}`,
    pid,
    database: databaseUrl ? "postgres" : "pglite",
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
      await cleanup();
    },
  };
}

function waitForListening(child: ChildProcess, exited: Promise<void>, timeoutMs: number, stderr: () => string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms\n${stderr()}`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.includes('"event":"listening"')) {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening\n${stderr()}`));
    });
  });
}

/**
 * scripts/start.mjs runs the server through tsx's CLI, which runs it as its own child: the server is the
 * deepest process of that chain, and CPU and memory are its.
 */
function serverPid(launcherPid: number): number {
  let pid = launcherPid;
  for (let depth = 0; depth < 4; depth++) {
    let children: number[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).map(Number).filter((n) => Number.isFinite(n) && n > 0);
    } catch {
      break;
    }
    // Only into node processes: the server's own helpers (tsx's esbuild service) are children too, and one
    // alone at the moment of looking would be taken for the server.
    const nodes = children.filter((child) => {
      try {
        return readFileSync(`/proc/${child}/comm`, "utf8").trim() === "node";
      } catch {
        return false;
      }
    });
    if (nodes.length !== 1) break;
    pid = nodes[0] as number;
  }
  return pid;
}

/**
 * Waits until the server has finished starting: its CPU stays under 10% for a whole second (at most
 * `maxMs`). Start-up computes the agreement of every exercise that needs it (the demo's among them) and
 * warms the JIT; a first scenario measured during that measures start-up, not the steady server.
 */
export async function serverSettled(pid: number, maxMs = 60_000): Promise<number> {
  const started = performance.now();
  let before = cpuSeconds(pid);
  while (performance.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuSeconds(pid);
    if (now - before < 0.1) break;
    before = now;
  }
  return performance.now() - started;
}

/** utime + stime of a process in seconds (Linux, 100 ticks per second). */
export function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export function rssMb(pid: number): number {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}
