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
});
