import type { SpeakerRole } from "../transcriptDoc";

/** A parsed turn before it gets an id: what every import format produces. Times are seconds or null. */
export interface ParsedTurn {
  speaker: string;
  role: SpeakerRole;
  start: number | null;
  end: number | null;
  text: string;
}

export type ImportFormat = "txt" | "vtt" | "srt" | "csv" | "docx";

/** Formats that arrive as text; .docx becomes text (through mammoth) before it is parsed as .txt. */
export type TextFormat = Exclude<ImportFormat, "docx">;

/** The outcome of one parser: all turns or an error, never part of a file. */
export type ParseOutcome = { ok: true; turns: ParsedTurn[]; warnings: string[] } | { ok: false; error: string };

/** The outcome of an import: all turns or one error a clinician can act on. */
export type ImportResult =
  | { ok: true; turns: ParsedTurn[]; format: ImportFormat; warnings: string[] }
  | { ok: false; error: string };
