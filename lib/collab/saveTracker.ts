import * as decoding from "lib0/decoding";

/**
 * Honest save state for one socket. The server's "saved" message (type 100) carries how many write
 * frames (sync step 2 and updates) from this socket it has committed; we count what we sent. Saved means
 * every frame we sent on this socket is committed — never just "the socket is open".
 */
/** Local updates closer together than this are one change a person made (a burst of typing, one code). */
export const CHANGE_GROUP_MS = 1500;

export class SaveTracker {
  /**
   * What a person counts as changes, for the pending number shown to them: each is the last write frame it
   * rode on this socket, or null when it was made offline (or its frames were lost with a socket) and
   * travels in the next sync step 2. Frames stay the unit of the save protocol; changes are only counted.
   */
  private changes: Array<{ frame: number | null; at: number }> = [];
  private sentOnSocket = 0;
  private committedOnSocket = 0;
  /** Local changes made while no socket was open; they travel in the next sync step 2. */
  private offlineChanges = 0;

  connected(): void {
    this.sentOnSocket = 0;
    this.committedOnSocket = 0;
  }

  /** The client answered the server's step 1 with a step 2 carrying whatever the server lacks. */
  sentStep2(): void {
    this.sentOnSocket += 1;
  }

  localChange(online: boolean, now: number = Date.now()): void {
    if (online) this.sentOnSocket += 1;
    else this.offlineChanges += 1;
    const frame = online ? this.sentOnSocket : null;
    const last = this.changes.at(-1);
    if (last && now - last.at < CHANGE_GROUP_MS && (last.frame === null) === (frame === null)) {
      last.frame = frame;
      last.at = now;
    } else {
      this.changes.push({ frame, at: now });
    }
  }

  readAck(decoder: decoding.Decoder): void {
    const committed = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : this.sentOnSocket;
    this.committedOnSocket = Math.max(this.committedOnSocket, committed);
    if (this.committedOnSocket >= this.sentOnSocket) {
      this.offlineChanges = 0;
      this.changes = [];
    } else {
      const done = this.committedOnSocket;
      this.changes = this.changes.filter((c) => c.frame === null || c.frame > done);
    }
  }

  disconnected(): void {
    // Whatever was sent but not acknowledged may not be stored: it is resent in the next step 2.
    this.offlineChanges += Math.max(0, this.sentOnSocket - this.committedOnSocket);
    for (const change of this.changes) change.frame = null;
    this.sentOnSocket = 0;
    this.committedOnSocket = 0;
  }

  /** Unsaved changes as a person counts them (a typing burst or a code is one), for the number shown. */
  pendingChanges(): number {
    return this.changes.length;
  }

  /** Unacknowledged write frames: Saved ✓ only when this is 0. */
  pending(): number {
    return this.offlineChanges + Math.max(0, this.sentOnSocket - this.committedOnSocket);
  }
}
