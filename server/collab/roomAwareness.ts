import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import type * as Y from "yjs";
import { filterAwarenessUpdate } from "./awarenessFilter";
import type { AwarenessVisibility } from "./awarenessVisibility";
import { Connection } from "./connection";
import { awarenessFrame } from "./frames";

const REMOTE = Symbol("remote presence");

/** One socket may introduce a few awareness clientIDs (a Yjs clientID can change after a conflict), not unboundedly many. */
const MAX_CLIENT_IDS_PER_SOCKET = 8;

/**
 * A room's presence: the current awareness states (so joiners see who is there), which socket introduced
 * each clientID (only that socket may change or remove it, and its states go when it goes), identity
 * forced from the session, and who may see whom. Each relayed update is encoded once for all recipients.
 */
export class RoomAwareness {
  private readonly awareness: Awareness;
  private readonly owners = new Map<number, Connection>();
  /** clientIDs introduced on other nodes, with their user, for the same visibility rules. */
  private readonly remoteOwners = new Map<number, string>();
  private applyingRemoteFrom: string | null = null;

  constructor(
    doc: Y.Doc,
    private readonly connections: ReadonlySet<Connection>,
    private readonly visible: () => AwarenessVisibility,
    /** Sends this node's presence changes to other nodes (Redis); null on a single node. */
    private readonly publish: ((sender: string, update: Uint8Array) => void) | null = null,
  ) {
    this.awareness = new Awareness(doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", this.onUpdate);
  }

  /** Filters, applies and relays a socket's awareness update. Throws FrameError when it is malformed. */
  relay(conn: Connection, update: Uint8Array): void {
    const filtered = filterAwarenessUpdate(update, (id, removal) => this.mayControl(conn, id, removal), conn.identity);
    if (!filtered) return;
    applyAwarenessUpdate(this.awareness, filtered, conn);
    this.publish?.(conn.user.id, filtered);
    // The sender gets its own echo too: y-websocket drops a socket that hears nothing for 30 s, and a lone
    // user's only traffic is its own 15-second awareness renewal.
    const frame = awarenessFrame(filtered);
    const visible = this.visible();
    for (const other of this.connections) if (visible(conn.user.id, other.user.id)) other.send(frame);
  }

  /** Every state `conn` may see, e.g. for a joiner or an awareness query. */
  sendAll(conn: Connection): void {
    const visible = this.visible();
    const ids = Array.from(this.awareness.getStates().keys()).filter((id) => {
      const owner = this.owners.get(id)?.user.id ?? this.remoteOwners.get(id);
      return owner === undefined || visible(owner, conn.user.id);
    });
    if (ids.length > 0) conn.send(awarenessFrame(encodeAwarenessUpdate(this.awareness, ids)));
  }

  /** The socket left: its states are removed for everyone now rather than after the 30 s timeout. */
  forget(conn: Connection): void {
    const gone: number[] = [];
    for (const id of conn.clientIds) {
      if (this.owners.get(id) !== conn) continue;
      this.owners.delete(id);
      if (this.awareness.getStates().has(id)) gone.push(id);
    }
    if (gone.length > 0) removeAwarenessStates(this.awareness, gone, "leave");
  }

  /** Presence from another node, already filtered and stamped there. */
  applyRemote(sender: string, update: Uint8Array): void {
    this.applyingRemoteFrom = sender;
    try {
      applyAwarenessUpdate(this.awareness, update, REMOTE);
    } catch {
      // A malformed relay message changes nothing here.
    } finally {
      this.applyingRemoteFrom = null;
    }
  }

  destroy(): void {
    this.awareness.off("update", this.onUpdate);
    this.awareness.destroy();
  }

  private mayControl(conn: Connection, clientId: number, removal: boolean): boolean {
    const owner = this.owners.get(clientId);
    if (owner === conn) return true;
    if (owner !== undefined || removal) return false;
    if (conn.clientIds.size >= MAX_CLIENT_IDS_PER_SOCKET) return false;
    this.owners.set(clientId, conn);
    conn.clientIds.add(clientId);
    return true;
  }

  private fromRemote(changes: { added: number[]; updated: number[]; removed: number[] }): void {
    const sender = this.applyingRemoteFrom ?? "";
    for (const id of changes.removed) this.remoteOwners.delete(id);
    const present = changes.added.concat(changes.updated);
    if (sender !== "") for (const id of present) this.remoteOwners.set(id, sender);
    if (changes.removed.length > 0) {
      const frame = awarenessFrame(encodeAwarenessUpdate(this.awareness, changes.removed));
      for (const conn of this.connections) conn.send(frame);
    }
    if (present.length > 0 && sender !== "") {
      const frame = awarenessFrame(encodeAwarenessUpdate(this.awareness, present));
      const visible = this.visible();
      for (const conn of this.connections) if (visible(sender, conn.user.id)) conn.send(frame);
    }
  }

  /** Removals by leave or timeout; socket updates were already relayed by relay(). */
  private readonly onUpdate = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    if (origin instanceof Connection) return;
    if (origin === REMOTE) {
      this.fromRemote(changes);
      return;
    }
    // Removals here (a socket left, a state timed out) concern other nodes too.
    const local = changes.removed.filter((id) => !this.remoteOwners.has(id));
    if (local.length > 0) this.publish?.("", encodeAwarenessUpdate(this.awareness, local));
    if (this.connections.size === 0) return;
    const changed = changes.added.concat(changes.updated, changes.removed);
    if (changed.length === 0) return;
    const frame = awarenessFrame(encodeAwarenessUpdate(this.awareness, changed));
    for (const conn of this.connections) conn.send(frame);
  };
}

