export type DecodeResult = { ok: true; text: string } | { ok: false; error: string };

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot > 0 && dot < filename.length - 1 ? filename.slice(dot).toLowerCase() : "";
}

function describe(filename: string): string {
  const ext = extensionOf(filename);
  return ext ? `This ${ext} file` : "This file";
}

/** Offset of the first byte that breaks UTF-8 (overlongs, surrogates and > U+10FFFF included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Share of characters that never appear in typed text (C0 controls other than tab/newlines, DEL). */
function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) || c === 0x7f) count++;
  }
  return count / text.length;
}

/**
 * Uploaded bytes → text. UTF-8 with or without a byte-order mark, UTF-16 LE/BE with one. Refuses, in words
 * a clinician can act on: an empty file, binary data under a text name (NUL bytes or many control
 * characters — a .docx or a PDF renamed .txt), and text in another encoding than UTF-8.
 */
export function decodeTranscriptBytes(bytes: Uint8Array, filename: string): DecodeResult {
  const what = describe(filename);
  if (bytes.length === 0) return { ok: false, error: `${what} is empty.` };
  const binary = { ok: false as const, error: `${what} contains binary data, not text. It may be another kind of file (a Word document, a PDF, a recording) that was renamed.` };
  let text: string;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    if (bytes.length % 2 !== 0) return { ok: false, error: `${what} looks like UTF-16 text but is cut short (it has an odd number of bytes).` };
    try {
      text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return { ok: false, error: `${what} looks like UTF-16 text but contains invalid characters. Save it again as UTF-8 and retry.` };
    }
    if (text.includes("\u0000")) return binary;
  } else {
    if (bytes.includes(0)) return binary;
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const bad = firstInvalidUtf8(bytes, hasBom ? 3 : 0);
    if (bad >= 0) {
      return {
        ok: false,
        error: `${what} is not UTF-8 text (the first unreadable character is on line ${lineOf(bytes, bad)}). It may be saved in an older encoding such as Windows-1252. Save it as UTF-8 (in Word or Notepad: Save As → Encoding: UTF-8) and try again.`,
      };
    }
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  }
  text = text.replace(/^\uFEFF/, "");
  if (controlShare(text) > 0.01) return binary;
  if (text.trim() === "") return { ok: false, error: `${what} contains no text.` };
  return { ok: true, text };
}
