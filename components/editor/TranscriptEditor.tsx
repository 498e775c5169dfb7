"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import Text from "@tiptap/extension-text";
import { EditorContent, useEditor } from "@tiptap/react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { TRANSCRIPT_FIELD } from "@/lib/domain/transcriptDoc";
import { TranscriptDocument } from "./TranscriptDocument";
import { TurnNode } from "./TurnNode";
import { userColour } from "./userColour";

export interface TranscriptEditorProps {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: { id: string; name: string };
  editable: boolean;
}

/**
 * The collaborative transcript. Never given `content`: the server seeded the document once at import,
 * and a browser that seeded it would duplicate the text for every new client.
 */
export function TranscriptEditor({ doc, provider, user, editable }: TranscriptEditorProps) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        TranscriptDocument,
        Text,
        TurnNode,
        Collaboration.configure({ document: doc, field: TRANSCRIPT_FIELD }),
        // The server replaces this identity with the session's, so a client cannot pose as someone else.
        CollaborationCaret.configure({ provider, user: { name: user.name, color: userColour(user.id) } }),
      ],
      editorProps: {
        attributes: {
          "aria-label": editable ? "Transcript (editable)" : "Transcript (read only)",
          "aria-readonly": editable ? "false" : "true",
          spellcheck: "false",
        },
      },
    },
    [doc, provider, editable],
  );

  return <EditorContent editor={editor} className="transcript" />;
}
