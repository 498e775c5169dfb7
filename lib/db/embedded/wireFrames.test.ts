import { describe, expect, it } from "vitest";
import { SSL_REQUEST_CODE, splitFrontend } from "./wireFrames";

function startup(): Uint8Array {
  const body = new TextEncoder().encode("user\0postgres\0\0");
  const out = new Uint8Array(8 + body.length);
  const view = new DataView(out.buffer);
  view.setInt32(0, out.length);
  view.setInt32(4, 196_608);
  out.set(body, 8);
  return out;
}

function typed(type: string, payload: number[]): Uint8Array {
  const out = new Uint8Array(5 + payload.length);
  out[0] = type.charCodeAt(0);
  new DataView(out.buffer).setInt32(1, 4 + payload.length);
  out.set(payload, 5);
  return out;
}

const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe("splitFrontend", () => {
  it("passes the startup packet alone, then whole typed messages together", () => {
    const parse = typed("P", [0, 1, 2]);
    const sync = typed("S", []);
    const result = splitFrontend(join(startup(), parse, sync), false);
    expect(result.started).toBe(true);
    expect(result.chunks.map((c) => c.kind)).toEqual(["startup", "messages"]);
    const messages = result.chunks[1];
    expect(messages?.kind === "messages" && Array.from(messages.bytes)).toEqual(Array.from(join(parse, sync)));
    expect(result.rest.length).toBe(0);
  });

  it("keeps an incomplete message for the next data, at any split point", () => {
    const stream = join(startup(), typed("Q", [65, 66, 0]), typed("S", []));
    for (let cut = 1; cut < stream.length; cut++) {
      const first = splitFrontend(stream.slice(0, cut), false);
      const second = splitFrontend(join(first.rest, stream.slice(cut)), first.started);
      const bytes = [...first.chunks, ...second.chunks].flatMap((c) => ("bytes" in c ? Array.from(c.bytes) : []));
      expect(bytes).toEqual(Array.from(stream));
      expect(second.rest.length).toBe(0);
    }
  });

  it("answers an encryption request and never passes Terminate on", () => {
    const ssl = new Uint8Array(8);
    new DataView(ssl.buffer).setInt32(0, 8);
    new DataView(ssl.buffer).setInt32(4, SSL_REQUEST_CODE);
    expect(splitFrontend(ssl, false).chunks).toEqual([{ kind: "encryption-request" }]);
    const result = splitFrontend(join(typed("S", []), typed("X", []), typed("Q", [0])), true);
    expect(result.chunks.map((c) => c.kind)).toEqual(["messages", "terminate"]);
  });

  it("rejects a length that cannot be a message", () => {
    const bad = new Uint8Array([0x51, 0, 0, 0, 1]);
    expect(() => splitFrontend(bad, true)).toThrow(/malformed/);
  });
});
