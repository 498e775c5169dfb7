import * as Y from "yjs";
import { z } from "zod";
import { DIMENSIONS, POLARITIES } from "./codebook";

/**
 * A coder's layer document (CONTRACTS §5): Y.Map "codes" codeId → code, Y.Map "reviewed" turnId → true.
 * Codes are plain values (replaced whole on edit), so a third-party client can write them too; whatever
 * it writes is validated here before the UI or the agreement engine trusts it.
 */
export const CODES_FIELD = "codes";
export const REVIEWED_FIELD = "reviewed";

export const codeSchema = z.object({
  turnId: z.string().min(1).max(64),
  /** base64 of Y.encodeRelativePosition into the transcript doc (assoc 0). */
  start: z.string().min(1).max(512),
  /** base64 of Y.encodeRelativePosition into the transcript doc (assoc −1). */
  end: z.string().min(1).max(512),
  quote: z.string().max(5000),
  dimension: z.enum(DIMENSIONS),
  polarity: z.enum(POLARITIES),
  process: z.string().max(120).optional(),
  note: z.string().max(2000).optional(),
  /** Milliseconds since the epoch when the code was made or last changed. */
  at: z.number().finite(),
  codebookVersion: z.number().int().positive().optional(),
});

export type Code = z.infer<typeof codeSchema>;
export interface StoredCode extends Code {
  id: string;
}

export interface LayerData {
  codes: StoredCode[];
  reviewed: string[];
  /** Entries that failed validation: counted so a broken client is visible, never trusted. */
  invalid: number;
}

export function codesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(CODES_FIELD);
}

export function reviewedMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(REVIEWED_FIELD);
}

export function readLayer(doc: Y.Doc): LayerData {
  const codes: StoredCode[] = [];
  let invalid = 0;
  codesMap(doc).forEach((value, id) => {
    const parsed = codeSchema.safeParse(value);
    if (parsed.success) codes.push({ ...parsed.data, id });
    else invalid += 1;
  });
  codes.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const reviewed: string[] = [];
  reviewedMap(doc).forEach((value, turnId) => {
    if (value === true) reviewed.push(turnId);
  });
  reviewed.sort();
  return { codes, reviewed, invalid };
}

export function putCode(doc: Y.Doc, id: string, code: Code): void {
  codesMap(doc).set(id, codeSchema.parse(code));
}

export function deleteCode(doc: Y.Doc, id: string): void {
  codesMap(doc).delete(id);
}

export function setReviewed(doc: Y.Doc, turnIds: readonly string[], reviewed: boolean): void {
  const map = reviewedMap(doc);
  doc.transact(() => {
    for (const turnId of turnIds) {
      if (reviewed) map.set(turnId, true);
      else map.delete(turnId);
    }
  });
}
