import type { Room } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
import type { Connection } from "./connection";
import { CollabRoom } from "./room";
import type { RoomRelay } from "./redisRelay";
import type { RoomStore } from "./roomStore";
import type { CollabLimits, CollabLogger } from "./types";

interface Entry {
  room: CollabRoom;
  /** Set once the room began unloading; joiners wait for it, then load a fresh room. */
  unloading: Promise<void> | null;
  idleTimer: NodeJS.Timeout | null;
}

/**
 * The map of live rooms. An entry stays in the map — holding its unload promise — until the room's last
 * write has committed, so a reconnect during an unload waits and then loads a fresh copy; there is never a
 * second document for one room in this process (the bug of the reference server, y-websocket#81 family).
 */
export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  private closed = false;

  constructor(private readonly deps: { db: Db; store: RoomStore; logger: CollabLogger; compactEvery: number; roomIdleMs: number; quotaBytes: CollabLimits["roomQuotaBytes"]; relay?: RoomRelay | null }) {}

  get size(): number {
    return this.entries.size;
  }

  rooms(): CollabRoom[] {
    return Array.from(this.entries.values(), (entry) => entry.room);
  }

  /** Puts the socket in its room, loading the room if needed; false if the socket or the server went away meanwhile. */
  async join(name: string, room: Room, conn: Connection): Promise<boolean> {
    for (;;) {
      if (this.closed || conn.closed) return false;
      const entry = this.entries.get(name);
      if (!entry) {
        const created: Entry = { room: this.create(name, room), unloading: null, idleTimer: null };
        this.entries.set(name, created);
        created.room.join(conn);
        return true;
      }
      if (entry.unloading) {
        await entry.unloading;
        continue;
      }
      if (entry.idleTimer) {
        clearTimeout(entry.idleTimer);
        entry.idleTimer = null;
      }
      entry.room.join(conn);
      return true;
    }
  }

  /** The live room of that name, unless it is unloading (it then reloads from the database anyway). */
  get(name: string): CollabRoom | null {
    const entry = this.entries.get(name);
    return entry && !entry.unloading ? entry.room : null;
  }

  /** Waits for every room's queued writes to commit. */
  async flushAll(): Promise<void> {
    await Promise.all(this.rooms().map((room) => room.flush()));
  }

  /** Unloads every room (after its writes) and refuses new joins. */
  async closeAll(): Promise<void> {
    this.closed = true;
    await Promise.all(Array.from(this.entries.keys(), (name) => this.unload(name)));
  }

  private create(name: string, room: Room): CollabRoom {
    return new CollabRoom(name, room, {
      db: this.deps.db,
      store: this.deps.store,
      logger: this.deps.logger,
      compactEvery: this.deps.compactEvery,
      // Watch rooms never reach the registry (they hold no document; ./watchHub takes them).
      quotaBytes: room.kind === "watch" ? 0 : this.deps.quotaBytes[room.kind],
      relay: this.deps.relay ?? null,
      onEmpty: (r) => this.scheduleUnload(r),
      onFailed: (r) => void this.unload(r.name),
    });
  }

  private scheduleUnload(room: CollabRoom): void {
    const entry = this.entries.get(room.name);
    if (!entry || entry.room !== room || entry.unloading) return;
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = setTimeout(() => {
      entry.idleTimer = null;
      if (entry.room.connections.size === 0) void this.unload(room.name);
    }, this.deps.roomIdleMs);
    // An idle room must not keep a process that is otherwise done alive.
    entry.idleTimer.unref();
  }

  private unload(name: string): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) return Promise.resolve();
    if (entry.unloading) return entry.unloading;
    if (entry.idleTimer) {
      clearTimeout(entry.idleTimer);
      entry.idleTimer = null;
    }
    entry.unloading = entry.room
      .unload()
      .catch((error: unknown) => {
        this.deps.logger.error("collab.room_unload_failed", { room: name, error: error instanceof Error ? error.constructor.name : typeof error });
      })
      .finally(() => {
        if (this.entries.get(name) === entry) this.entries.delete(name);
      });
    return entry.unloading;
  }
}
