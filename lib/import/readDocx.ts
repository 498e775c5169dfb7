import { Buffer } from "node:buffer";
import { promisify } from "node:util";
import { inflateRaw } from "node:zlib";
import mammoth from "mammoth";
import { docxHtmlToText } from "../domain/import/docxHtml";
import { resolveLimits, type ImportLimits } from "../domain/import/limits";
import {
  DAMAGED_DOCX,
  hasOleMagic,
  hasZipMagic,
  readZipDirectory,
  zipBombMessage,
  zipEntryDataRange,
  type ZipEntryInfo,
} from "../domain/import/zipDirectory";

const inflateRawAsync = promisify(inflateRaw);

export type DocxTextResult = { ok: true; text: string } | { ok: false; error: string };

export const NOT_A_ZIP_DOCX =
  "This .docx file is not a Word document: a .docx file is a zip archive, and this one is not. Open it in Word and save it as .docx, or save the transcript as .txt.";
export const OLD_DOC =
  "This is an older Word .doc file renamed .docx. Open it in Word and save it as .docx (Word Document), then import it again.";
export const ZIP_NOT_WORD = "This file is a zip archive but not a Word document: it has no Word text inside.";

/** True when the archive holds a Word document body; mammoth's own error for a stranger zip is less clear. */
export function isWordArchive(entries: readonly ZipEntryInfo[]): boolean {
  return entries.some((entry) => entry.name === "[Content_Types].xml") && entries.some((entry) => entry.name.startsWith("word/"));
}

function isBufferTooLarge(error: unknown): boolean {
  return error instanceof RangeError || (typeof error === "object" && error !== null && "code" in error && error.code === "ERR_BUFFER_TOO_LARGE");
}

/**
 * Inflates every part with a cap of its declared size, so an archive that under-declares (a forged zip
 * bomb) fails here with bounded memory instead of inside jszip, which inflates first and compares after.
 */
async function verifyDeclaredSizes(bytes: Uint8Array, entries: readonly ZipEntryInfo[], limits: ImportLimits): Promise<string | null> {
  for (const entry of entries) {
    const range = zipEntryDataRange(bytes, entry);
    if (!range) return DAMAGED_DOCX;
    const data = bytes.subarray(range.start, range.end);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize) return DAMAGED_DOCX;
      continue;
    }
    if (entry.method !== 8) return "This Word document uses a compression method Coflex cannot read. Save it again from Word and retry.";
    try {
      const inflated = await inflateRawAsync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      if (inflated.length !== entry.uncompressedSize) return DAMAGED_DOCX;
    } catch (error) {
      return isBufferTooLarge(error) ? zipBombMessage(limits) : DAMAGED_DOCX;
    }
  }
  return null;
}

/**
 * A .docx upload → its text, one paragraph per line, for the plain-text parser.
 * Refuses non-zip data, old .doc files, encrypted or zip64 archives, and archives that would expand past
 * the limits (checked from the central directory before anything is inflated).
 */
export async function readDocxText(bytes: Uint8Array, overrides?: Partial<ImportLimits>): Promise<DocxTextResult> {
  const limits = resolveLimits(overrides);
  if (!hasZipMagic(bytes)) return { ok: false, error: hasOleMagic(bytes) ? OLD_DOC : NOT_A_ZIP_DOCX };
  const directory = readZipDirectory(bytes, limits);
  if (!directory.ok) return directory;
  if (!isWordArchive(directory.entries)) return { ok: false, error: ZIP_NOT_WORD };
  const sizeError = await verifyDeclaredSizes(bytes, directory.entries, limits);
  if (sizeError) return { ok: false, error: sizeError };
  let text: string;
  try {
    // HTML rather than extractRawText: raw text drops soft line breaks and flattens tables. Images are
    // skipped instead of inlined as data URIs; linked files are never fetched (mammoth's default).
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })), externalFileAccess: false },
    );
    text = docxHtmlToText(result.value);
  } catch {
    // mammoth's message may quote document content; the user gets a generic one.
    return { ok: false, error: "This Word document could not be read. Open it in Word, save it again as .docx and try again." };
  }
  if (text.trim() === "") return { ok: false, error: "This Word document contains no text." };
  return { ok: true, text };
}
