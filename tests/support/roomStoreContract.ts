import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { RoomGoneError } from "../../lib/db/queries/yjsLog";
import type { RoomStore } from "../../server/collab";

export interface RoomStoreFixture {
  store: RoomStore;
  /** A fresh room whose owner (transcript) exists, so appends are allowed. */
  newRoom(): Promise<string>;
  /** Deletes the room's owner as a transcript deletion does (the fence): appends must then fail. */
  deleteOwner(room: string): Promise<void>;
  close(): Promise<void>;
}

function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText("t").insert(doc.getText("t").length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

async function textOf(store: RoomStore, room: string): Promise<string> {
  const { doc } = await store.load(room, { gc: true });
  const text = doc.getText("t").toString();
  doc.destroy();
  return text;
}

/**
 * The one contract every RoomStore meets (in the manner of tldraw's storage contract suite): run it with
 * a fixture per backend, and room logic may rely on exactly these behaviours and nothing else.
 */
export function roomStoreContract(name: string, setup: () => Promise<RoomStoreFixture>): void {
  describe(`RoomStore contract: ${name}`, () => {
    let f: RoomStoreFixture;
    beforeAll(async () => {
      f = await setup();
    });
    afterAll(async () => {
      await f?.close();
    });

    it("loads a room that was never written as an empty document with nothing stored", async () => {
      const loaded = await f.store.load(await f.newRoom(), { gc: true });
      expect(loaded.rows).toBe(0);
      expect(loaded.bytes).toBe(0);
      expect(loaded.doc.getText("t").toString()).toBe("");
    });

    it("loads what was appended, in order, and counts its rows and bytes", async () => {
      const room = await f.newRoom();
      const doc = new Y.Doc();
      const a = edit(doc, "alpha ");
      const b = edit(doc, "beta");
      await f.store.append(room, [a]);
      await f.store.append(room, [b]);
      const loaded = await f.store.load(room, { gc: true });
      expect(loaded.doc.getText("t").toString()).toBe("alpha beta");
      expect(loaded.rows).toBe(2);
      expect(loaded.bytes).toBe(a.byteLength + b.byteLength);
    });

    it("keeps rooms apart", async () => {
      const [r1, r2] = [await f.newRoom(), await f.newRoom()];
      await f.store.append(r1, [edit(new Y.Doc(), "one")]);
      await f.store.append(r2, [edit(new Y.Doc(), "two")]);
      expect(await textOf(f.store, r1)).toBe("one");
      expect(await textOf(f.store, r2)).toBe("two");
    });

    it("compaction folds the log into the snapshot without changing the document; later appends add to it", async () => {
      const room = await f.newRoom();
      const doc = new Y.Doc();
      await f.store.append(room, [edit(doc, "a"), edit(doc, "b"), edit(doc, "c")]);
      const result = await f.store.compact(room);
      expect(result.merged).toBe(3);
      expect(result.snapshotBytes).toBeGreaterThan(0);
      const after = await f.store.load(room, { gc: true });
      expect(after.rows).toBe(0);
      expect(after.bytes).toBe(result.snapshotBytes);
      expect(after.doc.getText("t").toString()).toBe("abc");
      expect((await f.store.compact(room)).merged).toBe(0);
      await f.store.append(room, [edit(doc, "d")]);
      expect(await textOf(f.store, room)).toBe("abcd");
    });

    it("keeps deleted items in a gc:false load (transcripts: codes anchor to them)", async () => {
      const room = await f.newRoom();
      const doc = new Y.Doc({ gc: false });
      await f.store.append(room, [edit(doc, "keep")]);
      const before = Y.encodeStateVector(doc);
      doc.getText("t").delete(0, 4);
      await f.store.append(room, [Y.encodeStateAsUpdate(doc, before)]);
      await f.store.compact(room);
      const { doc: loaded } = await f.store.load(room, { gc: false });
      expect(loaded.getText("t").toString()).toBe("");
      // The deleted run is still there for relative positions to resolve against.
      expect(Y.encodeStateAsUpdate(loaded).byteLength).toBeGreaterThan(4);
    });

    it("delete removes every stored byte of the room", async () => {
      const room = await f.newRoom();
      const doc = new Y.Doc();
      await f.store.append(room, [edit(doc, "gone")]);
      await f.store.compact(room);
      await f.store.append(room, [edit(doc, " too")]);
      await f.store.delete(room);
      const loaded = await f.store.load(room, { gc: true });
      expect(loaded.bytes).toBe(0);
      expect(loaded.doc.getText("t").toString()).toBe("");
    });

    it("refuses appends once the room's owner is deleted, single updates and batches alike, storing nothing (the deletion fence)", async () => {
      const room = await f.newRoom();
      const doc = new Y.Doc();
      await f.store.append(room, [edit(doc, "before")]);
      await f.store.append(room, [edit(doc, " and"), edit(doc, " more")]);
      await f.deleteOwner(room);
      await expect(f.store.append(room, [edit(doc, "after")])).rejects.toBeInstanceOf(RoomGoneError);
      await expect(f.store.append(room, [edit(doc, "a"), edit(doc, "b"), edit(doc, "c")])).rejects.toBeInstanceOf(RoomGoneError);
      await f.store.compact(room);
      expect((await f.store.load(room, { gc: true })).bytes).toBe(0);
    });
  });
}
