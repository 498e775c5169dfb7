import { looksLikeSrt } from "./srt";
import type { ImportFormat, TextFormat } from "./types";
import { isWebVttHeader } from "./vtt";

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  ".txt": "txt", ".text": "txt", ".vtt": "vtt", ".webvtt": "vtt", ".srt": "srt", ".csv": "csv", ".docx": "docx",
};

export const SUPPORTED_EXTENSIONS: readonly string[] = [".txt", ".vtt", ".srt", ".csv", ".docx"];

const FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  txt: "plain text", vtt: "WebVTT subtitles", srt: "SRT subtitles", csv: "CSV", docx: "Word document",
};

export function formatName(format: ImportFormat): string {
  return FORMAT_NAMES[format];
}

/** The format a file's name promises, or null for a name Coflex does not import. */
export function formatFromFilename(filename: string): ImportFormat | null {
  const dot = filename.lastIndexOf(".");
  if (dot < 0) return null;
  return BY_EXTENSION[filename.slice(dot).toLowerCase()] ?? null;
}

export function unsupportedFileMessage(filename: string): string {
  const dot = filename.lastIndexOf(".");
  const ext = dot >= 0 ? filename.slice(dot).toLowerCase() : "";
  const what = ext && ext.length <= 10 ? `a ${ext} file` : "a file without a known extension";
  const old = ext === ".doc" ? " For an older Word .doc file, open it in Word and save it as .docx." : "";
  return `Coflex imports transcripts as .txt, .vtt, .srt, .csv or .docx files; this is ${what}.${old}`;
}

export interface SniffedFormat {
  format: TextFormat;
  warning: string | null;
}

/**
 * What the text itself says it is. A subtitle file saved as .txt is read as subtitles; a .vtt is always
 * read as WebVTT so that a wrong file gets the WebVTT error rather than a guess; CSV is never guessed.
 */
export function sniffTextFormat(text: string, declared?: TextFormat): SniffedFormat {
  const firstLine = text.replace(/^\uFEFF/, "").slice(0, 200).split(/\r\n|\r|\n/)[0] ?? "";
  if (declared === "vtt" || declared === "csv") return { format: declared, warning: null };
  const renamed = (format: TextFormat): SniffedFormat => ({
    format,
    warning: declared ? `The file is named as ${formatName(declared)} but holds ${formatName(format)}; it was read as ${formatName(format)}.` : null,
  });
  if (isWebVttHeader(firstLine)) return renamed("vtt");
  if (declared !== "srt" && looksLikeSrt(text)) return renamed("srt");
  return { format: declared ?? "txt", warning: null };
}
