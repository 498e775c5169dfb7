/**
 * Route handlers (in Next's bundle) tell the collaboration server (loaded by tsx) that rights changed —
 * a submit, a reveal, a removed member — so open sockets are re-authorized at once. Both live in one
 * process but load separate module copies, so the server registers its listener on globalThis.
 */
export type RightsChange =
  | { kind: "exercise"; exerciseId: string; transcriptId: string }
  | { kind: "transcript"; transcriptId: string; exerciseIds: readonly string[] }
  | { kind: "cohort"; cohortId: string };

type Listener = (change: RightsChange) => void;
const KEY = Symbol.for("coflex.rightsBus");
type Holder = { [KEY]?: Set<Listener> };

function listeners(): Set<Listener> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Set();
  return holder[KEY];
}

export function onRightsChanged(listener: Listener): () => void {
  listeners().add(listener);
  return () => listeners().delete(listener);
}

export function rightsChanged(change: RightsChange): void {
  for (const listener of listeners()) listener(change);
}
