import type * as Y from "yjs";
import { anchorSpan, reanchorByQuote } from "@/lib/domain/anchoring";
import type { Dimension, Polarity } from "@/lib/domain/codebook";
import { type Code, type StoredCode, deleteCode, putCode } from "@/lib/domain/layerDoc";
import type { CodeTarget } from "./editorNavigation";

export interface CodeChoice {
  dimension: Dimension;
  polarity: Polarity;
  process: string;
  note: string;
}

function withChoice(base: Pick<Code, "turnId" | "start" | "end" | "quote">, choice: CodeChoice, codebookVersion: number): Code {
  const code: Code = { ...base, dimension: choice.dimension, polarity: choice.polarity, at: Date.now(), codebookVersion };
  // Absent rather than undefined: third-party readers of the layer see plain JSON.
  if (choice.process) code.process = choice.process;
  if (choice.note.trim()) code.note = choice.note.trim();
  return code;
}

function newCodeId(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** Writes a new code into the coder's own layer; the anchor points into the transcript doc as it is now. */
export function addCode(layer: Y.Doc, txDoc: Y.Doc, target: CodeTarget, choice: CodeChoice, codebookVersion: number): string {
  const anchor = anchorSpan(txDoc, target.turnId, target.start, target.end);
  const id = newCodeId();
  putCode(layer, id, withChoice(anchor, choice, codebookVersion));
  return id;
}

/** Changes what a code says, keeping where it is. */
export function changeCode(layer: Y.Doc, code: StoredCode, choice: CodeChoice, codebookVersion: number): void {
  putCode(layer, code.id, withChoice(code, choice, code.codebookVersion ?? codebookVersion));
}

export function removeCode(layer: Y.Doc, code: StoredCode): void {
  deleteCode(layer, code.id);
}

export function restoreCode(layer: Y.Doc, code: StoredCode): void {
  const { id, ...rest } = code;
  putCode(layer, id, rest);
}

/** Moves an orphaned code onto its quote, wherever that text is now; false when the quote is gone. */
export function reanchorCode(layer: Y.Doc, txDoc: Y.Doc, code: StoredCode): boolean {
  const anchor = reanchorByQuote(txDoc, code);
  if (!anchor) return false;
  const { id, ...rest } = code;
  putCode(layer, id, { ...rest, ...anchor, at: Date.now() });
  return true;
}
