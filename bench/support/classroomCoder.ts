import type * as Y from "yjs";
import { roomName, transcriptRoom } from "../../lib/collab/roomName";
import { type AnchorContext, anchorContext, anchorSpan, plainText, turnTextType } from "../../lib/domain/anchoring";
import { DIMENSIONS, POLARITIES } from "../../lib/domain/codebook";
import { codesMap, deleteCode, putCode, reviewedMap, setReviewed } from "../../lib/domain/layerDoc";
import { type TestClient, connectClient } from "../../tests/support/collabClient";
import type { HttpUser } from "./httpUser";

/**
 * One trainee as the coding page runs them: a socket on the transcript room and one on their own layer
 * room, each with a real Y.Doc through the y-websocket client; codes are anchored into the transcript doc
 * exactly as the editor anchors them.
 */
export class ClassroomCoder {
  readonly tx: TestClient;
  readonly layer: TestClient;
  private ctx: AnchorContext | null = null;
  private seq = 0;
  /** Saved-ack latencies (ms) of this coder's layer writes sent since `measureFrom`. */
  readonly acks: number[] = [];
  measureFrom = Number.POSITIVE_INFINITY;

  constructor(
    readonly user: HttpUser,
    collabUrl: string,
    origin: string,
    transcriptId: string,
    exerciseId: string,
    private readonly clientTurnIds: readonly string[],
    private readonly random: () => number,
  ) {
    const headers = { Origin: origin };
    this.tx = connectClient(collabUrl, transcriptRoom(transcriptId), user.cookie, { headers });
    this.layer = connectClient(collabUrl, roomName({ kind: "layer", exerciseId, coderId: user.id }), user.cookie, { headers });
    let ackedUpTo = 0;
    this.layer.onSaved = (record) => {
      const now = performance.now();
      if (record.saved < ackedUpTo) ackedUpTo = 0; // a new socket after a reconnect counts from 1 again
      for (let seq = ackedUpTo + 1; seq <= record.saved; seq++) {
        const at = record.sentAt[seq];
        if (at !== undefined && at >= this.measureFrom) this.acks.push(now - at);
      }
      ackedUpTo = record.saved;
    };
  }

  async synced(timeoutMs: number): Promise<void> {
    await Promise.all([this.tx.synced(timeoutMs), this.layer.synced(timeoutMs)]);
  }

  get doc(): Y.Doc {
    return this.layer.doc;
  }

  codeCount(): number {
    return codesMap(this.doc).size;
  }

  /** Whether the agreement counts this coder (has coded or reviewed a turn). */
  looksAtSomething(): boolean {
    return codesMap(this.doc).size > 0 || reviewedMap(this.doc).size > 0;
  }

  /** Every write this coder sent on the current layer socket is acknowledged. */
  allSaved(): boolean {
    const record = this.layer.socket();
    return record.saved >= record.writesSent;
  }

  /** One step of a human coding client turns: mostly new codes, some edits, deletions and "reviewed" marks. */
  act(): void {
    const r = this.random();
    const ids = [...codesMap(this.doc).keys()];
    if (ids.length < 3 || r < 0.7) this.addCode();
    else if (r < 0.85) this.editCode(this.pick(ids));
    else if (r < 0.93) deleteCode(this.doc, this.pick(ids));
    else setReviewed(this.doc, [this.pick(this.clientTurnIds)], true);
  }

  addCode(): string {
    const ctx = (this.ctx ??= anchorContext(this.tx.doc));
    const turnId = this.pick(this.clientTurnIds);
    const element = ctx.byId.get(turnId);
    const text = element ? turnTextType(element) : null;
    const content = text ? plainText(text) : "";
    const start = Math.floor(this.random() * Math.max(1, content.length - 12));
    const end = Math.min(content.length, start + 4 + Math.floor(this.random() * 40));
    const id = `${this.user.id.slice(0, 6)}-${this.seq++}`;
    putCode(this.doc, id, {
      ...anchorSpan(this.tx.doc, turnId, start, end, ctx),
      dimension: this.pick(DIMENSIONS),
      polarity: this.pick(POLARITIES),
      at: Date.now(),
    });
    return id;
  }

  /** Removes every code and "reviewed" mark: the coder is idle again (not compared). */
  clear(): void {
    this.doc.transact(() => {
      for (const id of [...codesMap(this.doc).keys()]) deleteCode(this.doc, id);
      reviewedMap(this.doc).clear();
    });
  }

  private editCode(id: string): void {
    const value = codesMap(this.doc).get(id);
    if (!value || typeof value !== "object") return;
    putCode(this.doc, id, { ...(value as Parameters<typeof putCode>[2]), dimension: this.pick(DIMENSIONS), polarity: this.pick(POLARITIES), at: Date.now() });
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  destroy(): void {
    this.tx.destroy();
    this.layer.destroy();
  }
}
