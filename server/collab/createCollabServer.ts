import type { IncomingMessage } from "node:http";
import { onStoredUpdate } from "../../lib/collab/storedUpdates";
import type { Duplex } from "node:stream";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import {
  CLOSE_BAD_FRAME,
  CLOSE_FORBIDDEN,
  CLOSE_INTERNAL,
  CLOSE_RATE_LIMITED,
  CLOSE_RESTARTING,
  CLOSE_TOO_LARGE,
  CLOSE_UNAUTHENTICATED,
  MAX_PAYLOAD_BYTES,
} from "../../lib/collab/protocol";
import type { Db } from "../../lib/db/client";
import { toAppError } from "../../lib/errors";
// The browser's caret colour function, so a user's colour is the same in every view. (It belongs in lib/;
// imported from where it lives today.)
import { userColour } from "../../lib/collab/userColour";
import { Connection } from "./connection";
import { startHeartbeat } from "./heartbeat";
import { TokenBucket } from "./tokenBucket";
import { createReauthorizer } from "./reauthorizer";
import type { RoomRelay } from "./redisRelay";
import { RoomRegistry } from "./roomRegistry";
import { type RoomStore, dbRoomStore } from "./roomStore";
import { safeErrorFields } from "./safeError";
import type { CollabLimits, CollabLogger, OriginCheck, RoomMatcher } from "./types";
import { type UpgradeDecision, authorizeUpgrade } from "./upgradeAuth";

export interface CollabServerOptions {
  db: Db;
  /** NEXTAUTH_SECRET: decrypts the next-auth session cookie sent with the upgrade. */
  secret: string;
  /**
   * Whether a page from `origin` may open a socket here. Only asked when the request has an Origin:
   * browsers always send one and attach the session cookie from any site, so a foreign Origin is a
   * cross-site attempt to ride the cookie (refused with 4403). A request without Origin is not a browser
   * and has no ambient cookie to abuse; it is let through to the session check. Default: same host only.
   */
  allowedOrigin?: OriginCheck;
  logger?: CollabLogger;
  limits?: Partial<CollabLimits>;
  /** Where rooms are stored; default: the database (dbRoomStore). Tests may pass an in-memory store. */
  store?: RoomStore;
  /** Redis fan-out to other nodes holding the same rooms (REDIS_URL); absent on a single node. */
  relay?: RoomRelay | null;
  /** Takes `watch:<exerciseId>` sockets (./watchHub); without it they are refused like an unknown room. */
  watch?: { join(conn: Connection): void } | null;
}

export interface CollabServer {
  /** For upgrades whose path starts with /collab/; the caller routes every other upgrade elsewhere. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Stops accepting, commits queued writes (acking them), closes sockets with 1012, unloads rooms. */
  shutdown(): Promise<void>;
  stats(): { rooms: number; sockets: number };
  /** Re-checks rights of open sockets in matching rooms: closed (4401/4403) or switched to read/write. */
  reauthorize(match: RoomMatcher): Promise<void>;
}

const MIB = 1024 * 1024;

export const DEFAULT_COLLAB_LIMITS: CollabLimits = {
  maxMessageBytes: MAX_PAYLOAD_BYTES,
  messagesPerSecond: 200,
  messageBurst: 400,
  heartbeatMs: 30_000,
  roomIdleMs: 5_000,
  compactEvery: 500,
  maxBufferedBytes: 16 * 1024 * 1024,
  roomQuotaBytes: { transcript: 20 * MIB, layer: 5 * MIB, consensus: 5 * MIB },
  userWriteBytesPerMinute: 8 * MIB,
};

/** Shutdown waits this long for clients to answer the close frame before cutting their sockets. */
const CLOSE_GRACE_MS = 2_000;

