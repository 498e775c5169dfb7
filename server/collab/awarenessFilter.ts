import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { FrameError } from "./frames";

/** The identity the server writes into every awareness state; Tiptap's caret extension reads `name` and `color`. */
export interface AwarenessIdentity {
  id: string;
  name: string;
  color: string;
}

/**
 * Asked once per entry: may this socket speak for `clientId`? `removal` is true when the entry sets the
 * state to null. The room answers from its owner map (and claims unowned ids for this socket).
 */
export type ClientIdGate = (clientId: number, removal: boolean) => boolean;

/**
 * Rewrites a client's awareness update before the room applies and relays it:
 * - entries for clientIDs another socket introduced are dropped (no spoofing or removing other people);
 * - every non-null state gets `user` replaced by the session identity (no claiming another name).
 * Returns null when nothing is left. Malformed input throws FrameError (the socket is closed with 4400).
 */
export function filterAwarenessUpdate(update: Uint8Array, gate: ClientIdGate, identity: AwarenessIdentity): Uint8Array | null {
  const decoder = decoding.createDecoder(update);
  const kept: Array<{ clientId: number; clock: number; json: string }> = [];
  try {
    const count = decoding.readVarUint(decoder);
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      if (!gate(clientId, state === null)) continue;
      kept.push({ clientId, clock, json: state === null ? "null" : JSON.stringify(withIdentity(state, identity)) });
    }
  } catch {
    throw new FrameError("malformed awareness update");
  }
  if (decoding.hasContent(decoder)) throw new FrameError("trailing bytes in awareness update");
  if (kept.length === 0) return null;
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return encoding.toUint8Array(encoder);
}

function withIdentity(state: unknown, identity: AwarenessIdentity): Record<string, unknown> {
  // A state that is not a plain object (a number, an array) carries nothing we relay except presence.
  const base = typeof state === "object" && state !== null && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
  return { ...base, user: { id: identity.id, name: identity.name, color: identity.color } };
}
