/**
 * "A room's document changed and the change has committed": the collaboration server announces it, the
 * agreement scheduler (server/jobs) listens. Same globalThis pattern as ./rightsBus, so a listener
 * registered by one module copy hears emits from another copy in the same process. Emitting is
 * synchronous and cheap; listeners must only take note and do their work later.
 */
type Listener = (room: string) => void;
const KEY = Symbol.for("coflex.roomEvents");
type Holder = { [KEY]?: Set<Listener> };

function listeners(): Set<Listener> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Set();
  return holder[KEY];
}

export function onRoomUpdated(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

/** Called after an update of `room` has been committed to the database. Never throws into the caller. */
export function roomUpdated(room: string): void {
  for (const listener of listeners()) {
    try {
      listener(room);
    } catch {
      // A listener's failure must not reach the collaboration server's write path.
    }
  }
}

type DocListener = (room: string, update: Uint8Array) => void;
const DOC_KEY = Symbol.for("coflex.roomDocUpdates");
type DocHolder = { [DOC_KEY]?: Set<DocListener> };

function docListeners(): Set<DocListener> {
  const holder = globalThis as DocHolder;
  holder[DOC_KEY] ??= new Set();
  return holder[DOC_KEY];
}

/**
 * Every update a loaded room's document integrates (from its sockets or from the relay), before it is
 * committed: the live agreement keeps its replicas of layer documents current from these, so a change
 * counts within milliseconds and nothing is re-read from the database.
 */
export function onRoomDocUpdate(listener: DocListener): () => void {
  docListeners().add(listener);
  return () => docListeners().delete(listener);
}

export function roomDocUpdated(room: string, update: Uint8Array): void {
  for (const listener of docListeners()) {
    try {
      listener(room, update);
    } catch {
      // A listener's failure must not reach the collaboration server's fan-out.
    }
  }
}
