import { parseCsv } from "./csv";
import { sniffTextFormat } from "./format";
import { formatBytes, formatCount, resolveLimits, type ImportLimits } from "./limits";
import { parseSrt } from "./srt";
import { parseTxt } from "./txt";
import type { ImportResult, ParseOutcome, TextFormat } from "./types";
import { parseVtt } from "./vtt";

export interface ParseTextOptions {
  /** The format the file name promises; omitted → guessed from the text (WebVTT, SRT, else plain text). */
  format?: TextFormat;
  limits?: Partial<ImportLimits>;
}

const PARSERS: Readonly<Record<TextFormat, (text: string, limits: ImportLimits) => ParseOutcome>> = {
  txt: parseTxt,
  vtt: parseVtt,
  srt: parseSrt,
  csv: parseCsv,
};

/** The 1-based number of the first line longer than the limit, or -1. */
function longLine(text: string, maxLineChars: number): number {
  let line = 1;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      line++;
      length = 0;
    } else if (++length > maxLineChars) {
      return line;
    }
  }
  return -1;
}

/**
 * Transcript text → all of its turns, or one error. Shared by the file import (after decoding) and the
 * JSON `{title, text}` import. Limits apply to the text as a whole, to each line and to the turns.
 */
export function parseTranscriptText(text: string, options: ParseTextOptions = {}): ImportResult {
  const limits = resolveLimits(options.limits);
  const body = text.replace(/^\uFEFF/, "");
  if (body.length > limits.maxFileBytes) {
    return { ok: false, error: `This transcript is larger than ${formatBytes(limits.maxFileBytes)}, the most Coflex imports at once. Split it into parts.` };
  }
  if (body.includes("\u0000")) return { ok: false, error: "This does not look like a text transcript (it contains binary data)." };
  const tooLong = longLine(body, limits.maxLineChars);
  if (tooLong > 0) {
    return { ok: false, error: `Line ${tooLong} is longer than ${formatCount(limits.maxLineChars)} characters. A transcript puts each turn on its own line; check that this is the right file.` };
  }
  const sniffed = sniffTextFormat(body, options.format);
  const parsed = PARSERS[sniffed.format](body, limits);
  if (!parsed.ok) return parsed;
  const warnings = sniffed.warning ? [sniffed.warning, ...parsed.warnings] : parsed.warnings;
  return { ok: true, turns: parsed.turns, format: sniffed.format, warnings };
}
