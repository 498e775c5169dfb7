import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface ChildServer {
  port: number;
  /** Base URL for WebsocketProvider. */
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** SIGTERM: graceful shutdown (flush, 1012, unload); resolves when the process is gone. */
  stop(): Promise<void>;
  /** SIGKILL: a crash; resolves when the process is gone. */
  kill(): Promise<void>;
}

export interface ChildServerOptions {
  /**
   * "collab-only" (default): migrations, DB, collab, no Next. "full": the product as `npm start` runs it
   * (Next in production mode on the existing `.next` build, plus collab) — the cluster tier needs the API.
   */
  mode?: "collab-only" | "full";
  timeoutMs?: number;
}

/**
 * Starts the real server process (`server/index.ts`) on a free port (or env.PORT) and resolves once it
 * printed {"event":"listening"}. Node runs the server directly (`node --import tsx`), so a SIGKILL hits the
 * server itself and not a wrapper.
 */
export async function startChildServer(env: Record<string, string>, options: ChildServerOptions = {}): Promise<ChildServer> {
  const { mode = "collab-only", timeoutMs = 90_000 } = options;
  const args = ["--import", "tsx", "server/index.ts", ...(mode === "collab-only" ? ["--collab-only"] : [])];
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", COFLEX_LOG_LEVEL: "warn", ...(mode === "full" ? { NODE_ENV: "production" } : {}), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = "";
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        try {
          const event = JSON.parse(line) as { event?: string; port?: number };
          if (event.event === "listening" && typeof event.port === "number") {
            clearTimeout(timer);
            resolve(event.port);
          }
        } catch {
          // Not every line is ours to parse.
        }
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening\n${stderr}`));
    });
  });
  const signal = async (sig: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(sig);
    await exited;
  };
  return {
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    child,
    exited,
    stop: () => signal("SIGTERM"),
    kill: () => signal("SIGKILL"),
  };
}
