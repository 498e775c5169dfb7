import type { IncomingMessage } from "node:http";
import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { MESSAGE_SAVED } from "../../lib/collab/protocol";

/** Counters of one socket: the provider opens a new socket on every reconnect, and "saved" counts restart with it. */
export interface SocketRecord {
  /** Sync step-2/update frames this client sent on the socket. */
  writesSent: number;
  /** The latest "saved" count the server sent: that many of those frames are committed. */
  saved: number;
  /** How many "saved" messages arrived. */
  acks: number;
  /** Milliseconds (performance.now) at which each write frame was sent, by its 1-based index. */
  sentAt: number[];
  /** Which node served this socket, from the X-Coflex-Node header the cluster tier's balancer adds; else null. */
  servedBy: string | null;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The current (latest) socket's counters. */
  socket(): SocketRecord;
  /** Close events received from the server, in order. */
  closes: Array<{ code: number; reason: string }>;
  /** Called for every "saved" message, with the socket it came on. */
  onSaved: ((record: SocketRecord) => void) | null;
  /** Resolves once the provider has synced (or rejects after timeoutMs). */
  synced(timeoutMs?: number): Promise<void>;
  destroy(): void;
}

export interface ConnectOptions {
  /** Extra upgrade headers, e.g. an Origin. */
  headers?: Record<string, string>;
  doc?: Y.Doc;
  /** false: build the provider but do not connect yet. */
  connect?: boolean;
}

/**
 * A y-websocket 3 client from Node, as a browser would run it, with the session cookie on the upgrade.
 * The "saved" handler (type 100) is registered before connect(), as CONTRACTS §5 requires of clients.
 * BroadcastChannel is off: in one Node process all providers of a room would otherwise sync through it
 * and hide what the server did or did not relay.
 */
// Each provider adds a process 'exit' listener; tests and the benchmark open dozens to hundreds at once.
process.setMaxListeners(Math.max(process.getMaxListeners(), 1000));

export function connectClient(url: string, room: string, cookie: string | null, options: ConnectOptions = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  let current: SocketRecord = newRecord();
  const headers: Record<string, string> = { ...options.headers };
  if (cookie) headers.Cookie = cookie;

  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
      const record = newRecord();
      current = record;
      this.on("upgrade", (res: IncomingMessage) => {
        const node = res.headers["x-coflex-node"];
        record.servedBy = typeof node === "string" ? node : null;
      });
    }

    override send(data: unknown, ...rest: unknown[]): void {
      if (data instanceof Uint8Array && data[0] === 0 && (data[1] === 1 || data[1] === 2)) {
        current.writesSent++;
        current.sentAt[current.writesSent] = performance.now();
      }
      (WebSocket.prototype.send as (...args: unknown[]) => void).apply(this, [data, ...rest]);
    }
  }

  const provider = new WebsocketProvider(url, room, doc, {
    connect: false,
    disableBc: true,
    maxBackoffTime: 500,
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
  });
  const client: TestClient = {
    doc,
    provider,
    socket: () => current,
    closes: [],
    onSaved: null,
    synced(timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        if (provider.synced) return resolve();
        const timer = setTimeout(() => reject(new Error(`client did not sync within ${timeoutMs} ms`)), timeoutMs);
        const onSync = (state: boolean) => {
          if (!state) return;
          clearTimeout(timer);
          provider.off("sync", onSync);
          resolve();
        };
        provider.on("sync", onSync);
      });
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    const record = current;
    record.acks++;
    record.saved = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : record.writesSent;
    client.onSaved?.(record);
  };
  provider.on("connection-close", (event) => {
    if (event) client.closes.push({ code: event.code, reason: event.reason });
  });
  if (options.connect !== false) provider.connect();
  return client;
}

function newRecord(): SocketRecord {
  return { writesSent: 0, saved: 0, acks: 0, sentAt: [], servedBy: null };
}

export interface RawSocket {
  ws: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

/** A bare `ws` socket on a room, for frames no well-behaved client would send. Resolves once open. */
export async function openRawSocket(url: string, room: string, cookie: string | null, headers: Record<string, string> = {}): Promise<RawSocket> {
  const ws = new WebSocket(`${url}/${room}`, { headers: cookie ? { ...headers, Cookie: cookie } : headers });
  const messages: Uint8Array[] = [];
  ws.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
  ws.on("error", () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("unexpected-response", () => reject(new Error("upgrade refused")));
    ws.once("close", () => resolve());
  });
  return { ws, messages, closed };
}
