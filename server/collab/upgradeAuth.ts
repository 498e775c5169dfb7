import type { IncomingMessage } from "node:http";
import { readSessionUser } from "../../lib/auth/sessionToken";
import { CLOSE_FORBIDDEN, CLOSE_UNAUTHENTICATED } from "../../lib/collab/protocol";
import { COLLAB_PATH, parseRoomName, type Room, roomName } from "../../lib/collab/roomName";
import type { Db } from "../../lib/db/client";
import { findUserById } from "../../lib/db/queries/users";
import { AccessReads } from "./accessReads";
import { roomAccess } from "./roomAccess";
import type { Access, OriginCheck } from "./types";

export interface AuthorizedUser {
  id: string;
  /** From the database, not the token: a renamed user shows the new name on the next connect. */
  name: string;
  email: string;
  /** The socket is closed (4401) when the session's 12-hour cap passes, like any other page would be. */
  sessionEndsAt: number;
}

export type UpgradeDecision =
  | { ok: true; user: AuthorizedUser; room: Room; roomName: string; access: Access }
  | { ok: false; code: number; reason: string; userId?: string; roomName?: string };

/**
 * Everything decided before the WebSocket exists: Origin, session, room, rights. The caller turns a
 * refusal into a completed upgrade closed with 4401/4403 — never an HTTP error, which y-websocket would
 * retry forever. Reasons are short fixed strings; they go to the client and the log.
 */
export async function authorizeUpgrade(
  req: IncomingMessage,
  deps: { db: Db; secret: string; originAllowed: OriginCheck },
): Promise<UpgradeDecision> {
  const origin = req.headers.origin;
  if (origin !== undefined && !deps.originAllowed(origin, req.headers.host)) {
    return { ok: false, code: CLOSE_FORBIDDEN, reason: "origin not allowed" };
  }
  const session = await readSessionUser(req.headers.cookie, deps.secret);
  if (!session) return { ok: false, code: CLOSE_UNAUTHENTICATED, reason: "not signed in" };
  // A valid token of a deleted or disabled account is no session at all.
  const user = await findUserById(deps.db, session.id);
  if (!user || user.disabled) return { ok: false, code: CLOSE_UNAUTHENTICATED, reason: "not signed in" };
  const room = roomFromPath(req.url);
  if (!room) return { ok: false, code: CLOSE_FORBIDDEN, reason: "forbidden", userId: user.id };
  const name = roomName(room);
  const access = await roomAccess(new AccessReads(deps.db), user.id, room);
  if (access === "none") return { ok: false, code: CLOSE_FORBIDDEN, reason: "forbidden", userId: user.id, roomName: name };
  return { ok: true, user: { id: user.id, name: user.name, email: user.email, sessionEndsAt: session.endsAt }, room, roomName: name, access };
}

/** `/collab/tx%3Aabc?x=1` → the parsed room; anything else (extra segments, bad escapes, unknown kinds) → null. */
export function roomFromPath(url: string | undefined): Room | null {
  const path = (url ?? "").split("?", 1)[0] ?? "";
  if (!path.startsWith(COLLAB_PATH)) return null;
  let name: string;
  try {
    name = decodeURIComponent(path.slice(COLLAB_PATH.length));
  } catch {
    return null;
  }
  return parseRoomName(name);
}
