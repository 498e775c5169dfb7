import * as Y from "yjs";
import { readTurns, transcriptFragment } from "../../lib/domain/transcriptDoc";

/** The turn texts of a transcript document, in order. */
export function turnTexts(doc: Y.Doc): string[] {
  return readTurns(doc).map((turn) => turn.text);
}

/** The whole transcript as XML: equal strings mean equal structure, attributes and text. */
export function transcriptXml(doc: Y.Doc): string {
  return transcriptFragment(doc).toString();
}

/** The Y.XmlText of turn `index` (each turn's only child). */
export function turnText(doc: Y.Doc, index: number): Y.XmlText {
  const turn = transcriptFragment(doc).get(index);
  if (!(turn instanceof Y.XmlElement)) throw new Error(`no turn ${index}`);
  const text = turn.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error(`turn ${index} has no text`);
  return text;
}

export function insertIntoTurn(doc: Y.Doc, index: number, offset: number, text: string): void {
  turnText(doc, index).insert(offset, text);
}

export function turnCount(doc: Y.Doc): number {
  return transcriptFragment(doc).length;
}

/** A small deterministic PRNG (mulberry32), so a failing random test can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
