import * as decoding from "lib0/decoding";

/**
 * Honest save state for one socket. The server's "saved" message (type 100) carries how many write
 * frames (sync step 2 and updates) from this socket it has committed; we count what we sent. Saved means
 * every frame we sent on this socket is committed — never just "the socket is open".
 */
export class SaveTracker {
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

  localChange(online: boolean): void {
    if (online) this.sentOnSocket += 1;
    else this.offlineChanges += 1;
  }

  readAck(decoder: decoding.Decoder): void {
    const committed = decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : this.sentOnSocket;
    this.committedOnSocket = Math.max(this.committedOnSocket, committed);
    if (this.committedOnSocket >= this.sentOnSocket) this.offlineChanges = 0;
  }

  disconnected(): void {
    // Whatever was sent but not acknowledged may not be stored: it is resent in the next step 2.
    this.offlineChanges += Math.max(0, this.sentOnSocket - this.committedOnSocket);
    this.sentOnSocket = 0;
    this.committedOnSocket = 0;
  }

  pending(): number {
    return this.offlineChanges + Math.max(0, this.sentOnSocket - this.committedOnSocket);
  }
}
