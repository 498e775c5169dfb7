"use client";

import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import { turnAtSelection } from "./editorNavigation";

export interface CurrentTurn {
  turnId: string;
  index: number;
  speaker: string;
}

/** The turn holding the editor's selection; a new object only when the turn changes. */
export function useCurrentTurn(editor: Editor | null): CurrentTurn | null {
  const [current, setCurrent] = useState<CurrentTurn | null>(null);
  useEffect(() => {
    if (!editor) return;
    const update = () => {
      const turn = turnAtSelection(editor.state);
      setCurrent((prev) =>
        prev?.turnId === turn?.id && prev?.index === turn?.index ? prev : turn ? { turnId: turn.id, index: turn.index, speaker: String(turn.node.attrs.speaker ?? "") } : null,
      );
    };
    update();
    editor.on("transaction", update);
    return () => {
      editor.off("transaction", update);
    };
  }, [editor]);
  return current;
}
