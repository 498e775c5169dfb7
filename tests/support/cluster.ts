import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { type ChildServer, startChildServer } from "./childServer";
import { freePort, type LoadBalancer, NODE_HEADER, PIN_HEADER, requireHaproxy, startLoadBalancer } from "./loadBalancer";
import { createTestDb, type TestDb } from "./testDb";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export type NodeName = "a" | "b";

export interface Cluster {
  db: TestDb;
  lb: LoadBalancer;
  nodes: Record<NodeName, ChildServer>;
  /** The NEXTAUTH_SECRET every node shares (fresh per run, so throttle counts of other runs are not ours). */
  secret: string;
  /** Graceful stop (SIGTERM: flush, 1012, unload) and a fresh start on the same port; resolves once the balancer sends to it again. */
  restart(name: NodeName): Promise<void>;
  stop(): Promise<void>;
}

/**
 * What the tier needs, checked up front so a missing piece fails the run with a clear message instead of
 * skipping: HAProxy, a PostgreSQL server (DATABASE_URL) and Redis (REDIS_URL).
 */
export async function requireClusterServices(): Promise<{ databaseUrl: string; redisUrl: string }> {
  requireHaproxy();
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl) throw new Error("The cluster tier needs DATABASE_URL (a PostgreSQL server both nodes share).");
  if (!redisUrl) throw new Error("The cluster tier needs REDIS_URL (the relay between the nodes).");
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Redis at REDIS_URL does not answer: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    redis.disconnect();
  }
  return { databaseUrl, redisUrl };
}

function newestMtime(dir: string): number {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (/\.(tsx?|css|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** The nodes serve the API through Next in production mode: build once if there is no build or it is stale (as `npm start` does). */
export function ensureProductionBuild(): void {
  const buildId = path.join(repoRoot, ".next", "BUILD_ID");
  const sources = Math.max(...["app", "components", "lib"].map((d) => newestMtime(path.join(repoRoot, d))));
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= sources) return;
  // Built as `npm start` builds on a fresh machine: the build must not see this tier's database or Redis
  // (with DATABASE_URL in production mode, collecting the auth route would demand NEXTAUTH_SECRET).
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const build = spawnSync(process.execPath, [path.join(repoRoot, "node_modules/next/dist/bin/next"), "build"], { cwd: repoRoot, env, stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed");
}

/**
 * Two real server processes (Next + collaboration, as `npm start` runs them) on one fresh PostgreSQL
 * database and the machine's Redis, behind HAProxy. The balancer comes first so its URL can be every
 * node's NEXTAUTH_URL (the public origin CSRF and the WebSocket Origin check compare against).
 */
export async function startCluster(secret: string): Promise<Cluster> {
  const { databaseUrl, redisUrl } = await requireClusterServices();
  ensureProductionBuild();
  const db = await createTestDb({ databaseUrl });
  const scratch = mkdtempSync(path.join(tmpdir(), "coflex-cluster-"));
  const started: ChildServer[] = [];
  try {
    const ports = { a: await freePort(), b: await freePort() };
    const lbPortProbe = await freePort();
    const publicUrl = `http://127.0.0.1:${lbPortProbe}`;
    const nodeEnv = (name: NodeName) => ({
      DATABASE_URL: db.config.databaseUrl ?? "",
      REDIS_URL: redisUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: publicUrl,
      COFLEX_TRUST_PROXY: "1",
      COFLEX_DEMO: "0",
      COFLEX_DATA_DIR: path.join(scratch, name),
      PORT: String(ports[name]),
    });
    const [a, b] = await Promise.all([startChildServer(nodeEnv("a"), { mode: "full" }), startChildServer(nodeEnv("b"), { mode: "full" })]);
    started.push(a, b);
    const lb = await startLoadBalancer(a.port, b.port, { port: lbPortProbe });
    const nodes: Record<NodeName, ChildServer> = { a, b };
    return {
      db,
      lb,
      nodes,
      secret,
      async restart(name) {
        await nodes[name].stop();
        const node = await startChildServer(nodeEnv(name), { mode: "full" });
        started.push(node);
        nodes[name] = node;
        // The balancer's health check needs two passes (rise 2, inter 1s) before it routes there again.
        const deadline = Date.now() + 20_000;
        while ((await api(lb, "GET", "/healthz", { pin: name })).node !== name) {
          if (Date.now() > deadline) throw new Error(`the balancer did not route to node ${name} again within 20 s`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      async stop() {
        await lb.stop();
        await Promise.all(started.map((n) => n.kill()));
        await db.close();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await Promise.all(started.map((n) => n.kill()));
    await db.close();
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

export interface ApiResponse {
  status: number;
  /** The node that served the request (the balancer's test header). */
  node: string | null;
  body: unknown;
  headers: Headers;
}

/**
 * A request through the balancer as the browser sends it: the session cookie, a same-origin Origin and a
 * JSON body. `pin` sends it to one node (test-only balancer rule); without it, round robin decides.
 */
export async function api(
  lb: LoadBalancer,
  method: string,
  pathname: string,
  options: { cookie?: string; body?: unknown; pin?: NodeName; form?: URLSearchParams } = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { origin: lb.url };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.pin) headers[PIN_HEADER] = options.pin;
  let body: string | undefined;
  if (options.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = options.form.toString();
  } else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${lb.url}${pathname}`, { method, headers, body, redirect: "manual" });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? (JSON.parse(text) as unknown) : null;
  } catch {
    // Not JSON (a redirect, an empty 204): keep the text.
  }
  return { status: res.status, node: res.headers.get(NODE_HEADER), body: parsed, headers: res.headers };
}

/**
 * Signs in exactly as the login form does (CONTRACTS §3): the CSRF token from GET /api/auth/csrf, then
 * the credentials POST. Returns the session cookie, or the error next-auth redirected to.
 */
export async function signIn(lb: LoadBalancer, email: string, password: string, pin?: NodeName): Promise<{ cookie: string | null; error: string | null; node: string | null }> {
  const csrf = await api(lb, "GET", "/api/auth/csrf", { pin });
  const csrfCookie = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const token = (csrf.body as { csrfToken?: string }).csrfToken ?? "";
  const res = await api(lb, "POST", "/api/auth/callback/credentials", {
    pin,
    cookie: csrfCookie,
    form: new URLSearchParams({ csrfToken: token, email, password, json: "true" }),
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0] ?? "").find((c) => c.startsWith("next-auth.session-token="));
  const location = res.headers.get("location") ?? (res.body as { url?: string } | null)?.url ?? "";
  const error = location.includes("error=") ? new URL(location, lb.url).searchParams.get("error") : null;
  return { cookie: session ?? null, error, node: res.node };
}
