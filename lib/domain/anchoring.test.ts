import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorContext, anchorSpan, anchorTurn, base64ToBytes, bytesToBase64, reanchorByQuote, resolveAnchor, turnOffsets, turnTextType } from "./anchoring";
import { transcriptFragment, writeTurns } from "./transcriptDoc";

function transcript(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  writeTurns(doc, [
    { id: "t1", speaker: "Therapist", role: "therapist", start: 0, end: 4, text: "What shows up when you sit down to write?" },
    { id: "t2", speaker: "Client", role: "client", start: 5, end: 9, text: "I keep thinking I'm useless and open my phone." },
    { id: "t3", speaker: "Therapist", role: "therapist", start: 10, end: 12, text: "And then?" },
  ]);
  return doc;
}

function textOf(doc: Y.Doc, turnId: string): Y.XmlText {
  const text = turnTextType(anchorContext(doc).byId.get(turnId) as Y.XmlElement);
  if (!text) throw new Error("no text");
  return text;
}

function spanOf(doc: Y.Doc, turnId: string, quote: string) {
  const at = textOf(doc, turnId).toString().indexOf(quote);
  return anchorSpan(doc, turnId, at, at + quote.length);
}

describe("anchorSpan / resolveAnchor", () => {
  it("round-trips a span and its quote", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t2", "I'm useless");
    expect(anchor.quote).toBe("I'm useless");
    expect(resolveAnchor(doc, anchor)).toEqual({ status: "ok", turnId: "t2", turnIndex: 1, startOffset: 16, endOffset: 27, text: "I'm useless" });
  });

  it("resolves in another replica that received the transcript as an update", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t2", "open my phone");
    const other = new Y.Doc({ gc: false });
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(resolveAnchor(other, anchor)).toMatchObject({ status: "ok", text: "open my phone" });
  });

  it("keeps text typed at either edge outside the span and text typed inside it inside", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t2", "useless");
    const text = textOf(doc, "t2");
    const at = text.toString().indexOf("useless");
    text.insert(at + "useless".length, "!!"); // right after the span
    text.insert(at, "so "); // right before the span
    text.insert(at + 3 + 3, "-ish-"); // inside: "use-ish-less"
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: "ok", text: "use-ish-less" });
  });

  it("shrinks to the surviving characters when part of the span is deleted", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t2", "I'm useless");
    const text = textOf(doc, "t2");
    const at = text.toString().indexOf("I'm useless");
    text.delete(at, 4); // "I'm " — including the first character the start sticks to
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: "ok", text: "useless" });
    text.delete(text.toString().indexOf("less"), 4); // the end's character too
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: "ok", text: "use" });
  });

  it("orphans a span whose characters are all deleted", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t2", "useless");
    const text = textOf(doc, "t2");
    text.delete(text.toString().indexOf("useless"), 7);
    expect(resolveAnchor(doc, anchor)).toEqual({ status: "orphaned", reason: "collapsed" });
  });

  it("orphans a span whose turn was deleted", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t2", "useless");
    transcriptFragment(doc).delete(1, 1);
    expect(resolveAnchor(doc, anchor)).toEqual({ status: "orphaned", reason: "text-deleted" });
  });

  it("orphans a code whose turnId disagrees with where its positions point", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t2", "useless");
    expect(resolveAnchor(doc, { ...anchor, turnId: "t3" })).toEqual({ status: "orphaned", reason: "outside-turn" });
  });

  it("reports positions into text this replica has not received as pending, and garbage as unreadable", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t2", "useless");
    expect(resolveAnchor(new Y.Doc(), anchor)).toEqual({ status: "orphaned", reason: "pending" });
    expect(resolveAnchor(doc, { ...anchor, start: "%%%" })).toEqual({ status: "orphaned", reason: "unreadable" });
  });

  it("follows turn moves in the turn index", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t3", "And then?");
    transcriptFragment(doc).delete(0, 1);
    expect(resolveAnchor(doc, anchor)).toMatchObject({ status: "ok", turnIndex: 1 });
  });

  it("refuses empty or out-of-range spans and unknown turns", () => {
    const doc = transcript();
    expect(() => anchorSpan(doc, "t2", 3, 3)).toThrow();
    expect(() => anchorSpan(doc, "t2", 0, 999)).toThrow();
    expect(() => anchorSpan(doc, "nope", 0, 1)).toThrow();
  });

  it("anchors a whole turn to its whole text", () => {
    const doc = transcript();
    const anchor = anchorTurn(doc, "t3");
    expect(anchor?.quote).toBe("And then?");
    expect(resolveAnchor(doc, anchor as NonNullable<typeof anchor>)).toMatchObject({ status: "ok", startOffset: 0, endOffset: 9 });
  });
});

describe("reanchorByQuote", () => {
  it("finds the quote in its own turn first, then anywhere", () => {
    const doc = transcript();
    const own = reanchorByQuote(doc, { turnId: "t2", quote: "open my phone" });
    expect(own && resolveAnchor(doc, own)).toMatchObject({ status: "ok", turnId: "t2", text: "open my phone" });
    const elsewhere = reanchorByQuote(doc, { turnId: "t3", quote: "sit down" });
    expect(elsewhere && resolveAnchor(doc, elsewhere)).toMatchObject({ status: "ok", turnId: "t1", text: "sit down" });
  });

  it("returns null for an empty or vanished quote", () => {
    const doc = transcript();
    expect(reanchorByQuote(doc, { turnId: "t2", quote: "" })).toBeNull();
    expect(reanchorByQuote(doc, { turnId: "t2", quote: "not in the text" })).toBeNull();
  });

  it("re-anchors an orphan after its text was retyped", () => {
    const doc = transcript();
    const anchor = spanOf(doc, "t2", "useless");
    const text = textOf(doc, "t2");
    const at = text.toString().indexOf("useless");
    text.delete(at, 7);
    text.insert(at, "useless");
    expect(resolveAnchor(doc, anchor).status).toBe("orphaned");
    const fresh = reanchorByQuote(doc, anchor);
    expect(fresh && resolveAnchor(doc, fresh)).toMatchObject({ status: "ok", text: "useless" });
  });
});

describe("turnOffsets and base64", () => {
  it("lays turns end to end with an optional gap", () => {
    const doc = transcript();
    const lengths = [41, 46, 9];
    expect(turnOffsets(doc).map((t) => [t.turnId, t.start, t.length])).toEqual([
      ["t1", 0, lengths[0]],
      ["t2", 41, lengths[1]],
      ["t3", 87, lengths[2]],
    ]);
    expect(turnOffsets(doc, 1).map((t) => t.start)).toEqual([0, 42, 89]);
  });

  it("base64 round-trips arbitrary bytes, including long arrays", () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7919) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(new Uint8Array([0, 255, 16]))).toBe(Buffer.from([0, 255, 16]).toString("base64"));
  });
});
