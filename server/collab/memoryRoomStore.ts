import * as Y from "yjs";
import { RoomGoneError } from "../../lib/db/queries/yjsLog";
import type { RoomStore } from "./roomStore";

interface StoredRoom {
  snapshot: Uint8Array | null;
  log: Array<{ id: number; update: Uint8Array }>;
}

export interface MemoryRoomStore extends RoomStore {
  /** Marks a room's owner deleted, as a transcript deletion does: later appends are refused. */
  fence(room: string): void;
}

/** A RoomStore in memory, for room logic tests without a database; same contract as the database store. */
export function createMemoryRoomStore(): MemoryRoomStore {
  const rooms = new Map<string, StoredRoom>();
  const fenced = new Set<string>();
  let nextId = 1;
  const get = (room: string): StoredRoom => {
    let stored = rooms.get(room);
    if (!stored) {
      stored = { snapshot: null, log: [] };
      rooms.set(room, stored);
    }
    return stored;
  };
  return {
    async load(room, { gc }) {
      const stored = rooms.get(room);
      const doc = new Y.Doc({ gc });
      if (!stored) return { doc, rows: 0, bytes: 0 };
      doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const row of stored.log) Y.applyUpdate(doc, row.update);
      });
      const bytes = (stored.snapshot?.byteLength ?? 0) + stored.log.reduce((sum, row) => sum + row.update.byteLength, 0);
      return { doc, rows: stored.log.length, bytes };
    },
    async append(room, updates) {
      if (fenced.has(room)) throw new RoomGoneError("room deleted");
      if (updates.length === 0) return;
      // Copies: the caller may reuse its buffers, a database would have copied them too.
      get(room).log.push(...updates.map((update) => ({ id: nextId++, update: update.slice() })));
    },
    async compact(room) {
      const stored = rooms.get(room);
      if (!stored || fenced.has(room)) return { merged: 0, snapshotBytes: stored?.snapshot?.byteLength ?? 0 };
      const folded = stored.log.slice();
      if (folded.length === 0) return { merged: 0, snapshotBytes: stored.snapshot?.byteLength ?? 0 };
      const doc = new Y.Doc({ gc: false });
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const row of folded) Y.applyUpdate(doc, row.update);
      stored.snapshot = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const ids = new Set(folded.map((row) => row.id));
      stored.log = stored.log.filter((row) => !ids.has(row.id));
      return { merged: folded.length, snapshotBytes: stored.snapshot.byteLength };
    },
    async delete(room) {
      rooms.delete(room);
    },
    fence(room) {
      fenced.add(room);
      rooms.delete(room);
    },
  };
}
