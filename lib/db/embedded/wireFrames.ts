/**
 * Splits the bytes a PostgreSQL client sends into whole frontend messages, so the embedded database only
 * ever sees complete messages (PGlite's backend loop must not stop in the middle of one). The first message
 * of a session is the untyped startup packet (int32 length, int32 protocol code); every later one is a type
 * byte and an int32 length that counts itself.
 */

/** Protocol codes carried by an untyped first packet instead of a startup message. */
export const SSL_REQUEST_CODE = 80_877_103;
export const GSS_REQUEST_CODE = 80_877_104;
export const CANCEL_REQUEST_CODE = 80_877_102;

/** 'X': the client ends the session. PGlite's backend would exit on it, so it is never passed on. */
const TERMINATE = 0x58;

export type FrontendChunk =
  | { kind: "startup"; bytes: Uint8Array }
  /** SSL or GSS encryption request: the answer is a single "N" (not supported; the client goes on in the clear). */
  | { kind: "encryption-request" }
  | { kind: "cancel" }
  /** One or more whole typed messages, passed to the backend together. */
  | { kind: "messages"; bytes: Uint8Array }
  | { kind: "terminate" };

export interface SplitResult {
  chunks: FrontendChunk[];
  /** Bytes of an incomplete message, to be prepended to the next data. */
  rest: Uint8Array;
  /** Whether the startup packet has been seen (typed messages follow). */
  started: boolean;
}

function int32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + at, 4).getInt32(0);
}

export function splitFrontend(data: Uint8Array, startedBefore: boolean): SplitResult {
  const chunks: FrontendChunk[] = [];
  let started = startedBefore;
  let at = 0;
  let batchStart = -1;
  const flushBatch = (end: number) => {
    if (batchStart >= 0 && end > batchStart) chunks.push({ kind: "messages", bytes: data.slice(batchStart, end) });
    batchStart = -1;
  };
  while (at < data.length) {
    if (!started) {
      if (data.length - at < 8) break;
      const length = int32(data, at);
      if (length < 8 || length > 10_000) throw new Error("malformed startup packet");
      if (data.length - at < length) break;
      const code = int32(data, at + 4);
      if (code === SSL_REQUEST_CODE || code === GSS_REQUEST_CODE) chunks.push({ kind: "encryption-request" });
      else if (code === CANCEL_REQUEST_CODE) chunks.push({ kind: "cancel" });
      else {
        chunks.push({ kind: "startup", bytes: data.slice(at, at + length) });
        started = true;
      }
      at += length;
      continue;
    }
    if (data.length - at < 5) break;
    const length = int32(data, at + 1);
    if (length < 4) throw new Error("malformed frontend message");
    if (data.length - at < 1 + length) break;
    if (data[at] === TERMINATE) {
      flushBatch(at);
      chunks.push({ kind: "terminate" });
      return { chunks, rest: new Uint8Array(0), started };
    }
    if (batchStart < 0) batchStart = at;
    at += 1 + length;
  }
  flushBatch(at);
  return { chunks, rest: data.slice(at), started };
}
