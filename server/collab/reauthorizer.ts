import { CLOSE_FORBIDDEN, CLOSE_INTERNAL, CLOSE_UNAUTHENTICATED } from "../../lib/collab/protocol";
import type { Db } from "../../lib/db/client";
import { AccessReads } from "./accessReads";
import type { Connection } from "./connection";
import { roomAccess } from "./roomAccess";
import type { CollabRoom } from "./room";
import { safeErrorFields } from "./safeError";
import type { CollabLogger, RoomAccess, RoomMatcher } from "./types";

export interface ReauthorizerDeps {
  db: Db;
  logger: CollabLogger;
  rooms: () => readonly CollabRoom[];
  connections: () => Iterable<Connection>;
}

/**
 * Re-checks the rights of open sockets after a change of rights (submit, reveal, membership): each is
 * closed (4401/4403) or switched to read/write. Changes that arrive while a pass runs are merged into
 * the next pass: a class submitting at once is 100 changes within a second, and checking every layer
 * socket of the exercise 100 times over queued a minute of database work (issue 8). Every caller's
 * promise settles once a pass that covered its change has finished, so "await reauthorize" still means
 * the sockets now have their new rights.
 */
export function createReauthorizer(deps: ReauthorizerDeps): (match: RoomMatcher) => Promise<void> {
  let waiting: RoomMatcher[] = [];
  let running: Promise<void> | null = null;

  async function drain(): Promise<void> {
    try {
      while (waiting.length > 0) {
        const batch = waiting;
        waiting = [];
        await pass((room, name) => batch.some((match) => match(room, name)));
      }
    } finally {
      running = null;
    }
  }

  async function pass(match: RoomMatcher): Promise<void> {
    for (const room of deps.rooms()) {
      if (!match(room.room, room.name)) continue;
      try {
        await room.refreshVisibility();
      } catch (error) {
        deps.logger.error("collab.reauthorize_failed", { room: room.name, ...safeErrorFields(error) });
      }
    }
    const reads = new AccessReads(deps.db);
    const verdicts = new Map<string, RoomAccess | "signed-out" | "error">();
    for (const conn of Array.from(deps.connections())) {
      if (conn.closed || !match(conn.room, conn.roomName)) continue;
      const key = `${conn.user.id} ${conn.roomName}`;
      let verdict = verdicts.get(key);
      if (verdict === undefined) {
        try {
          const user = await reads.user(conn.user.id);
          verdict = !user || user.disabled ? "signed-out" : await roomAccess(reads, conn.user.id, conn.room);
        } catch (error) {
          deps.logger.error("collab.reauthorize_failed", { room: conn.roomName, ...safeErrorFields(error) });
          // Rights could not be confirmed: reconnecting re-runs the full check at the upgrade.
          verdict = "error";
        }
        verdicts.set(key, verdict);
      }
      if (conn.closed) continue;
      if (verdict === "signed-out") conn.close(CLOSE_UNAUTHENTICATED, "not signed in");
      else if (verdict === "none") conn.close(CLOSE_FORBIDDEN, "forbidden");
      else if (verdict === "error") conn.close(CLOSE_INTERNAL, "server error");
      else conn.setAccess(verdict);
    }
  }

  return (match) => {
    waiting.push(match);
    running ??= drain();
    return running;
  };
}
