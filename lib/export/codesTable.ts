import { csvDocument, type CsvValue } from "./csv";
import type { ExportCode, ExportData } from "./types";

/**
 * The codes in long format: one row per code. The CSV and JSON exports share these column names, so a
 * script can read either. Offsets are UTF-16 code units within the turn's text (JavaScript's and
 * ProseMirror's unit; Python's str indexes code points — they differ only after an emoji).
 */
export const CODE_COLUMNS = [
  "exercise",
  "transcript",
  "turn_index",
  "turn_id",
  "speaker_role",
  "speaker",
  "coder_id",
  "coder",
  "dimension",
  "polarity",
  "process",
  "note",
  "quote",
  "start_offset",
  "end_offset",
  "orphaned",
  "codebook_version",
  "created_at",
  "code_id",
] as const;

export type CodeColumn = (typeof CODE_COLUMNS)[number];
export type CodeRecord = Record<CodeColumn, string | number | boolean | null>;

export function codeRecord(data: ExportData, code: ExportCode): CodeRecord {
  return {
    exercise: data.exercise.id,
    transcript: data.transcript.id,
    turn_index: code.turnIndex,
    turn_id: code.turnId,
    speaker_role: code.speakerRole,
    speaker: code.speaker,
    coder_id: code.coderId,
    coder: code.coderName,
    dimension: code.dimension,
    polarity: code.polarity,
    process: code.process,
    note: code.note,
    quote: code.quote,
    start_offset: code.startOffset,
    end_offset: code.endOffset,
    orphaned: code.orphaned,
    codebook_version: code.codebookVersion,
    created_at: code.createdAt,
    code_id: code.id,
  };
}

export function codesCsv(data: ExportData): string {
  const rows: CsvValue[][] = data.codes.map((code) => {
    const record = codeRecord(data, code);
    return CODE_COLUMNS.map((column) => record[column]);
  });
  return csvDocument(CODE_COLUMNS, rows);
}

/** The JSON export: the same code records, plus what a reader needs to interpret them. */
export function codesJson(data: ExportData): string {
  const body = {
    format: "coflex.codes",
    version: 1,
    exportedAt: data.exportedAt.toISOString(),
    exportedBy: data.exportedBy,
    exercise: data.exercise,
    unitDefinition: data.unitDefinition,
    /** false: only the layers the exporting user may see are here (a blind exercise before reveal). */
    allLayers: data.allLayers,
    transcript: {
      id: data.transcript.id,
      title: data.transcript.title,
      turnCount: data.transcript.turns.length,
      // Turn metadata only: the codes carry their quotes, and the full text has its own endpoint.
      turns: data.transcript.turns.map((t) => ({ id: t.id, index: t.index, speaker: t.speaker, role: t.role, start: t.start, end: t.end, length: t.text.length })),
    },
    coders: data.coders,
    codebook: data.codebook,
    columns: CODE_COLUMNS,
    codes: data.codes.map((code) => codeRecord(data, code)),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
