import { createHash } from "node:crypto";

/**
 * Deterministic GUIDs (RFC 4122 version 5: SHA-1 of a namespace and a name), so exporting the same
 * exercise twice gives the same project file and a QDA tool can merge or diff two exports. The names
 * are our own ids ("code:cognition.inflexible", "user:<id>", …), never text.
 */

/** The namespace of every GUID Coflex writes into a REFI-QDA project (a random v4, fixed forever). */
export const COFLEX_QDA_NAMESPACE = "dedb8fac-7f5e-462a-8de8-8e3e4f0fc06c";

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.split("-").join("");
  if (hex.length !== 32) throw new RangeError("not a UUID");
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) {
    const byte = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
    if (Number.isNaN(byte)) throw new RangeError("not a UUID");
    bytes[i] = byte;
  }
  return bytes;
}

export function uuidV5(name: string, namespace: string = COFLEX_QDA_NAMESPACE): string {
  const digest = createHash("sha1").update(uuidBytes(namespace)).update(name, "utf8").digest();
  const bytes = Uint8Array.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
