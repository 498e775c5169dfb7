import { decodeTranscriptBytes } from "../domain/import/decodeBytes";
import { formatFromFilename, formatName, unsupportedFileMessage } from "../domain/import/format";
import { formatBytes, resolveLimits, type ImportLimits } from "../domain/import/limits";
import { parseTranscriptText } from "../domain/import/parseTranscriptText";
import type { ImportResult } from "../domain/import/types";
import { hasZipMagic, readZipDirectory } from "../domain/import/zipDirectory";
import { isWordArchive, readDocxText } from "./readDocx";

export interface ParseFileOptions {
  limits?: Partial<ImportLimits>;
}

/**
 * An uploaded transcript file → all of its turns, or one error in plain words. The extension picks the
 * parser; the content can overrule it where that is unambiguous: a zip is read as .docx whatever its name,
 * "WEBVTT" on the first line means WebVTT, a numbered timing block means SRT. Nothing partial comes back.
 */
export async function parseTranscriptFile(bytes: Uint8Array, filename: string, options: ParseFileOptions = {}): Promise<ImportResult> {
  const limits = resolveLimits(options.limits);
  const declared = formatFromFilename(filename);
  if (declared === null) return { ok: false, error: unsupportedFileMessage(filename) };
  if (bytes.length === 0) return { ok: false, error: "This file is empty." };
  if (bytes.length > limits.maxFileBytes) {
    return { ok: false, error: `This file is ${formatBytes(bytes.length)}; Coflex imports transcripts up to ${formatBytes(limits.maxFileBytes)}. Split it into parts.` };
  }
  const warnings: string[] = [];
  if (declared === "docx" || hasZipMagic(bytes)) {
    if (declared !== "docx") {
      const directory = readZipDirectory(bytes, limits);
      if (!directory.ok) return directory;
      if (!isWordArchive(directory.entries)) {
        const excel = directory.entries.some((entry) => entry.name.startsWith("xl/"));
        return {
          ok: false,
          error: excel
            ? "This file is an Excel workbook, not a CSV file. In Excel, choose File → Save As → CSV UTF-8, then import that file."
            : `This file is a zip archive, not ${formatName(declared)}.`,
        };
      }
      warnings.push(`The file is named as ${formatName(declared)} but is a Word document; it was read as a Word document.`);
    }
    const docx = await readDocxText(bytes, limits);
    if (!docx.ok) return docx;
    const parsed = parseTranscriptText(docx.text, { format: "txt", limits });
    if (!parsed.ok) return parsed;
    return { ok: true, turns: parsed.turns, format: "docx", warnings: [...warnings, ...parsed.warnings] };
  }
  const decoded = decodeTranscriptBytes(bytes, filename);
  if (!decoded.ok) return decoded;
  return parseTranscriptText(decoded.text, { format: declared, limits });
}
