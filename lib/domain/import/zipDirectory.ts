import { formatBytes, formatCount, type ImportLimits } from "./limits";

export interface ZipEntryInfo {
  name: string;
  /** 0 stored, 8 deflate; anything else no .docx writer uses. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectoryResult = { ok: true; entries: ZipEntryInfo[] } | { ok: false; error: string };

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const MAX_COMMENT = 0xffff;

/** "PK\x03\x04" (a zip with entries) or "PK\x05\x06" (an empty one). */
export function hasZipMagic(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

/** The OLE2 compound-file signature: a Word 97–2003 .doc (or another old Office file). */
export function hasOleMagic(bytes: Uint8Array): boolean {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= ole.length && ole.every((b, i) => bytes[i] === b);
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) | ((bytes[at + 2] ?? 0) << 16) | ((bytes[at + 3] ?? 0) << 24)) >>> 0;
}

/** Shared with the inflating reader, which catches archives that lie about their sizes. */
export function zipBombMessage(limits: ImportLimits): string {
  return `This Word document would expand to more than ${formatBytes(limits.maxDocxUncompressedBytes)} when opened, far more than any transcript, so it was not opened. Copy the text into a new document and try again.`;
}

export const DAMAGED_DOCX = "This Word document is damaged (its table of contents is unreadable). Open it in Word, save it again as .docx and retry.";

/**
 * Reads a zip's central directory without inflating anything, and refuses archives that would expand past
 * the limits — the sizes are the ones the archive declares, which is what jszip (inside mammoth) trusts
 * too; the reader that inflates checks that no part outgrows its declared size.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ImportLimits): ZipDirectoryResult {
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === EOCD_SIGNATURE) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { ok: false, error: DAMAGED_DOCX };
  if (eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_LOCATOR_SIGNATURE) {
    return { ok: false, error: "This Word document uses a large-archive format (zip64) that no transcript needs, so it was not opened. Save it again from Word and retry." };
  }
  const disk = u16(bytes, eocd + 4);
  const cdDisk = u16(bytes, eocd + 6);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (disk !== 0 || cdDisk !== 0 || count !== u16(bytes, eocd + 8)) return { ok: false, error: DAMAGED_DOCX };
  if (count > limits.maxDocxEntries) {
    return { ok: false, error: `This Word document holds ${formatCount(count)} parts (a transcript has a few dozen), so it was not opened.` };
  }
  if (cdOffset + cdSize > eocd) return { ok: false, error: DAMAGED_DOCX };
  const entries: ZipEntryInfo[] = [];
  const names = new TextDecoder("utf-8");
  let total = 0;
  let at = cdOffset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || u32(bytes, at) !== CENTRAL_SIGNATURE) return { ok: false, error: DAMAGED_DOCX };
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const compressedSize = u32(bytes, at + 20);
    const uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const localHeaderOffset = u32(bytes, at + 42);
    if (at + 46 + nameLength > eocd) return { ok: false, error: DAMAGED_DOCX };
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      return { ok: false, error: "This Word document uses a large-archive format (zip64) that no transcript needs, so it was not opened. Save it again from Word and retry." };
    }
    if ((flags & 0x1) !== 0) return { ok: false, error: "This Word document is password-protected. Remove the password in Word (File → Info → Protect Document) and try again." };
    total += uncompressedSize;
    if (total > limits.maxDocxUncompressedBytes) return { ok: false, error: zipBombMessage(limits) };
    if (uncompressedSize > 1024 * 1024 && uncompressedSize / Math.max(compressedSize, 1) > limits.maxDocxRatio) {
      return { ok: false, error: "This Word document holds a part that expands hundreds of times when opened, which no real document does, so it was not opened." };
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/** Where an entry's compressed bytes sit, from its local header; null when the header is not where it claims. */
export function zipEntryDataRange(bytes: Uint8Array, entry: ZipEntryInfo): { start: number; end: number } | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  return end <= bytes.length ? { start, end } : null;
}
