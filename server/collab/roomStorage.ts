import type { RoomStore } from "./roomStore";
import { safeErrorFields } from "./safeError";
import type { CollabLogger } from "./types";

/**
 * What one room holds in the database, and when its log is folded: the stored size the room's quota is
 * checked against (snapshot + log, counting writes queued but not yet committed) and a compaction every
 * `compactEvery` committed rows. A compaction runs beside the write queue, not in it: the store deletes only
 * the rows it read, so appends committed meanwhile survive, and acks do not wait for it.
 */
export class RoomStorage {
  private rowsSinceCompaction = 0;
  private stored = 0;
  /** Bytes ever queued for writing here; a compaction keeps what was queued after it started. */
  private bytesQueued = 0;
  private compaction: Promise<void> | null = null;

  constructor(
    private readonly name: string,
    private readonly store: RoomStore,
    private readonly compactEvery: number,
    private readonly logger: CollabLogger,
  ) {}

  /** Snapshot + log in bytes, with writes queued but not yet committed. */
  get storedBytes(): number {
    return this.stored;
  }

  /** The room's document came from the database: `rows` log rows beside the snapshot, `bytes` in all. */
  loaded(rows: number, bytes: number): void {
    this.rowsSinceCompaction = rows;
    this.stored = bytes;
  }

  queued(updates: readonly Uint8Array[]): void {
    const bytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    this.stored += bytes;
    this.bytesQueued += bytes;
  }

  committed(rows: number): void {
    this.rowsSinceCompaction += rows;
    if (this.rowsSinceCompaction >= this.compactEvery && !this.compaction) {
      this.compaction = this.compact().finally(() => {
        this.compaction = null;
      });
    }
  }

  /** Before the room unloads: waits for a running compaction, then folds what is left when `foldRest`. */
  async settle(foldRest: boolean): Promise<void> {
    while (this.compaction) await this.compaction;
    if (foldRest && this.rowsSinceCompaction > 0) await this.compact();
  }

  private async compact(): Promise<void> {
    const queuedBefore = this.bytesQueued;
    try {
      const { merged, snapshotBytes } = await this.store.compact(this.name);
      this.rowsSinceCompaction = Math.max(0, this.rowsSinceCompaction - merged);
      // What stays: the new snapshot plus whatever was queued while the compaction ran (an upper bound).
      this.stored = snapshotBytes + (this.bytesQueued - queuedBefore);
    } catch (error) {
      this.logger.warn("collab.compaction_failed", { room: this.name, ...safeErrorFields(error) });
    }
  }
}
