import { WebSocket } from "ws";
import { CLOSE_TOO_SLOW } from "../../lib/collab/protocol";
import type { Room } from "../../lib/collab/roomName";
import type { AwarenessIdentity } from "./awarenessFilter";
import { savedFrame } from "./frames";
import { TokenBucket } from "./tokenBucket";
import type { Access } from "./types";
import type { AuthorizedUser } from "./upgradeAuth";

/** The room a socket joined, as the socket sees it (an interface, so room.ts → connection.ts stays one-way). */
export interface RoomLink {
  accessChanged(connection: Connection, previous: Access): void;
  leave(connection: Connection): void;
}

/**
 * One authorized socket: who it is, what it may do, which awareness clientIDs it introduced, and how many
 * write frames it sent (for the "saved" count). Transport concerns (send guard, close-once, rate budget)
 * live here so the room only deals in frames.
 */
export class Connection {
  access: Access;
  /** Awareness clientIDs this socket introduced; only these may it update or remove, and they go when it goes. */
  readonly clientIds = new Set<number>();
  /** Sync step-2/update frames received; the "saved" ack reports how many of them are committed. */
  writesReceived = 0;
  readonly identity: AwarenessIdentity;
  private closing = false;
  private readonly bucket: TokenBucket;
  private readonly maxBufferedBytes: number;
  private link: RoomLink | null = null;
  /** Frames that arrived before the socket joined its room (it may be waiting for the room to unload). */
  private early: Uint8Array[] | null = [];
  private deliver: ((bytes: Uint8Array) => void) | null = null;

  constructor(
    readonly socket: WebSocket,
    readonly user: AuthorizedUser,
    readonly room: Room,
    readonly roomName: string,
    access: Access,
    identityColour: string,
    limits: { messagesPerSecond: number; messageBurst: number; maxBufferedBytes: number },
    /** The user's write budget in bytes, shared by all of that user's sockets on this node. */
    private readonly writeBudget: TokenBucket,
  ) {
    this.access = access;
    this.identity = { id: user.id, name: user.name, color: identityColour };
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.maxBufferedBytes = limits.maxBufferedBytes;
  }

  get isOpen(): boolean {
    return !this.closing && this.socket.readyState === WebSocket.OPEN;
  }

  /** Rate budget for one incoming message. */
  takeToken(): boolean {
    return this.bucket.take();
  }

  /** Charges an update's bytes to the user's write budget; false means the user is over it. */
  takeWriteBytes(bytes: number): boolean {
    return this.writeBudget.take(bytes);
  }

  /** Hands frames to the room; frames that came earlier are replayed first, in order. */
  attach(deliver: (bytes: Uint8Array) => void, link: RoomLink): void {
    this.deliver = deliver;
    this.link = link;
    const early = this.early ?? [];
    this.early = null;
    for (const bytes of early) if (!this.closing) deliver(bytes);
  }

  receive(bytes: Uint8Array): void {
    if (this.closing) return;
    if (this.deliver) this.deliver(bytes);
    else this.early?.push(bytes);
  }

  send(frame: Uint8Array): void {
    if (!this.isOpen) return;
    // A reader that stops reading (frozen tab, dead link the heartbeat has not caught yet) must not make
    // the server buffer every update of a busy room; cut it, and it resyncs by state vector on reconnect.
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
      this.close(CLOSE_TOO_SLOW, "too slow");
      return;
    }
    this.socket.send(frame, { binary: true });
  }

  ack(committedWrites: number): void {
    this.send(savedFrame(committedWrites));
  }

  setAccess(access: Access): void {
    const previous = this.access;
    if (previous === access) return;
    this.access = access;
    this.link?.accessChanged(this, previous);
  }

  /** Idempotent; after it nothing more is read from or sent to this socket. */
  close(code: number, reason = ""): void {
    if (this.closing) return;
    this.closing = true;
    this.early = null;
    try {
      this.socket.close(code, reason);
    } catch {
      this.socket.terminate();
    }
  }

  /** The socket is gone (either side closed it, or it died): leave the room, drop its awareness. */
  detach(): void {
    this.closing = true;
    this.early = null;
    this.deliver = null;
    const link = this.link;
    this.link = null;
    link?.leave(this);
  }

  get closed(): boolean {
    return this.closing;
  }
}
