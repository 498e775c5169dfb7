import * as Y from "yjs";
import { CLOSE_BAD_FRAME, CLOSE_FORBIDDEN, CLOSE_INTERNAL, CLOSE_RATE_LIMITED, CLOSE_TOO_LARGE, QUOTA_REASON_BUDGET, QUOTA_REASON_ROOM } from "../../lib/collab/protocol";
import { roomDocUpdated, roomUpdated } from "../../lib/collab/roomEvents";
import type { Room } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
import { RoomGoneError } from "../../lib/db/queries/yjsLog";
import type { LoadedRoom, RoomStore } from "./roomStore";
import { type AwarenessVisibility, awarenessVisibility, everyoneSeesEveryone } from "./awarenessVisibility";
import type { Connection } from "./connection";
import { FrameError, type IncomingFrame, isEmptyStateVector, parseFrame, syncStep1Frame, syncStep2Frame, updateFrame } from "./frames";
import { RoomAwareness } from "./roomAwareness";
import { safeErrorFields } from "./safeError";
import type { Access, CollabLogger } from "./types";
import { RoomStorage } from "./roomStorage";
import { RoomWriteQueue } from "./writeQueue";
import { RELAY_ORIGIN, type RelayMessage, type RoomRelay, decodeRelayedAwareness, encodeRelayedAwareness } from "./redisRelay";

export interface RoomDeps {
  db: Db;
  /** Where the document is loaded from and appended to (the database in production). */
  store: RoomStore;
  logger: CollabLogger;
  compactEvery: number;
  /** Stored size cap of this room (snapshot + log) in bytes. */
  quotaBytes: number;
  /** Fan-out to other server nodes holding this room (Redis); null on a single node. */
  relay: RoomRelay | null;
  /** The last socket left: the registry decides when to unload. */
  onEmpty(room: CollabRoom): void;
  /** The room can no longer be trusted to match the database (load or write failed): unload it now. */
  onFailed(room: CollabRoom): void;
}

export type RoomState = "loading" | "ready" | "failed" | "unloading" | "unloaded";

/** Frames held while the room loads; past this the sender is cut rather than the server's memory. */
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;

/**
 * One loaded document and the sockets in it. The room answers nothing until its document has loaded from
 * the database (frames queue meanwhile), applies writable sockets' updates and fans them out at once,
 * hands them to its write queue for an ordered, awaited append, and relays awareness with the identity
 * forced from the session.
 */
export class CollabRoom {
  state: RoomState = "loading";
  readonly connections = new Set<Connection>();
  readonly loaded: Promise<void>;
  private doc: Y.Doc | null = null;
  private presence: RoomAwareness | null = null;
  /** Relay messages that arrived while the room was loading; applied once it is ready. */
  private relayQueue: RelayMessage[] = [];
  private queue: Array<{ conn: Connection; bytes: Uint8Array }> = [];
  private queuedBytes = 0;
  /** Step 2 for a joiner with an empty state vector; every update invalidates it. */
  private fullStateFrame: Uint8Array | null = null;
  /** Set while applying a socket's update, to collect what the document actually integrated from it. */
  private capture: { conn: Connection; emitted: Uint8Array[] } | null = null;
  private readonly writes: RoomWriteQueue;
  private readonly storage: RoomStorage;
  /** Whose presence reaches whom (blind coding hides coders from each other). */
  private visible: AwarenessVisibility = everyoneSeesEveryone;

