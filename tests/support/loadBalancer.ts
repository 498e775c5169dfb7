import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Response header naming the node that served a request or a socket (added by the test config only). */
export const NODE_HEADER = "x-coflex-node";
/** Request header that pins one request or socket to a named node (test config only). */
export const PIN_HEADER = "x-coflex-pin";

export interface LoadBalancer {
  port: number;
  /** http://127.0.0.1:<port>: NEXTAUTH_URL of every node, and the Origin the browser would send. */
  url: string;
  /** Base URL for WebsocketProvider: ws://127.0.0.1:<port>/collab. */
  wsUrl: string;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (HAProxy cannot bind port 0 and report it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Throws (never skips) when HAProxy is not installed: the cluster tier must fail loudly in CI. */
export function requireHaproxy(): string {
  const probe = spawnSync("haproxy", ["-v"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error("HAProxy is not installed (`apt-get install haproxy`); the cluster tier needs a real load balancer.");
  }
  return probe.stdout.split("\n")[0] ?? "haproxy";
}

/**
 * The shipped deploy/haproxy.cfg with the bind address and the two node addresses filled in, plus two
 * test-only lines in the backend: a response header naming the serving node (so a test can see where the
 * round robin sent a socket) and a request header that pins one request to a node (so "a submit through
 * node A" is a request through the balancer that lands on A). Everything else — round robin, no
 * stickiness, WebSocket passthrough, health checks, redispatch — is the file operators run.
 */
export function clusterHaproxyConfig(bind: string, nodeA: string, nodeB: string): string {
  const shipped = readFileSync(path.join(repoRoot, "deploy/haproxy.cfg"), "utf8");
  const filled = shipped
    .replaceAll('"${COFLEX_LB_BIND}"', bind)
    .replaceAll('"${COFLEX_NODE_A}"', nodeA)
    .replaceAll('"${COFLEX_NODE_B}"', nodeB);
  if (filled.includes("${")) throw new Error("deploy/haproxy.cfg has a placeholder this test does not fill");
  const marker = "    balance roundrobin\n";
  if (!filled.includes(marker)) throw new Error("deploy/haproxy.cfg no longer balances round robin");
  const testOnly = [
    "    # test only (tests/support/loadBalancer.ts): name the serving node, and let a request pin a node",
    `    http-response set-header ${NODE_HEADER} %s`,
    `    use-server a if { req.hdr(${PIN_HEADER}) -m str a }`,
    `    use-server b if { req.hdr(${PIN_HEADER}) -m str b }`,
    "",
  ].join("\n");
  return filled.replace(marker, marker + testOnly);
}

/** Starts HAProxy in the foreground on a free port in front of two nodes; resolves once both are up. */
export async function startLoadBalancer(nodeA: number, nodeB: number, options: { port?: number; timeoutMs?: number } = {}): Promise<LoadBalancer> {
  requireHaproxy();
  const { timeoutMs = 30_000 } = options;
  const port = options.port ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), "coflex-lb-"));
  const cfg = path.join(dir, "haproxy.cfg");
  writeFileSync(cfg, clusterHaproxyConfig(`127.0.0.1:${port}`, `127.0.0.1:${nodeA}`, `127.0.0.1:${nodeB}`));
  const check = spawnSync("haproxy", ["-c", "-q", "-f", cfg], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`HAProxy refused the generated config:\n${check.stderr}${check.stdout}`);
  const child: ChildProcess = spawn("haproxy", ["-db", "-f", cfg], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  // Up means: the balancer answers, and its health checks have seen both nodes (each node answers once).
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
  while (seen.size < 2) {
    if (child.exitCode !== null) throw new Error(`HAProxy exited with ${child.exitCode}:\n${stderr}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`HAProxy did not reach both nodes within ${timeoutMs} ms (saw ${[...seen].join(", ") || "none"}):\n${stderr}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      const node = res.headers.get(NODE_HEADER);
      if (res.status === 200 && node) seen.add(node);
    } catch {
      // Not listening yet.
    }
    if (seen.size < 2) await new Promise((r) => setTimeout(r, 100));
  }
  return { port, url, wsUrl: `ws://127.0.0.1:${port}/collab`, stop };
}
