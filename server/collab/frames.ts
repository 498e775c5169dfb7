import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import { MESSAGE_AWARENESS, MESSAGE_QUERY_AWARENESS, MESSAGE_SAVED, MESSAGE_SYNC } from "../../lib/collab/protocol";

/** y-protocols/sync sub-types (the constants are not worth importing y-protocols' untyped module for). */
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

/** A client frame, fully validated: the type is known, every length fits, nothing trails. */
export type IncomingFrame =
  | { type: "syncStep1"; stateVector: Uint8Array }
  | { type: "syncUpdate"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array }
  | { type: "queryAwareness" };

/** A frame that does not parse closes only its own socket (4400); the message is deliberately vague. */
export class FrameError extends Error {
  override name = "FrameError";
}

export function parseFrame(bytes: Uint8Array): IncomingFrame {
  let frame: IncomingFrame;
  const decoder = decoding.createDecoder(bytes);
  try {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE_SYNC: {
        const sub = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (sub === SYNC_STEP1) frame = { type: "syncStep1", stateVector: payload };
        // Step 2 and update carry the same thing (a Yjs update) and are applied identically.
        else if (sub === SYNC_STEP2 || sub === SYNC_UPDATE) frame = { type: "syncUpdate", update: payload };
        else throw new FrameError("unknown sync message");
        break;
      }
      case MESSAGE_AWARENESS:
        frame = { type: "awareness", update: decoding.readVarUint8Array(decoder) };
        break;
      case MESSAGE_QUERY_AWARENESS:
        frame = { type: "queryAwareness" };
        break;
      default:
        // Includes type 2 (auth): clients never send it; the server has nothing to say to it.
        throw new FrameError("unknown message type");
    }
  } catch (error) {
    if (error instanceof FrameError) throw error;
    // lib0 throws on truncated varUints and on lengths past the end of the frame.
    throw new FrameError("truncated frame");
  }
  if (decoding.hasContent(decoder)) throw new FrameError("trailing bytes");
  return frame;
}

export function syncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, SYNC_STEP1);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  return encoding.toUint8Array(encoder);
}

export function syncStep2Frame(update: Uint8Array): Uint8Array {
  return wrapSync(SYNC_STEP2, update);
}

export function updateFrame(update: Uint8Array): Uint8Array {
  return wrapSync(SYNC_UPDATE, update);
}

function wrapSync(sub: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, sub);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * "saved" (type 100) followed by a varUint: how many sync step-2/update frames this socket has sent that
 * are now committed. A client that only needs "all saved" ignores the number; one that tracks individual
 * edits counts its own outgoing update frames per socket (the count restarts on every new socket).
 */
export function savedFrame(committedWrites: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SAVED);
  encoding.writeVarUint(encoder, committedWrites);
  return encoding.toUint8Array(encoder);
}

/** An empty state vector (a brand-new client) encodes as the single byte 0: such joiners share one cached step 2. */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.length === 1 && stateVector[0] === 0;
}
