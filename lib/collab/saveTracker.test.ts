import { describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as decoding from "lib0/decoding";
import { SaveTracker } from "./saveTracker";

const ack = (n: number) => {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, n);
  return decoding.createDecoder(encoding.toUint8Array(e));
};

describe("save tracker", () => {
  it("reports pending writes until the server has committed as many as were sent", () => {
    const t = new SaveTracker();
    t.connected();
    t.sentStep2();
    t.localChange(true);
    t.localChange(true);
    expect(t.pending()).toBe(3);
    t.readAck(ack(2));
    expect(t.pending()).toBe(1);
    t.readAck(ack(3));
    expect(t.pending()).toBe(0);
  });

  it("keeps offline changes pending across a reconnect until the new socket's step 2 is committed", () => {
    const t = new SaveTracker();
    t.connected();
    t.localChange(true);
    t.disconnected();
    t.localChange(false);
    expect(t.pending()).toBe(2);
    t.connected();
    t.sentStep2();
    expect(t.pending()).toBe(3);
    t.readAck(ack(1));
    expect(t.pending()).toBe(0);
  });

  it("never lets a stale, smaller ack undo a newer one", () => {
    const t = new SaveTracker();
    t.connected();
    t.localChange(true);
    t.localChange(true);
    t.readAck(ack(2));
    t.readAck(ack(1));
    expect(t.pending()).toBe(0);
  });

  it("counts a burst of typing as one pending change and separate codes as separate changes", () => {
    const t = new SaveTracker();
    t.connected();
    for (let i = 0; i < 20; i += 1) t.localChange(true, 1000 + i * 100);
    expect(t.pending()).toBe(20);
    expect(t.pendingChanges()).toBe(1);
    t.localChange(true, 10_000);
    expect(t.pendingChanges()).toBe(2);
    t.readAck(ack(20));
    expect(t.pendingChanges()).toBe(1);
    t.readAck(ack(21));
    expect(t.pendingChanges()).toBe(0);
  });

  it("keeps changes made offline counted until the reconnected socket's step 2 is committed", () => {
    const t = new SaveTracker();
    t.connected();
    t.localChange(true, 0);
    t.disconnected();
    t.localChange(false, 5000);
    t.localChange(false, 5100);
    expect(t.pendingChanges()).toBe(2);
    t.connected();
    t.sentStep2();
    expect(t.pendingChanges()).toBe(2);
    t.readAck(ack(1));
    expect(t.pendingChanges()).toBe(0);
    expect(t.pending()).toBe(0);
  });
});
