/** The import boundary's pure half: bytes and text → turns. The .docx reader lives in lib/import. */
export type { ImportFormat, ImportResult, ParsedTurn, ParseOutcome, TextFormat } from "./types";
export { DEFAULT_IMPORT_LIMITS, resolveLimits, type ImportLimits } from "./limits";
export { applySpeakerRoles, isRoleLabel, roleForSpeaker, speakersOf, type SpeakerSummary } from "./roles";
export { decodeTranscriptBytes, type DecodeResult } from "./decodeBytes";
export { formatFromFilename, formatName, sniffTextFormat, SUPPORTED_EXTENSIONS, unsupportedFileMessage } from "./format";
export { parseTranscriptText, type ParseTextOptions } from "./parseTranscriptText";
export { parseTxt } from "./txt";
export { parseVtt } from "./vtt";
export { parseSrt } from "./srt";
export { parseCsv } from "./csv";
export { parseCsvRecords } from "./csvRecords";
export { hasOleMagic, hasZipMagic, readZipDirectory, zipEntryDataRange, type ZipEntryInfo } from "./zipDirectory";
export { docxHtmlToText } from "./docxHtml";
