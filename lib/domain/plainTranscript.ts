/**
 * Compatibility shim: the plain-text parser moved to lib/domain/import (txt.ts), next to the WebVTT, SRT,
 * CSV and .docx importers. New code imports from "./import".
 */
import { DEFAULT_IMPORT_LIMITS } from "./import/limits";
import { parseTranscriptText } from "./import/parseTranscriptText";
import type { ParsedTurn } from "./import/types";

export type { ParsedTurn } from "./import/types";
export { roleForSpeaker } from "./import/roles";
export { parseClock } from "./import/clock";

export type ParseResult = { ok: true; turns: ParsedTurn[] } | { ok: false; error: string };

export const MAX_TURNS = DEFAULT_IMPORT_LIMITS.maxTurns;
export const MAX_LINE_CHARS = DEFAULT_IMPORT_LIMITS.maxLineChars;

/**
 * "Speaker: text" lines, optionally after a [hh:mm:ss] stamp; a line without a speaker continues the
 * previous turn; consecutive lines of one speaker merge. Text that is really WebVTT or SRT is read as such.
 */
export function parsePlainTranscript(input: string): ParseResult {
  const result = parseTranscriptText(input, { format: "txt" });
  return result.ok ? { ok: true, turns: result.turns } : result;
}