  constructor(
    readonly name: string,
    readonly room: Room,
    private readonly deps: RoomDeps,
  ) {
    this.storage = new RoomStorage(name, deps.store, deps.compactEvery, deps.logger);
    this.writes = new RoomWriteQueue(async (updates) => {
      await deps.store.append(name, updates);
      // Other nodes hear an update only once it is committed. A node holding a relayed update that was never
      // committed (its node was killed first) would tell the sender, reconnecting to it, that it already has
      // it, so the client would never upload it again and every later edit built on it would stay pending
      // in the log: acknowledged edits lost (the cluster tier's kill test found exactly this).
      for (const update of updates) deps.relay?.publish(name, "update", update);
    }, {
      committed: (rows) => {
        roomUpdated(name);
        this.storage.committed(rows);
      },
      failed: (error) => {
        if (error instanceof RoomGoneError) {
          // Deleted (on this node or another): final, not a hiccup to reconnect through.
          deps.logger.info("collab.room_deleted", { room: name });
          this.fail(CLOSE_FORBIDDEN, "deleted");
          return;
        }
        deps.logger.error("collab.write_failed", { room: name, ...safeErrorFields(error) });
        this.fail();
      },
    });
    this.loaded = this.load();
  }

  join(conn: Connection): void {
    this.connections.add(conn);
    if (this.state === "ready") this.greet(conn);
    // Greeting first, then any frames the socket sent while it waited for this room.
    conn.attach((bytes) => this.receive(conn, bytes), this);
  }

  leave(conn: Connection): void {
    if (!this.connections.delete(conn)) return;
    this.presence?.forget(conn);
    if (this.connections.size === 0) this.deps.onEmpty(this);
  }

  accessChanged(conn: Connection, previous: Access): void {
    // A reader promoted to writer never got our step 1 (readers' uploads are dropped anyway): ask now.
    if (previous === "read" && conn.access === "write" && this.doc) conn.send(syncStep1Frame(this.doc));
  }

  /** Re-reads who may see whose presence (after a reveal, or a new blind exercise on this transcript). */
  async refreshVisibility(): Promise<void> {
    this.visible = await awarenessVisibility(this.deps.db, this.room);
  }

  /**
   * An update the server already appended to this room's log (lib/collab/storedUpdates): applied to the
   * live document so sockets see it. It goes through the normal path (fan-out, relay, log); the second
   * log row is a duplicate Yjs ignores on replay.
   */
  async applyStored(update: Uint8Array): Promise<void> {
    await this.loaded;
    if (this.state !== "ready" || !this.doc) return;
    try {
      Y.applyUpdate(this.doc, update, "server");
    } catch (error) {
      this.deps.logger.warn("collab.stored_update_failed", { room: this.name, ...safeErrorFields(error) });
    }
  }

  /** Resolves when every update received so far has committed (or failed). */
  flush(): Promise<void> {
    return this.writes.idle();
  }

  async unload(): Promise<void> {
    const failed = this.state === "failed";
    this.state = "unloading";
    this.queue = [];
    await this.loaded;
    // The document goes only after its last write committed: a reconnect waits for this promise, so it
    // loads a fresh copy that includes everything, never a second live copy of the same room.
    await this.writes.idle();
    await this.storage.settle(!failed && this.doc !== null);
    if (this.deps.relay) await this.deps.relay.unsubscribe(this.name);
    this.presence?.destroy();
    this.doc?.off("update", this.onDocUpdate);
    this.doc?.destroy();
    this.presence = null;
    this.doc = null;
    this.state = "unloaded";
    this.deps.logger.info("collab.room_unloaded", { room: this.name });
  }

