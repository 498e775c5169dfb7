import * as Y from "yjs";
import { anchorContext, anchorSpan, turnTextType } from "../../domain/anchoring";
import { defaultCodebook, type Dimension, type Polarity } from "../../domain/codebook";
import { putCode, readLayer, setReviewed } from "../../domain/layerDoc";
import { writeTurns } from "../../domain/transcriptDoc";
import { collectExportData } from "../collect";
import type { ExportData } from "../types";

/**
 * A small in-memory exercise for the builders' unit tests: a transcript with accents, an emoji and
 * characters that need escaping, two coders, and one code whose text was deleted (orphaned).
 */

export const TURNS = [
  { id: "t1", speaker: "Thérapeute", role: "therapist" as const, start: 0, end: 4, text: "What shows up when you sit down to write?" },
  { id: "t2", speaker: "Client", role: "client" as const, start: 5, end: 9, text: "I keep thinking \"I'm useless\", so I open my phone 📱 and scroll." },
  { id: "t3", speaker: "Thérapeute", role: "therapist" as const, start: 10, end: 12, text: "=SUM(A1) and then?" },
  { id: "t4", speaker: "Client", role: "client" as const, start: 13, end: 20, text: "Maybe I could write one line, even if my hands shake. Café first." },
];

export interface FixtureCode {
  id: string;
  turnId: string;
  quote: string;
  dimension: Dimension;
  polarity: Polarity;
  process?: string;
  note?: string;
  at: number;
}

export const CODER_A = { id: "coder-a", name: "Anaïs Coder", submitted: true };
export const CODER_B = { id: "coder-b", name: "Bob, \"the\" Coder", submitted: false };

export const CODES_A: FixtureCode[] = [
  { id: "a1", turnId: "t2", quote: "I'm useless", dimension: "self", polarity: "inflexible", process: "self.inflexible.harsh-self-story", note: "harsh, global", at: 1_700_000_000_000 },
  { id: "a2", turnId: "t2", quote: "open my phone 📱 and scroll", dimension: "emotion", polarity: "inflexible", at: 1_700_000_001_000 },
  { id: "a3", turnId: "t4", quote: "write one line, even if my hands shake", dimension: "overt_behavior", polarity: "flexible", note: "=HYPERLINK(\"x\")", at: 1_700_000_002_000 },
];

export const CODES_B: FixtureCode[] = [
  { id: "b1", turnId: "t2", quote: "I'm useless", dimension: "cognition", polarity: "inflexible", at: 1_700_000_003_000 },
  { id: "b2", turnId: "t4", quote: "Café first", dimension: "overt_behavior", polarity: "flexible", at: 1_700_000_004_000 },
  /** Its text is deleted after coding: the orphan. */
  { id: "b3", turnId: "t3", quote: "=SUM(A1)", dimension: "attention", polarity: "flexible", at: 1_700_000_005_000 },
];

export function transcriptDoc(): Y.Doc {
  const doc = new Y.Doc({ gc: false });
  writeTurns(doc, TURNS);
  return doc;
}

export function layerDoc(txDoc: Y.Doc, codes: readonly FixtureCode[], reviewed: readonly string[]): Y.Doc {
  const doc = new Y.Doc();
  for (const code of codes) {
    const text = TURNS.find((t) => t.id === code.turnId)!.text;
    const at = text.indexOf(code.quote);
    if (at < 0) throw new Error(`fixture quote not found: ${code.quote}`);
    const anchor = anchorSpan(txDoc, code.turnId, at, at + code.quote.length);
    putCode(doc, code.id, {
      ...anchor,
      dimension: code.dimension,
      polarity: code.polarity,
      ...(code.process ? { process: code.process } : {}),
      ...(code.note ? { note: code.note } : {}),
      at: code.at,
      codebookVersion: 1,
    });
  }
  setReviewed(doc, reviewed, true);
  return doc;
}

/** Deletes the characters of a quote from its turn (its codes become orphans). */
export function deleteQuote(txDoc: Y.Doc, turnId: string, quote: string): void {
  const text = turnTextType(anchorContext(txDoc).byId.get(turnId)!)!;
  const at = text.toString().indexOf(quote);
  text.delete(at, quote.length);
}

export function fixtureData(options: { coders?: "both" | "a" } = {}): ExportData {
  const txDoc = transcriptDoc();
  const layerA = layerDoc(txDoc, CODES_A, ["t1", "t2", "t3", "t4"]);
  const layerB = layerDoc(txDoc, CODES_B, ["t2"]);
  deleteQuote(txDoc, "t3", "=SUM(A1)");
  const layers = [{ coder: CODER_A, layer: readLayer(layerA) }];
  if (options.coders !== "a") layers.push({ coder: CODER_B, layer: readLayer(layerB) });
  return collectExportData({
    exercise: { id: "ex-1", title: "Séance 3 / \"blind\" round", mode: "blind", state: "revealed", codebookVersion: 1, keyCoderId: null, unitScope: "all_turns" },
    transcript: { id: "tx-1", title: "Synthetic session", doc: txDoc },
    layers,
    allLayers: options.coders !== "a",
    codebook: defaultCodebook,
    exportedAt: new Date("2026-03-04T05:06:07.000Z"),
    exportedBy: { id: "coder-a", name: CODER_A.name },
  });
}
