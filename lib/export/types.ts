import type { UnitScope } from "../domain/agreementUnits";
import type { Codebook, Dimension, Polarity } from "../domain/codebook";
import type { SpeakerRole } from "../domain/transcriptDoc";

/**
 * What every export is built from: one exercise, its transcript, the layers the caller may see (and
 * only those — buildExport filters before anything here runs), and the codebook the exercise uses.
 */

export const EXPORT_FORMATS = ["csv", "json", "matrix", "agreement-csv", "agreement-json", "qdpx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportTurn {
  id: string;
  index: number;
  speaker: string;
  role: SpeakerRole;
  start: number | null;
  end: number | null;
  /** The turn's plain text, the text anchor offsets count in (UTF-16 code units). */
  text: string;
}

export interface ExportCoder {
  id: string;
  name: string;
  submitted: boolean;
  /** Turns the coder marked as finished. */
  reviewed: string[];
  /** Layer entries that failed validation and are left out. */
  invalidEntries: number;
}

/** One code, placed on the transcript as it stands now. */
export interface ExportCode {
  id: string;
  coderId: string;
  coderName: string;
  /** The turn the code was made on. */
  turnId: string;
  /** The turn's index now, or null when the transcript no longer has that turn. */
  turnIndex: number | null;
  speaker: string | null;
  speakerRole: SpeakerRole | null;
  dimension: Dimension;
  polarity: Polarity;
  process: string | null;
  note: string | null;
  /** The anchored text now; for an orphaned code, the text it quoted when it was made. */
  quote: string;
  /** UTF-16 offsets within the turn's text (end exclusive); null when orphaned. */
  startOffset: number | null;
  endOffset: number | null;
  orphaned: boolean;
  codebookVersion: number;
  /** When the code was made or last changed (ISO 8601, UTC). */
  createdAt: string;
}

export interface ExportData {
  exercise: {
    id: string;
    title: string;
    mode: "blind" | "open";
    state: "coding" | "revealed" | "closed";
    codebookVersion: number;
    keyCoderId: string | null;
    /** Which turns are units of agreement (lib/domain/agreementUnits); the matrix export has one row per unit. */
    unitScope: UnitScope;
  };
  /** What a unit of agreement is here, in one sentence (lib/domain/agreementUnits). */
  unitDefinition: string;
  transcript: { id: string; title: string; turns: ExportTurn[] };
  /** Coders whose layers are in this export, in the exercise's order. */
  coders: ExportCoder[];
  /** Whether every coder's layer is included (false: the caller may see only some, e.g. blind coding). */
  allLayers: boolean;
  codebook: Codebook;
  /** Ordered by turn, position, coder, time, id. */
  codes: ExportCode[];
  exportedAt: Date;
  exportedBy: { id: string; name: string };
}

/** A finished export, ready to send. */
export interface ExportFile {
  body: Uint8Array<ArrayBuffer>;
  contentType: string;
  fileName: string;
}
