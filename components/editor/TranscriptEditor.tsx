"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Text from "@tiptap/extension-text";
import type { Editor, Extensions } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { TRANSCRIPT_FIELD } from "@/lib/domain/transcriptDoc";
import { TranscriptDocument } from "./TranscriptDocument";
import { TurnNode } from "./TurnNode";
import { userColour } from "@/lib/collab/userColour";

export interface TranscriptEditorProps {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: { id: string; name: string };
  editable: boolean;
  /** Extra extensions (the coding page adds its code decorations); keep the array stable across renders. */
  extensions?: Extensions;
  /** Extra attributes for the editable element (e.g. tabindex on a read-only editor that takes keys). */
  attributes?: Record<string, string>;
  /** Share this user's caret and selection with the room (off for blind coding: where a coder is reading is a hint). */
  carets?: boolean;
  /** Called with the editor once it exists, and with null when it goes away. */
  onEditor?: (editor: Editor | null) => void;
}

/**
 * The collaborative transcript. Never given `content`: the server seeded the document once at import,
 * and a browser that seeded it would duplicate the text for every new client.
 */
export function TranscriptEditor({ doc, provider, user, editable, extensions, attributes, carets = true, onEditor }: TranscriptEditorProps) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      // No injected <style> (the CSP would refuse it): Tiptap's base rules are in app/globals.css.
      injectCSS: false,
      editable,
      extensions: [
        TranscriptDocument,
        Text,
        TurnNode,
        Collaboration.configure({ document: doc, field: TRANSCRIPT_FIELD }),
        // The server replaces this identity with the session's, so a client cannot pose as someone else.
        ...(carets ? [CollaborationCaret.configure({ provider, user: { name: user.name, color: userColour(user.id) } })] : []),
        ...(extensions ?? []),
      ],
      editorProps: {
        attributes: {
          // aria-readonly is only allowed on a role that takes it (axe: aria-allowed-attr).
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": editable ? "Transcript (editable)" : "Transcript (read only)",
          "aria-readonly": editable ? "false" : "true",
          spellcheck: "false",
          ...attributes,
        },
      },
    },
    [doc, provider, editable, extensions, carets],
  );

  useEffect(() => {
    if (!onEditor) return;
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  return <EditorContent editor={editor} className="transcript" />;
}
