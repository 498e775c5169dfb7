"use client";

import type { Editor } from "@tiptap/core";
import { useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import type { CollabRoom, ConnectionState } from "@/lib/collab/useCollabRoom";
import { type UnitScope, agreementUnits } from "@/lib/domain/agreementUnits";
import { anchorContext } from "@/lib/domain/anchoring";
import type { Codebook } from "@/lib/domain/codebook";
import type { SpeakerRole } from "@/lib/domain/transcriptDoc";
import { TranscriptEditor } from "../editor/TranscriptEditor";
import { type CodingSession, CodingSessionProvider } from "./CodingContext";
import { CodingPopoverHost } from "./CodingPopoverHost";
import { CodesPanel } from "./CodesPanel";
import type { OwnLayer } from "./CodingWorkspace";
import { ExerciseBar } from "./ExerciseBar";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { CodeDecorations, type CodingHandlers } from "./codeDecorations";
import { KeyboardSelection } from "./keyboardSelection";
import type { CodeStore } from "./codeStore";
import type { ExerciseSnapshot, ExerciseView, UnitProgress, Viewer } from "./exerciseView";
import { useCodeLayers } from "./useCodeLayers";
import { useCodingActions } from "./useCodingActions";
import { useCodingKeys } from "./useCodingKeys";
import { useCurrentTurn } from "./useCurrentTurn";
import { useDocVersion } from "./useDocVersion";
import { useFeedback } from "./useFeedback";

export interface CodingScreenProps {
  exercise: ExerciseSnapshot;
  viewer: Viewer;
  view: ExerciseView;
  codebook: Codebook;
  tx: { room: CollabRoom | null; state: ConnectionState };
  own: OwnLayer | null;
  refresh: () => Promise<void>;
}

const EDITOR_ATTRIBUTES = {
  tabindex: "0",
  "aria-label": "Transcript, read only. J and K move between turns, arrow keys move within a turn and Shift with arrows selects, 1 to 6 code the selection or the turn, question mark lists every shortcut.",
};

/**
 * The coding page: composes the session (store, documents, rights) with the parts that own their state —
 * the header, the transcript, the codes panel, the coding form — and the page's keyboard.
 */
export function CodingScreen({ exercise, viewer, view, codebook, tx, own, refresh }: CodingScreenProps) {
  const txDoc = tx.room?.doc ?? null;
  const ownDoc = own?.room?.doc ?? null;
  const { store, version, layers } = useCodeLayers(viewer, view, ownDoc);
  const txVersion = useDocVersion(txDoc);
  const session: CodingSession = { exercise, viewer, view, codebook, store, version, txDoc, txVersion, ownDoc };

  const [editor, setEditor] = useState<Editor | null>(null);
  const [shortcuts, setShortcuts] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const current = useCurrentTurn(editor);
  const feedback = useFeedback(own ? own.state : null);
  const actions = useCodingActions({ session, editor, current, feedback, panel });
  useCodingKeys(actions, { paused: actions.popover !== null || shortcuts, openShortcuts: () => setShortcuts(true) });

  // Chips in the transcript call back into the page; the ref keeps the extension configured once.
  const handlers = useRef<CodingHandlers>({ onChip: () => undefined }).current;
  handlers.onChip = (key) => {
    const entry = store.entry(key);
    if (entry) actions.jump(entry);
  };
  const extensions = useMemo(
    () => (txDoc ? [CodeDecorations.configure({ store, txDoc, codebook, reviewer: view.isCoder ? viewer.id : null, handlers }), KeyboardSelection] : []),
    [store, txDoc, codebook, view.isCoder, viewer.id, handlers],
  );

  const scope = exercise.unitScope ?? "client_turns";
  // version/txVersion change when the layers or the transcript do: recount then.
  const progress = useMemo(() => unitProgress(txDoc, store, viewer.id, scope, version + txVersion), [store, viewer.id, txDoc, scope, version, txVersion]);

  return (
    <CodingSessionProvider value={session}>
      <div className="workspace coding-workspace">
        <ExerciseBar presence={tx.room?.provider ?? null} layerState={own ? own.state : null} progress={progress} refresh={refresh} onShortcuts={() => setShortcuts(true)} />
        <div className="coding-main">
          <div className="transcript-scroll">
            {tx.state.kind === "denied" ? (
              <p className="alert alert-error" role="alert">
                This transcript can't be opened for you. Reload the page; if it keeps happening, ask your instructor to check your access.
              </p>
            ) : tx.room ? (
              <TranscriptEditor
                key={tx.room.doc.guid}
                doc={tx.room.doc}
                provider={tx.room.provider}
                user={viewer}
                editable={false}
                extensions={extensions}
                attributes={EDITOR_ATTRIBUTES}
                carets={!(exercise.mode === "blind" && exercise.state === "coding")}
                onEditor={setEditor}
              />
            ) : (
              <p className="muted" style={{ textAlign: "center" }}>
                Opening transcript…
              </p>
            )}
          </div>
          <CodesPanel ref={panel} actions={actions} current={current} notice={feedback.notice} layers={layers} />
        </div>
        <CodingPopoverHost actions={actions} />
        <ShortcutsDialog open={shortcuts} onClose={() => setShortcuts(false)} />
        <p className="sr-only" aria-live="polite" data-testid="announcer">
          {feedback.announcement}
        </p>
      </div>
    </CodingSessionProvider>
  );
}

/**
 * The viewer's progress over the units of agreement (client turns by default): a unit counts once the
 * viewer has looked at it — marked it reviewed or coded it (CONTRACTS §5) — the same rule the agreement uses.
 */
function unitProgress(txDoc: Y.Doc | null, store: CodeStore, viewerId: string, scope: UnitScope, _version: number): UnitProgress {
  const turns = txDoc ? anchorContext(txDoc).turns.map((t) => ({ id: String(t.getAttribute("id") ?? ""), role: roleOf(t.getAttribute("role")) })) : [];
  const units = agreementUnits(turns, scope);
  const reviewed = store.reviewedBy(viewerId);
  const looked = units.turnIds.filter((id) => reviewed.has(id) || store.entriesForTurn(id).some((e) => e.coderId === viewerId)).length;
  return { reviewed: looked, turns: units.turnIds.length, unitLabel: units.effectiveScope === "client_turns" ? "client turns" : "turns" };
}

function roleOf(value: unknown): SpeakerRole {
  return value === "client" || value === "therapist" ? value : "other";
}
