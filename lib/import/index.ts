/**
 * The import boundary for uploads: parseTranscriptFile for multipart files (.txt .vtt .srt .csv .docx),
 * parseTranscriptText for JSON {title, text}. The pure parsers and the de-identification assistant live in
 * lib/domain/import and lib/domain/deidentify; only the .docx reader here needs Node (zlib, mammoth).
 */
export { parseTranscriptFile, type ParseFileOptions } from "./parseTranscriptFile";
export { readDocxText, type DocxTextResult } from "./readDocx";
export {
  applySpeakerRoles,
  decodeTranscriptBytes,
  DEFAULT_IMPORT_LIMITS,
  parseTranscriptText,
  speakersOf,
  type ImportLimits,
  type ImportResult,
  type ParsedTurn,
} from "../domain/import";
