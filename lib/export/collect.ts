import type * as Y from "yjs";
import { anchorContext, plainText, resolveAnchor, turnTextType } from "../domain/anchoring";
import { agreementUnits } from "../domain/agreementUnits";
import type { Codebook } from "../domain/codebook";
import type { LayerData } from "../domain/layerDoc";
import { readTurns } from "../domain/transcriptDoc";
import type { ExportCode, ExportCoder, ExportData, ExportTurn } from "./types";

/**
 * Builds ExportData from the transcript document and the layers the caller may see. Pure (documents
 * in, plain data out): buildExport loads the documents and decides which layers are included.
 */

export interface CollectInput {
  exercise: ExportData["exercise"];
  transcript: { id: string; title: string; doc: Y.Doc };
  /** Every layer included, in the exercise's coder order. */
  layers: ReadonlyArray<{ coder: { id: string; name: string; submitted: boolean }; layer: LayerData }>;
  allLayers: boolean;
  codebook: Codebook;
  exportedAt: Date;
  exportedBy: { id: string; name: string };
}

/** Turns with their plain text (the text anchors count in; readTurns would render formatting as markup). */
export function exportTurns(txDoc: Y.Doc): ExportTurn[] {
  const context = anchorContext(txDoc);
  return readTurns(txDoc).map((turn) => {
    const element = context.turns[turn.index];
    const text = element ? turnTextType(element) : null;
    return { ...turn, text: text ? plainText(text) : "" };
  });
}

/** A third-party client may write any finite number as `at`; one outside Date's range exports as "". */
function isoTime(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString();
}

export function collectExportData(input: CollectInput): ExportData {
  const txDoc = input.transcript.doc;
  const turns = exportTurns(txDoc);
  const turnById = new Map(turns.map((t) => [t.id, t]));
  const context = anchorContext(txDoc);
  const coderOrder = new Map(input.layers.map((l, i) => [l.coder.id, i]));
  const codes: ExportCode[] = [];
  const coders: ExportCoder[] = [];
  for (const { coder, layer } of input.layers) {
    coders.push({ id: coder.id, name: coder.name, submitted: coder.submitted, reviewed: [...layer.reviewed], invalidEntries: layer.invalid });
    for (const code of layer.codes) {
      const resolved = resolveAnchor(txDoc, code, context);
      const placed = resolved.status === "ok";
      const turn = turnById.get(placed ? resolved.turnId : code.turnId) ?? null;
      codes.push({
        id: code.id,
        coderId: coder.id,
        coderName: coder.name,
        turnId: code.turnId,
        turnIndex: placed ? resolved.turnIndex : (turn?.index ?? null),
        speaker: turn?.speaker ?? null,
        speakerRole: turn?.role ?? null,
        dimension: code.dimension,
        polarity: code.polarity,
        process: code.process ?? null,
        note: code.note ?? null,
        quote: placed ? resolved.text : code.quote,
        startOffset: placed ? resolved.startOffset : null,
        endOffset: placed ? resolved.endOffset : null,
        orphaned: !placed,
        codebookVersion: code.codebookVersion ?? input.exercise.codebookVersion,
        createdAt: isoTime(code.at),
      });
    }
  }
  const last = Number.MAX_SAFE_INTEGER;
  codes.sort(
    (a, b) =>
      (a.turnIndex ?? last) - (b.turnIndex ?? last) ||
      (a.startOffset ?? last) - (b.startOffset ?? last) ||
      (a.endOffset ?? last) - (b.endOffset ?? last) ||
      coderOrder.get(a.coderId)! - coderOrder.get(b.coderId)! ||
      a.createdAt.localeCompare(b.createdAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    exercise: input.exercise,
    unitDefinition: agreementUnits(turns, input.exercise.unitScope).definition,
    transcript: { id: input.transcript.id, title: input.transcript.title, turns },
    coders,
    allLayers: input.allLayers,
    codebook: input.codebook,
    codes,
    exportedAt: input.exportedAt,
    exportedBy: input.exportedBy,
  };
}
