"use client";

import type { Editor } from "@tiptap/core";
import { type RefObject, useState } from "react";
import { type Dimension, codeLabel } from "@/lib/domain/codebook";
import { setReviewed } from "@/lib/domain/layerDoc";
import type { PopoverPlace } from "./CodePopover";
import type { CodingSession } from "./CodingContext";
import type { CodeEntry } from "./codeStore";
import { type CodeTarget, codeTarget, findTurn, moveTurn, selectCode } from "./editorNavigation";
import { placeBeside } from "./screenHelpers";
import type { CurrentTurn } from "./useCurrentTurn";
import type { Feedback } from "./useFeedback";
import { type CodeChoice, addCode, changeCode, reanchorCode, removeCode, restoreCode } from "./writeCode";

export type PopoverState =
  | { kind: "new"; target: CodeTarget; preset: Dimension | null; place: PopoverPlace }
  | { kind: "edit"; entry: CodeEntry; turnIndex: number; speaker: string; place: PopoverPlace };

export interface CodingActions {
  popover: PopoverState | null;
  activeKey: string | null;
  jump: (entry: CodeEntry) => void;
  openNew: (preset: Dimension | null) => void;
  /** `from` is the element the edit was asked from (its row): the form opens level with it. */
  openEdit: (entry: CodeEntry, from: Element | null) => void;
  closePopover: () => void;
  savePopover: (choice: CodeChoice) => void;
  deleteEntry: (entry: CodeEntry) => void;
  reanchor: (entry: CodeEntry) => void;
  toggleReviewed: () => void;
  reviewedUpTo: () => void;
  goTurn: (delta: number) => void;
}

interface Inputs {
  session: CodingSession;
  editor: Editor | null;
  current: CurrentTurn | null;
  feedback: Feedback;
  /** The codes panel: the coding form opens over it, beside the transcript. */
  panel: RefObject<HTMLElement | null>;
}

/** Everything a coder does on the page — open the form, save, delete, re-attach, mark reviewed, move — in one place. */
export function useCodingActions({ session, editor, current, feedback, panel }: Inputs): CodingActions {
  const { exercise, viewer, view, codebook, store, txDoc, ownDoc } = session;
  const [popover, setPopover] = useState<PopoverState | null>(null);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const { say, sayWhileSaving, announce, show } = feedback;
  const reviewedSet = store.reviewedBy(viewer.id);
  const panelLeft = () => panel.current?.getBoundingClientRect().left;

  const cannotCode = (): string | null => {
    if (view.canCode && ownDoc) return null;
    if (!view.isCoder) return "You are watching this exercise; only its coders add codes.";
    if (view.submitted) return "You have submitted — your codes are final and read-only.";
    if (exercise.state !== "coding") return "Coding has ended for this exercise.";
    return "Your codes are still loading.";
  };

  const jump = (entry: CodeEntry) => {
    setActiveKey(entry.key);
    if (editor && txDoc && !selectCode(editor, txDoc, entry.code)) show({ text: "The text this code marked has changed; showing its turn." });
  };

  const openNew = (preset: Dimension | null) => {
    if (!editor) return;
    const refusal = cannotCode();
    if (refusal) return say(refusal);
    const result = codeTarget(editor);
    if (!result.ok) return say(result.message);
    setPopover({ kind: "new", target: result.target, preset, place: placeBeside(editor, result.target, panelLeft()) });
  };

  const openEdit = (entry: CodeEntry, from: Element | null) => {
    if (!editor || !txDoc) return;
    const turn = findTurn(editor.state.doc, entry.code.turnId);
    const rect = (from ?? editor.view.dom).getBoundingClientRect();
    const left = panelLeft();
    setPopover({
      kind: "edit",
      entry,
      turnIndex: turn?.index ?? 0,
      speaker: String(turn?.node.attrs.speaker ?? ""),
      place: { left: left !== undefined ? left + 8 : rect.left, top: rect.bottom, bottom: rect.bottom },
    });
  };

  const closePopover = () => {
    setPopover(null);
    editor?.view.dom.focus({ preventScroll: true });
  };

  const savePopover = (choice: CodeChoice) => {
    if (!popover || !ownDoc || !txDoc) return;
    try {
      if (popover.kind === "new") {
        const id = addCode(ownDoc, txDoc, popover.target, choice, codebook.version);
        setActiveKey(`${viewer.id}/${id}`);
        const what = `${codeLabel(choice.dimension, choice.polarity)} on turn ${popover.target.turnIndex + 1}`;
        sayWhileSaving(`Added ${what}`, `Saved ${what}.`);
      } else {
        changeCode(ownDoc, popover.entry.code, choice, codebook.version);
        const label = codeLabel(choice.dimension, choice.polarity);
        sayWhileSaving(`Changed to ${label}`, `Saved the change to ${label}.`);
      }
    } catch {
      say("The text changed while you were coding. Select it again and retry.");
    }
    closePopover();
  };

  const deleteEntry = (entry: CodeEntry) => {
    if (!ownDoc || !view.canCode) return;
    removeCode(ownDoc, entry.code);
    setPopover(null);
    show({
      text: `Deleted ${codeLabel(entry.code.dimension, entry.code.polarity)} on “${entry.code.quote.slice(0, 40)}”.`,
      undo: () => (restoreCode(ownDoc, entry.code), show(null)),
    });
  };

  const reanchor = (entry: CodeEntry) => {
    if (!ownDoc || !txDoc) return;
    say(reanchorCode(ownDoc, txDoc, entry.code) ? "Re-attached the code to its quoted text." : "The quoted text is no longer in the transcript. Delete this code or code the new text.");
  };

  const toggleReviewed = () => {
    const refusal = cannotCode();
    if (refusal || !current || !ownDoc) return say(refusal ?? "Move to a turn first (J / K).");
    const now = !reviewedSet.has(current.turnId);
    setReviewed(ownDoc, [current.turnId], now);
    announce(`Turn ${current.index + 1} ${now ? "marked reviewed" : "no longer marked reviewed"}.`);
  };

  const reviewedUpTo = () => {
    const refusal = cannotCode();
    if (refusal || !current || !ownDoc || !editor) return say(refusal ?? "Move to a turn first (J / K).");
    const ids: string[] = [];
    editor.state.doc.forEach((node, _pos, index) => {
      const id = node.attrs.id as unknown;
      if (index <= current.index && typeof id === "string") ids.push(id);
    });
    setReviewed(ownDoc, ids, true);
    announce(`Turns 1 to ${current.index + 1} marked reviewed.`);
  };

  const goTurn = (delta: number) => {
    if (!editor) return;
    const turn = moveTurn(editor, delta);
    if (turn) {
      const codes = store.visibleForTurn(turn.id).length;
      announce(
        `Turn ${turn.index + 1} of ${editor.state.doc.childCount}, ${String(turn.node.attrs.speaker ?? "")}, ${codes} ${codes === 1 ? "code" : "codes"}${reviewedSet.has(turn.id) ? ", reviewed" : ""}.`,
      );
    }
  };

  return { popover, activeKey, jump, openNew, openEdit, closePopover, savePopover, deleteEntry, reanchor, toggleReviewed, reviewedUpTo, goTurn };
}