const defaultLogger: CollabLogger = {
  info: () => undefined,
  warn: (message, fields) => console.warn(message, fields ?? {}),
  error: (message, fields) => console.error(message, fields ?? {}),
};

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const { db, secret } = options;
  const limits: CollabLimits = { ...DEFAULT_COLLAB_LIMITS, ...options.limits };
  const logger = options.logger ?? defaultLogger;
  const originAllowed: OriginCheck = options.allowedOrigin ?? sameHost;

  // ws's own maxPayload would close with 1009, which y-websocket retries forever (re-sending the same
  // giant update). Its hard limit sits well above ours so that the usual oversize case gets our 4413,
  // which the client treats as final; only absurd frames (> 4×) meet ws's cut.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes * 4, perMessageDeflate: false });
  const registry = new RoomRegistry({ db, store: options.store ?? dbRoomStore(db), logger, compactEvery: limits.compactEvery, roomIdleMs: limits.roomIdleMs, quotaBytes: limits.roomQuotaBytes, relay: options.relay ?? null });
  const connections = new Set<Connection>();
  const pendingUpgrades = new Set<Promise<void>>();
  const heartbeat = startHeartbeat(() => wss.clients, limits.heartbeatMs);
  // A socket outlives its page; the session's 12-hour cap still applies to it.
  const sessionSweep = setInterval(() => {
    const now = Date.now();
    for (const conn of connections) if (conn.user.sessionEndsAt <= now) conn.close(CLOSE_UNAUTHENTICATED, "session ended");
  }, Math.min(limits.heartbeatMs, 60_000));
  sessionSweep.unref();
  // One write budget per user across all their sockets here, so opening more sockets buys no more bytes.
  const budgets = new Map<string, TokenBucket>();
  const budgetFor = (userId: string): TokenBucket => {
    let budget = budgets.get(userId);
    if (!budget) {
      budget = new TokenBucket(limits.userWriteBytesPerMinute / 60, limits.userWriteBytesPerMinute);
      budgets.set(userId, budget);
    }
    return budget;
  };
  // Updates the server appended to a room's log itself (a submit's "reviewed, no code" marks) reach the live room.
  const offStored = onStoredUpdate((name, update) => void registry.get(name)?.applyStored(update));
  const reauthorize = createReauthorizer({ db, logger, rooms: () => registry.rooms(), connections: () => connections });
  let accepting = true;
  let shutdownPromise: Promise<void> | null = null;
  let wssClosed = false;

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // The raw socket may reset while we wait for the database; unhandled, that 'error' would crash the process.
    socket.on("error", ignore);
    if (wssClosed) {
      socket.destroy();
      return;
    }
    const work = decide(req).then((decision) => {
      if (socket.destroyed || wssClosed) {
        socket.destroy();
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on("error", (error) => logger.warn("collab.socket_error", safeErrorFields(error)));
        if (!decision.ok) {
          // Refusals complete the upgrade and then close with a 44xx code: y-websocket stops retrying on
          // 4400–4499 but retries an HTTP 401/403 at the upgrade forever.
          logger.info("collab.denied", { code: decision.code, reason: decision.reason, user: decision.userId, room: decision.roomName });
          ws.close(decision.code, decision.reason);
          return;
        }
        accept(ws, decision);
      });
    }).catch((error: unknown) => {
      // Nothing may escape into an unhandled rejection: that would take every other socket down with it.
      logger.error("collab.upgrade_failed", safeErrorFields(error));
      socket.destroy();
    });
    pendingUpgrades.add(work);
    void work.finally(() => pendingUpgrades.delete(work));
  }

  async function decide(req: IncomingMessage): Promise<UpgradeDecision> {
    if (!accepting) return { ok: false, code: CLOSE_RESTARTING, reason: "restarting" };
    let decision: UpgradeDecision;
    try {
      decision = await authorizeUpgrade(req, { db, secret, originAllowed });
    } catch (error) {
      logger.error("collab.auth_failed", safeErrorFields(error));
      // An AppError keeps its own close code; anything else is "internal", which the client retries —
      // right for a database hiccup, which is what this usually is.
      return { ok: false, code: toAppError(error).closeCode, reason: "server error" };
    }
    if (!accepting) return { ok: false, code: CLOSE_RESTARTING, reason: "restarting" };
    return decision;
  }

  function accept(ws: WebSocket, decision: Extract<UpgradeDecision, { ok: true }>): void {
    const conn = new Connection(ws, decision.user, decision.room, decision.roomName, decision.access, userColour(decision.user.id), limits, budgetFor(decision.user.id));
    connections.add(conn);
    logger.info("collab.connected", { room: decision.roomName, user: decision.user.id, access: decision.access });
    ws.on("pong", () => heartbeat.seen(ws));
    ws.on("message", (data: RawData, isBinary: boolean) => {
      heartbeat.seen(ws);
      // During shutdown nothing new is applied: the client still holds it and re-sends it after reconnecting.
      if (conn.closed || !accepting) return;
      if (!conn.takeToken()) return closeFor(conn, CLOSE_RATE_LIMITED, "too many messages");
      const bytes = toBytes(data);
      if (bytes.byteLength > limits.maxMessageBytes) return closeFor(conn, CLOSE_TOO_LARGE, "message too large");
      if (!isBinary) return closeFor(conn, CLOSE_BAD_FRAME, "bad frame");
      try {
        conn.receive(bytes);
      } catch (error) {
        // A bug or a throwing Yjs observer must cost this socket only, never the process.
        logger.error("collab.message_failed", { room: conn.roomName, user: conn.user.id, ...safeErrorFields(error) });
        conn.close(CLOSE_INTERNAL, "server error");
      }
    });
    ws.on("close", () => {
      connections.delete(conn);
      conn.detach();
    });
    if (decision.room.kind === "watch") {
      if (options.watch) options.watch.join(conn);
      else conn.close(CLOSE_FORBIDDEN, "forbidden");
      return;
    }
    registry.join(decision.roomName, decision.room, conn).then(
      (joined) => {
        if (!joined) conn.close(CLOSE_RESTARTING, "restarting");
      },
      (error: unknown) => {
        logger.error("collab.join_failed", { room: decision.roomName, ...safeErrorFields(error) });
        conn.close(CLOSE_INTERNAL, "server error");
      },
    );
  }

  function closeFor(conn: Connection, code: number, reason: string): void {
    logger.warn("collab.closed", { room: conn.roomName, user: conn.user.id, code, reason });
    conn.close(code, reason);
  }

  function shutdown(): Promise<void> {
    shutdownPromise ??= (async () => {
      accepting = false;
      await Promise.allSettled(Array.from(pendingUpgrades));
      // Flush first, close after: clients hear "saved" for everything they sent before the restart.
      await registry.flushAll();
      for (const conn of connections) conn.close(CLOSE_RESTARTING, "server restarting");
      heartbeat.stop();
      clearInterval(sessionSweep);
      offStored();
      await registry.closeAll();
      await closeSockets(wss);
      wssClosed = true;
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    })();
    return shutdownPromise;
  }

  return {
    handleUpgrade,
    shutdown,
    stats: () => ({ rooms: registry.size, sockets: connections.size }),
    reauthorize,
  };
}

/** Closes every socket with 1012, waits briefly for the closing handshakes, then cuts the rest. */
async function closeSockets(wss: WebSocketServer): Promise<void> {
  const sockets = Array.from(wss.clients);
  for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.close(CLOSE_RESTARTING, "server restarting");
  const allClosed = Promise.all(
    sockets.map((ws) => (ws.readyState === ws.CLOSED ? undefined : new Promise<void>((resolve) => ws.once("close", () => resolve())))),
  );
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([allClosed, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))]);
  clearTimeout(timer);
  for (const ws of wss.clients) ws.terminate();
}

function toBytes(data: RawData): Uint8Array {
  const buffer = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data;
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function ignore(): void {}

function sameHost(origin: string, hostHeader: string | undefined): boolean {
  try {
    return hostHeader !== undefined && new URL(origin).host === hostHeader.toLowerCase();
  } catch {
    return false;
  }
}