  private async load(): Promise<void> {
    const started = performance.now();
    let loaded: LoadedRoom;
    try {
      // Subscribe before reading the database: an update another node fans out meanwhile is either in
      // what we read or in the relay queue (Yjs applies duplicates harmlessly).
      if (this.deps.relay) await this.deps.relay.subscribe(this.name, (message) => this.fromRelay(message));
      // Transcripts keep deleted items (gc off): code layers anchor to them by relative position.
      const [doc, visible] = await Promise.all([
        this.deps.store.load(this.name, { gc: this.room.kind !== "transcript" }),
        awarenessVisibility(this.deps.db, this.room),
      ]);
      loaded = doc;
      this.visible = visible;
    } catch (error) {
      this.deps.logger.error("collab.room_load_failed", { room: this.name, ...safeErrorFields(error) });
      this.fail();
      return;
    }
    if (this.state !== "loading") {
      loaded.doc.destroy();
      return;
    }
    const doc = loaded.doc;
    this.storage.loaded(loaded.rows, loaded.bytes);
    doc.on("update", this.onDocUpdate);
    this.doc = doc;
    this.presence = new RoomAwareness(doc, this.connections, () => this.visible, this.deps.relay ? (sender, update) => this.deps.relay?.publish(this.name, "awareness", encodeRelayedAwareness(sender, update)) : null);
    this.state = "ready";
    this.deps.logger.info("collab.room_loaded", { room: this.name, rows: loaded.rows, ms: Math.round(performance.now() - started) });
    for (const conn of this.connections) this.greet(conn);
    const relayed = this.relayQueue;
    this.relayQueue = [];
    for (const message of relayed) this.fromRelay(message);
    const queue = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    for (const { conn, bytes } of queue) {
      if (this.connections.has(conn) && !conn.closed && this.state === "ready") this.handle(conn, bytes);
    }
  }

  private receive(conn: Connection, bytes: Uint8Array): void {
    if (this.state === "ready") {
      this.handle(conn, bytes);
      return;
    }
    if (this.state !== "loading") return;
    this.queuedBytes += bytes.byteLength;
    if (this.queuedBytes > MAX_QUEUED_BYTES) {
      conn.close(CLOSE_RATE_LIMITED, "too much data");
      return;
    }
    this.queue.push({ conn, bytes });
  }

  private handle(conn: Connection, bytes: Uint8Array): void {
    let frame: IncomingFrame;
    try {
      frame = parseFrame(bytes);
    } catch {
      this.reject(conn, "malformed frame");
      return;
    }
    switch (frame.type) {
      case "syncStep1":
        this.answerStep1(conn, frame.stateVector);
        return;
      case "syncUpdate":
        // A reader's step 2 and updates are dropped: never applied, persisted, relayed or acknowledged.
        if (conn.access === "write") this.applyFrom(conn, frame.update);
        return;
      case "awareness":
        try {
          this.presence?.relay(conn, frame.update);
        } catch (error) {
          if (!(error instanceof FrameError)) throw error;
          this.reject(conn, "malformed awareness");
        }
        return;
      case "queryAwareness":
        this.presence?.sendAll(conn);
        return;
    }
  }

  private greet(conn: Connection): void {
    const doc = this.doc;
    if (!doc) return;
    // Our step 1 makes the client upload what we lack (edits made offline); readers' uploads would be dropped.
    if (conn.access === "write") conn.send(syncStep1Frame(doc));
    this.presence?.sendAll(conn);
  }

  private answerStep1(conn: Connection, stateVector: Uint8Array): void {
    const doc = this.doc;
    if (!doc) return;
    if (isEmptyStateVector(stateVector)) {
      // Encoding a long transcript costs ~10 ms; a class of 30 opening it at once shares one encoding.
      this.fullStateFrame ??= syncStep2Frame(Y.encodeStateAsUpdate(doc));
      conn.send(this.fullStateFrame);
      return;
    }
    let frame: Uint8Array;
    try {
      frame = syncStep2Frame(Y.encodeStateAsUpdate(doc, stateVector));
    } catch {
      this.reject(conn, "malformed state vector");
      return;
    }
    conn.send(frame);
  }

