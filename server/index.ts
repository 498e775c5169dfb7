import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { CLIENT_IP_HEADER } from "../lib/auth/options";
import { closeSignInThrottles } from "../lib/auth/throttle";
import { COLLAB_PATH, type Room } from "../lib/collab/roomName";
import { onRightsChanged } from "../lib/collab/rightsBus";
import { closeSharedDb, openDb, setSharedDb } from "../lib/db/client";
import { seedDemo } from "../lib/db/seed";
import { env, setResolvedEnv } from "../lib/env";
import { createLogger } from "../lib/log";
import { type CollabLimits, createCollabServer, createRedisRelay, createRightsRelay, startLiveAgreement } from "./collab";
import { startAgreementScheduler, storedRunOf } from "./jobs/agreementScheduler";
import { originAllowed } from "../lib/http/origin";
import { loadOrCreateSecret } from "./secret";

/**
 * One process, one port: Next serves pages and API routes, our collaboration server takes the
 * /collab/* upgrades. `--collab-only` skips Next (tests and the collaboration benchmark start it that way).
 */
const args = new Set(process.argv.slice(2));
const dev = args.has("--dev");
const collabOnly = args.has("--collab-only");
const log = createLogger("server");

async function main(): Promise<void> {
  const e = env();
  const secret = e.NEXTAUTH_SECRET ?? loadOrCreateSecret(e.COFLEX_DATA_DIR);
  setResolvedEnv({ NEXTAUTH_SECRET: secret });

  const handlePromise = openDb({ databaseUrl: e.DATABASE_URL, dataDir: e.COFLEX_DATA_DIR });
  setSharedDb(handlePromise);
  const handle = await handlePromise;
  if (e.demo) {
    const { seeded } = await seedDemo(handle.db);
    if (seeded) log.info("demo_seeded");
  }

  // With REDIS_URL, live updates and presence reach the other nodes holding the same rooms.
  const relay = e.REDIS_URL ? await createRedisRelay(e.REDIS_URL, createLogger("redis")) : null;
  // Live agreement (issue 8): replicas of the layers, running tables, summaries pushed on watch:<id> rooms
  // and served by GET /api/exercises/:id/agreement. It has its own relay subscriptions for layers whose
  // rooms live on other nodes.
  const liveRelay = e.REDIS_URL ? await createRedisRelay(e.REDIS_URL, createLogger("redis")) : null;
  const { live, watch, close: closeLive } = startLiveAgreement({ db: handle.db, relay: liveRelay, logger: createLogger("live-agreement") });
  const collab = createCollabServer({ db: handle.db, secret, allowedOrigin: (origin, host) => originAllowed(origin, host), logger: createLogger("collab"), relay, watch, limits: quotaLimits(e) });
  // Stored runs are computed from the live agreement's replicas (no re-read of every log per run), and
  // what is stored goes straight back to it (no read of the run either).
  const agreementLog = createLogger("agreement");
  const agreement = startAgreementScheduler({ db: handle.db, logger: agreementLog, inputs: (exerciseId, coderIds) => live.runInputs(exerciseId, coderIds) });
  // In the order the runs finished: a stored run's pairs are parsed a batch at a time, and a later
  // "unchanged" must not be applied before it.
  let handedOver = Promise.resolve();
  agreement.onRun((event) => {
    handedOver = handedOver
      .then(async () => {
        if (event.outcome === "stored") await live.runStored(event.exerciseId, { stored: await storedRunOf(event) });
        else if (event.outcome === "unchanged") await live.runStored(event.exerciseId, { current: event.fingerprint, computedAt: event.computedAt });
      })
      .catch((err: unknown) => agreementLog.error("agreement.handover_failed", { exerciseId: event.exerciseId, err: String(err) }));
  });

  // Submits, reveals and membership changes re-authorize open sockets at once (lib/collab/rightsBus).
  onRightsChanged((change) => {
    const exerciseIds = change.kind === "exercise" ? [change.exerciseId] : change.kind === "transcript" ? change.exerciseIds : [];
    const match =
      change.kind === "cohort"
        ? () => true
        : (room: Room) =>
            (room.kind === "transcript" && room.transcriptId === change.transcriptId) ||
            (room.kind !== "transcript" && exerciseIds.includes(room.exerciseId));
    collab.reauthorize(match).catch((err: unknown) => log.error("reauthorize_failed", { err }));
  });
  // With REDIS_URL the same changes reach every other node, and theirs reach us (server/collab/rightsRelay).
  const rights = e.REDIS_URL
    ? await createRightsRelay(e.REDIS_URL, createLogger("redis"), () => {
        collab.reauthorize(() => true).catch((err: unknown) => log.error("reauthorize_failed", { err }));
      })
    : null;

  let nextHandler: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null = null;
  if (!collabOnly) {
    const { default: next } = await import("next");
    const app = next({ dev, dir: process.cwd(), hostname: e.HOST, port: e.PORT });
    await app.prepare();
    nextHandler = app.getRequestHandler();
  }

  // Set on SIGTERM/SIGINT: the health check then fails so the balancer stops sending new requests here.
  let stopping = false;
  const server = createServer((req, res) => {
    // The sign-in throttle keys on this header; never trust one the client sent.
    req.headers[CLIENT_IP_HEADER] = clientIp(req, e.COFLEX_TRUST_PROXY === "1");
    // The load balancer's health check (deploy/haproxy.cfg): answered here, without Next or the database.
    if (req.url === "/healthz") {
      res.statusCode = stopping ? 503 : 200;
      res.end(stopping ? "stopping" : "ok");
      return;
    }
    if (!nextHandler) {
      res.statusCode = 404;
      res.end("not found");
      return;
    }
    nextHandler(req, res).catch((err: unknown) => {
      log.error("request_failed", { err });
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });

  // Next adds its own upgrade listener (HMR) on first request; we answer only /collab/ and leave the rest to it.
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!req.url?.startsWith(COLLAB_PATH)) return;
    collab.handleUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "EADDRINUSE" ? new Error(`Port ${e.PORT} on ${e.HOST} is already in use. Stop the other program or start with PORT=<another port>.`) : err),
    );
    server.listen(e.PORT, e.HOST, resolve);
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : e.PORT;
  const publicUrl = e.NEXTAUTH_URL ?? `http://${e.HOST === "0.0.0.0" ? "localhost" : e.HOST}:${port}`;
  setResolvedEnv({ PORT: port, NEXTAUTH_URL: publicUrl });
  // next-auth reads these two from process.env itself; they are set once here from the validated env.
  // eslint-disable-next-line no-restricted-properties
  process.env.NEXTAUTH_URL = publicUrl;
  // eslint-disable-next-line no-restricted-properties
  process.env.NEXTAUTH_SECRET = secret;
  process.stdout.write(`${JSON.stringify({ event: "listening", port, url: publicUrl, database: handle.kind, mode: collabOnly ? "collab-only" : dev ? "dev" : "production" })}\n`);

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("shutdown", { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.close();
    // Flush every pending write and close sockets with 1012 so clients reconnect to the next instance.
    await collab.shutdown();
    await closeLive();
    await liveRelay?.close();
    await relay?.close();
    await rights?.close();
    await closeSignInThrottles();
    await agreement.stop();
    server.closeAllConnections();
    await closeSharedDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

/** The last X-Forwarded-For entry is the one our own balancer appended; earlier ones are the client's to forge. */
function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers["x-forwarded-for"];
  const last = trustProxy ? (Array.isArray(forwarded) ? forwarded.join(",") : forwarded)?.split(",").pop()?.trim() : undefined;
  return last || req.socket.remoteAddress || "unknown";
}

/** Storage quotas and the write budget from the environment (MiB there, bytes here). */
function quotaLimits(e: ReturnType<typeof env>): Pick<CollabLimits, "roomQuotaBytes" | "userWriteBytesPerMinute"> {
  const mib = (n: number) => Math.round(n * 1024 * 1024);
  return {
    roomQuotaBytes: { transcript: mib(e.COFLEX_QUOTA_TRANSCRIPT_MB), layer: mib(e.COFLEX_QUOTA_LAYER_MB), consensus: mib(e.COFLEX_QUOTA_CONSENSUS_MB) },
    userWriteBytesPerMinute: mib(e.COFLEX_USER_WRITE_MB_PER_MIN),
  };
}

main().catch((err: unknown) => {
  log.error("startup_failed", { err });
  process.stderr.write(`Coflex could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
