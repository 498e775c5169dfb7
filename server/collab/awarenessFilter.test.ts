import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from "y-protocols/awareness";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { filterAwarenessUpdate } from "./awarenessFilter";
import { FrameError } from "./frames";

const identity = { id: "u1", name: "Ada", color: "#123456" };

function updateFor(states: Array<[number, unknown]>): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const map = new Map<number, Record<string, unknown>>();
  for (const [id, state] of states) {
    awareness.meta.set(id, { clock: 1, lastUpdated: 0 });
    if (state !== null) map.set(id, state as Record<string, unknown>);
  }
  const update = encodeAwarenessUpdate(awareness, states.map(([id]) => id), map);
  awareness.destroy();
  return update;
}

function decode(update: Uint8Array): Map<number, Record<string, unknown>> {
  const awareness = new Awareness(new Y.Doc());
  applyAwarenessUpdate(awareness, update, "test");
  const states = new Map(awareness.getStates());
  states.delete(awareness.clientID);
  awareness.destroy();
  return states as Map<number, Record<string, unknown>>;
}

describe("awareness filter", () => {
  it("replaces whatever user a client claims with the session identity, keeping the rest of its state", () => {
    const out = filterAwarenessUpdate(updateFor([[7, { user: { name: "Mallory", id: "u2" }, cursor: 3 }]]), () => true, identity);
    expect(decode(out as Uint8Array).get(7)).toEqual({ user: identity, cursor: 3 });
  });

  it("drops entries for clientIDs the socket may not control and returns null when nothing is left", () => {
    const update = updateFor([[7, { cursor: 1 }], [8, { cursor: 2 }]]);
    const out = filterAwarenessUpdate(update, (id) => id === 8, identity);
    expect([...decode(out as Uint8Array).keys()]).toEqual([8]);
    expect(filterAwarenessUpdate(update, () => false, identity)).toBeNull();
  });

  it("tells the gate which entries are removals, and turns non-object states into identity-only presence", () => {
    const seen: Array<[number, boolean]> = [];
    const out = filterAwarenessUpdate(updateFor([[7, null], [8, [1, 2]]]), (id, removal) => (seen.push([id, removal]), true), identity);
    expect(seen).toEqual([[7, true], [8, false]]);
    expect(decode(out as Uint8Array).get(8)).toEqual({ user: identity });
  });

  it("throws FrameError on malformed updates", () => {
    expect(() => filterAwarenessUpdate(new Uint8Array([1, 7, 1]), () => true, identity)).toThrow(FrameError);
    expect(() => filterAwarenessUpdate(new Uint8Array([1, 7, 1, 2, 123, 123]), () => true, identity)).toThrow(FrameError);
  });
});