  private applyFrom(conn: Connection, update: Uint8Array): void {
    const doc = this.doc;
    if (!doc) return;
    // Quotas are checked before anything is applied: a refused frame is not half-written, relayed or stored.
    if (!conn.takeWriteBytes(update.byteLength)) return this.refuse(conn, QUOTA_REASON_BUDGET);
    if (this.storage.storedBytes + update.byteLength > this.deps.quotaBytes) return this.refuse(conn, QUOTA_REASON_ROOM);
    const seq = ++conn.writesReceived;
    const capture = { conn, emitted: [] as Uint8Array[] };
    this.capture = capture;
    let malformed = false;
    try {
      Y.applyUpdate(doc, update, conn);
    } catch {
      malformed = true;
    } finally {
      this.capture = null;
    }
    // What the document integrated (and already fanned out) is persisted even if the rest of a bad update
    // threw, so memory and database never disagree.
    const updates = capture.emitted;
    // Yjs holds back structs whose dependencies it has not seen. Persist the frame itself too, so
    // "saved" is true of everything the client sent; duplicates are harmless when the log is replayed.
    if (!malformed && (doc.store.pendingStructs !== null || doc.store.pendingDs !== null)) updates.push(update.slice());
    this.storage.queued(updates);
    this.writes.push({ updates, target: malformed ? null : conn, seq });
    if (malformed) this.reject(conn, "malformed update");
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.fullStateFrame = null;
    if (this.room.kind === "layer") roomDocUpdated(this.name, update);
    if (origin === RELAY_ORIGIN) {
      // Another node received, persists and acknowledges this update; here it only reaches our sockets.
      const relayedFrame = updateFrame(update);
      for (const conn of this.connections) conn.send(relayedFrame);
      return;
    }
    if (this.capture && origin === this.capture.conn) this.capture.emitted.push(update);
    // Not from a socket: a server-side change (none today) is persisted like any other.
    else {
      this.storage.queued([update]);
      this.writes.push({ updates: [update], target: null, seq: 0 });
    }
    // Fan-out to this node's sockets does not wait for the database; the sender's "saved" and the relay to other nodes do.
    const frame = updateFrame(update);
    for (const conn of this.connections) if (conn !== origin) conn.send(frame);
  };

  private fromRelay(message: RelayMessage): void {
    const doc = this.doc;
    if (this.state === "loading" || !doc) {
      if (this.state === "loading") this.relayQueue.push(message);
      return;
    }
    if (this.state !== "ready") return;
    switch (message.kind) {
      case "update":
        try {
          Y.applyUpdate(doc, message.bytes, RELAY_ORIGIN);
        } catch (error) {
          this.deps.logger.warn("collab.relay_bad_update", { room: this.name, ...safeErrorFields(error) });
        }
        return;
      case "awareness": {
        const decoded = decodeRelayedAwareness(message.bytes);
        if (decoded) this.presence?.applyRemote(decoded.sender, decoded.update);
        return;
      }
      case "resync":
        // Messages may have been lost while Redis was away: whatever the database has that we lack arrives now.
        this.deps.store
          .load(this.name, { gc: this.room.kind !== "transcript" })
          .then(({ doc: stored }) => {
            if (this.doc === doc && this.state === "ready") Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored, Y.encodeStateVector(doc)), RELAY_ORIGIN);
            stored.destroy();
          })
          .catch((error: unknown) => this.deps.logger.warn("collab.relay_resync_failed", { room: this.name, ...safeErrorFields(error) }));
        return;
    }
  }

  private refuse(conn: Connection, reason: string): void {
    this.deps.logger.warn("collab.quota", { room: this.name, user: conn.user.id, reason, storedBytes: this.storage.storedBytes });
    conn.close(CLOSE_TOO_LARGE, reason);
  }

  private reject(conn: Connection, reason: string): void {
    this.deps.logger.warn("collab.bad_frame", { room: this.name, user: conn.user.id, reason });
    conn.close(CLOSE_BAD_FRAME, "bad frame");
  }

  /**
   * The in-memory document may now hold updates the database lacks. Drop it and every socket (1011, so
   * clients reconnect): they reload from the database and re-send what is missing, which their own
   * documents still hold. Closing only the sender would not do — the server's copy would then claim to
   * have the lost update, and no client would ever re-send it.
   */
  private fail(code: number = CLOSE_INTERNAL, reason = "please reconnect"): void {
    if (this.state !== "loading" && this.state !== "ready") return;
    this.state = "failed";
    for (const conn of this.connections) conn.close(code, reason);
    this.deps.onFailed(this);
  }
}
