import { z } from "zod";

/**
 * Route handlers (in Next's bundle) tell the collaboration server (loaded by tsx) that rights changed —
 * a submit, a reveal, a removed member, a deleted transcript — so open sockets are re-authorized at once.
 * Both live in one process but load separate module copies, so listeners and the transport sit on
 * globalThis. With several nodes, the server installs a transport (Redis pub/sub, server/collab/rightsRelay)
 * that carries every change to the other nodes, whose listeners hear it as if it had happened there.
 */
export type RightsChange =
  | { kind: "exercise"; exerciseId: string; transcriptId: string }
  | { kind: "transcript"; transcriptId: string; exerciseIds: readonly string[] }
  | { kind: "cohort"; cohortId: string };

const id = z.string().min(1).max(64);
/** What another node sends is input like any other: parsed before any listener sees it. */
export const rightsChangeSchema: z.ZodType<RightsChange> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("exercise"), exerciseId: id, transcriptId: id }),
  z.object({ kind: z.literal("transcript"), transcriptId: id, exerciseIds: z.array(id).max(10_000) }),
  z.object({ kind: z.literal("cohort"), cohortId: id }),
]);

type Listener = (change: RightsChange) => void;
/** Carries a change to the other nodes; installed by the server when REDIS_URL is set. */
export type RightsTransport = (change: RightsChange) => void;

const KEY = Symbol.for("coflex.rightsBus");
type Holder = { [KEY]?: { listeners: Set<Listener>; transport: RightsTransport | null } };

function bus(): { listeners: Set<Listener>; transport: RightsTransport | null } {
  const holder = globalThis as Holder;
  holder[KEY] ??= { listeners: new Set(), transport: null };
  return holder[KEY];
}

export function onRightsChanged(listener: Listener): () => void {
  bus().listeners.add(listener);
  return () => bus().listeners.delete(listener);
}

/** Announces a change here and, through the transport, on every other node. Never throws into the caller. */
export function rightsChanged(change: RightsChange): void {
  const { transport } = bus();
  try {
    transport?.(change);
  } catch {
    // The transport logs its own failures; the local re-check below must happen regardless.
  }
  deliverRightsChange(change);
}

/** Hands a change to this node's listeners only (the transport calls this for changes from other nodes). */
export function deliverRightsChange(change: RightsChange): void {
  for (const listener of bus().listeners) {
    try {
      listener(change);
    } catch {
      // One listener's failure must not stop the others (socket re-checks, agreement, live pushes).
    }
  }
}

export function setRightsTransport(transport: RightsTransport | null): void {
  bus().transport = transport;
}
