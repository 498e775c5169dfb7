/**
 * "The server wrote this update straight into a room's log" (e.g. submit marking the coder's remaining
 * units reviewed): the collaboration server applies it to the room if it holds that room loaded, so
 * open sockets see it and the in-memory document matches the database. Same globalThis pattern as
 * ./rightsBus (route handlers and the collaboration server load separate module copies).
 */
type Listener = (room: string, update: Uint8Array) => void;
const KEY = Symbol.for("coflex.storedUpdates");
type Holder = { [KEY]?: Set<Listener> };

function listeners(): Set<Listener> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Set();
  return holder[KEY];
}

export function onStoredUpdate(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Call after the update has committed to the room's log. Never throws into the caller. */
export function storedUpdate(room: string, update: Uint8Array): void {
  for (const listener of listeners()) {
    try {
      listener(room, update);
    } catch {
      // A listener's failure must not fail the request that wrote the update; the log has it.
    }
  }
}
