/** Who hears "saved" once a write commits: the socket that sent it (an interface, so this file stays transport-free). */
export interface AckTarget {
  ack(committedWrites: number): void;
}

export interface WriteItem {
  /** Updates to append; empty for a frame that changed nothing but still must be acknowledged in order. */
  updates: Uint8Array[];
  /** The sender and its running write count; null for server-side changes nobody waits for. */
  target: AckTarget | null;
  seq: number;
}

/** Postgres' bind-parameter limit is 65535; two per row leaves room, and a batch stays a few MiB at most. */
const MAX_ROWS_PER_BATCH = 1000;
const MAX_BYTES_PER_BATCH = 8 * 1024 * 1024;

/**
 * The per-room write queue: appends run one batch at a time, in arrival order, and a sender hears
 * "saved" only after the batch holding its last frame has committed. Everything that queued while a
 * batch was in flight goes out as the next single INSERT (group commit), so under load the number of
 * commits — not the number of keystrokes — bounds the latency.
 */
export class RoomWriteQueue {
  private items: WriteItem[] = [];
  private running: Promise<void> | null = null;
  private failed = false;

  constructor(
    private readonly persist: (updates: Uint8Array[]) => Promise<void>,
    private readonly hooks: { committed(rows: number): void; failed(error: unknown): void },
  ) {}

  push(item: WriteItem): void {
    if (this.failed) return;
    this.items.push(item);
    this.running ??= this.drain();
  }

  get pending(): number {
    return this.items.length;
  }

  /** Resolves when nothing is queued or in flight (including items queued while waiting). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // Yield once so frames handled in the same tick share the first batch, and so `running` is set
    // before this loop can finish (a synchronous finish would leave a stale, settled promise there).
    await Promise.resolve();
    try {
      while (this.items.length > 0 && !this.failed) {
        const batch = this.takeBatch();
        const rows = batch.flatMap((item) => item.updates);
        if (rows.length > 0) {
          try {
            await this.persist(rows);
          } catch (error) {
            // Nothing of this batch is acknowledged, and nothing after it: the room resets and the
            // clients re-send what the database lacks when they resync.
            this.failed = true;
            this.items = [];
            this.hooks.failed(error);
            return;
          }
        }
        const latest = new Map<AckTarget, number>();
        for (const item of batch) {
          if (item.target && item.seq > (latest.get(item.target) ?? 0)) latest.set(item.target, item.seq);
        }
        for (const [target, seq] of latest) target.ack(seq);
        if (rows.length > 0) this.hooks.committed(rows.length);
      }
    } finally {
      this.running = null;
    }
  }

  private takeBatch(): WriteItem[] {
    let rows = 0;
    let bytes = 0;
    let count = 0;
    for (const item of this.items) {
      const itemBytes = item.updates.reduce((sum, u) => sum + u.byteLength, 0);
      if (count > 0 && (rows + item.updates.length > MAX_ROWS_PER_BATCH || bytes + itemBytes > MAX_BYTES_PER_BATCH)) break;
      rows += item.updates.length;
      bytes += itemBytes;
      count++;
    }
    return this.items.splice(0, count);
  }
}
