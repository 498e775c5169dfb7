"use client";

import type { Editor } from "@tiptap/core";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useLayerRooms } from "@/lib/collab/useLayerRooms";
import type { CollabRoom, ConnectionState } from "@/lib/collab/useCollabRoom";
import { anchorContext } from "@/lib/domain/anchoring";
import { type Codebook, DIMENSIONS, type Dimension, codeLabel } from "@/lib/domain/codebook";
import { setReviewed } from "@/lib/domain/layerDoc";
import { TranscriptEditor } from "../editor/TranscriptEditor";
import { CodePopover, type PopoverPlace } from "./CodePopover";
import type { LayerToggle } from "./CodeFilters";
import { CodesPanel, type CurrentTurnInfo } from "./CodesPanel";
import type { OwnLayer } from "./CodingWorkspace";
import { ExerciseBar } from "./ExerciseBar";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { CodeDecorations, type CodingHandlers } from "./codeDecorations";
import { ALL_SHOWN, type CodeEntry, type CodeFilter, CodeStore, type LayerSource } from "./codeStore";
import { type CodeTarget, codeTarget, findTurn, moveTurn, selectCode, turnAtSelection } from "./editorNavigation";
import type { ExerciseSnapshot, ExerciseView, Viewer } from "./exerciseView";
import { type CodeChoice, addCode, changeCode, reanchorCode, removeCode, restoreCode } from "./writeCode";
import { isPageShortcut, placeOf, post, useDocumentKeys } from "./screenHelpers";

export interface CodingScreenProps {
  exercise: ExerciseSnapshot;
  viewer: Viewer;
  view: ExerciseView;
  codebook: Codebook;
  tx: { room: CollabRoom | null; state: ConnectionState };
  own: OwnLayer | null;
  refresh: () => Promise<void>;
}

type PopoverState =
  | { kind: "new"; target: CodeTarget; preset: Dimension | null; place: PopoverPlace }
  | { kind: "edit"; entry: CodeEntry; turnIndex: number; speaker: string; place: PopoverPlace };

const EDITOR_ATTRIBUTES = {
  tabindex: "0",
  "aria-label": "Transcript, read only. J and K move between turns, 1 to 6 code the selection or the turn, question mark lists every shortcut.",
};

export function CodingScreen({ exercise, viewer, view, codebook, tx, own, refresh }: CodingScreenProps) {
  const others = useLayerRooms(view.liveOthers.map((o) => o.room));
  const store = useMemo(() => new CodeStore(), []);
  useEffect(() => () => store.destroy(), [store]);
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const [filter, setFilter] = useState<CodeFilter>(ALL_SHOWN);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [current, setCurrent] = useState<{ turnId: string; index: number; speaker: string } | null>(null);
  const [popover, setPopover] = useState<PopoverState | null>(null);
  const [shortcuts, setShortcuts] = useState(false);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; undo?: () => void } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [txVersion, setTxVersion] = useState(0);
  const txDoc = tx.room?.doc ?? null;
  const ownDoc = own?.room?.doc ?? null;

  // ---- layers into the store -------------------------------------------------------------------------
  useEffect(() => {
    const sources: LayerSource[] = [];
    if (ownDoc) sources.push({ coderId: viewer.id, name: viewer.name, own: true, doc: ownDoc });
    for (const other of view.liveOthers) {
      const room = others.find((r) => r.room === other.room);
      if (room && room.state !== "denied") sources.push({ coderId: other.id, name: other.name, own: false, doc: room.doc });
    }
    store.setLayers(sources);
  }, [store, ownDoc, others, view.liveOthers, viewer]);

  useEffect(() => {
    if (store.filter !== filter) store.setFilter(filter);
  }, [store, filter]);

  // The panel re-checks orphans when the transcript changes, at most once a second.
  useEffect(() => {
    if (!txDoc) return;
    let timer: number | undefined;
    let last = 0;
    const onUpdate = () => {
      if (timer !== undefined) return;
      const wait = Math.max(0, last + 1000 - Date.now());
      timer = window.setTimeout(() => {
        timer = undefined;
        last = Date.now();
        setTxVersion((v) => v + 1);
      }, wait);
    };
    txDoc.on("update", onUpdate);
    return () => {
      txDoc.off("update", onUpdate);
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [txDoc]);

  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 10_000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  // ---- editor ----------------------------------------------------------------------------------------
  const handlers = useRef<CodingHandlers>({ onChip: () => undefined }).current;
  const extensions = useMemo(
    () => (txDoc ? [CodeDecorations.configure({ store, txDoc, codebook, reviewer: view.isCoder ? viewer.id : null, handlers })] : []),
    [store, txDoc, codebook, view.isCoder, viewer.id, handlers],
  );

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

  const jump = useCallback(
    (entry: CodeEntry) => {
      setActiveKey(entry.key);
      if (editor && txDoc && !selectCode(editor, txDoc, entry.code)) setNotice({ text: "The text this code marked has changed; showing its turn." });
    },
    [editor, txDoc],
  );
  handlers.onChip = (key) => {
    const entry = store.entry(key);
    if (entry) jump(entry);
  };

  // ---- actions ---------------------------------------------------------------------------------------
  const say = (text: string) => {
    setAnnouncement(text);
    setNotice({ text });
  };

  const cannotCode = (): string | null => {
    if (view.canCode && ownDoc) return null;
    if (!view.isCoder) return "You are watching this exercise; only its coders add codes.";
    if (view.submitted) return "You have submitted — your codes are final and read-only.";
    if (exercise.state !== "coding") return "Coding has ended for this exercise.";
    return "Your codes are still loading.";
  };

  const openNew = (preset: Dimension | null) => {
    if (!editor) return;
    const refusal = cannotCode();
    if (refusal) return say(refusal);
    const result = codeTarget(editor);
    if (!result.ok) return say(result.message);
    setPopover({ kind: "new", target: result.target, preset, place: placeOf(editor, result.target) });
  };

  const openEdit = (entry: CodeEntry) => {
    if (!editor || !txDoc) return;
    const turn = findTurn(editor.state.doc, entry.code.turnId);
    const row = document.querySelector(`.code-row[data-code="${CSS.escape(entry.key)}"]`) ?? document.getElementById(`turn-${entry.code.turnId}`);
    const rect = (row ?? editor.view.dom).getBoundingClientRect();
    const panel = document.querySelector(".codes-panel")?.getBoundingClientRect();
    setPopover({ kind: "edit", entry, turnIndex: turn?.index ?? 0, speaker: String(turn?.node.attrs.speaker ?? ""), place: { left: panel ? panel.left + 8 : rect.left, top: rect.bottom, bottom: rect.bottom } });
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
        say(`Saved ${codeLabel(choice.dimension, choice.polarity)} on turn ${popover.target.turnIndex + 1}.`);
      } else {
        changeCode(ownDoc, popover.entry.code, choice, codebook.version);
        say(`Changed to ${codeLabel(choice.dimension, choice.polarity)}.`);
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
    setNotice({ text: `Deleted ${codeLabel(entry.code.dimension, entry.code.polarity)} on “${entry.code.quote.slice(0, 40)}”.`, undo: () => (restoreCode(ownDoc, entry.code), setNotice(null)) });
  };

  const reanchor = (entry: CodeEntry) => {
    if (!ownDoc || !txDoc) return;
    say(reanchorCode(ownDoc, txDoc, entry.code) ? "Re-attached the code to its quoted text." : "The quoted text is no longer in the transcript. Delete this code or code the new text.");
  };

  const reviewedSet = store.reviewedBy(viewer.id);
  const toggleReviewed = () => {
    const refusal = cannotCode();
    if (refusal || !current || !ownDoc) return say(refusal ?? "Move to a turn first (J / K).");
    const now = !reviewedSet.has(current.turnId);
    setReviewed(ownDoc, [current.turnId], now);
    setAnnouncement(`Turn ${current.index + 1} ${now ? "marked reviewed" : "no longer marked reviewed"}.`);
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
    setAnnouncement(`Turns 1 to ${current.index + 1} marked reviewed.`);
  };

  const goTurn = (delta: number) => {
    if (!editor) return;
    const turn = moveTurn(editor, delta);
    if (turn) {
      const codes = store.visibleForTurn(turn.id).length;
      setAnnouncement(`Turn ${turn.index + 1} of ${editor.state.doc.childCount}, ${String(turn.node.attrs.speaker ?? "")}, ${codes} ${codes === 1 ? "code" : "codes"}${reviewedSet.has(turn.id) ? ", reviewed" : ""}.`);
    }
  };

  // ---- keyboard --------------------------------------------------------------------------------------
  useDocumentKeys((event) => {
    if (popover || shortcuts || !isPageShortcut(event)) return;
    const digit = Number(event.key);
    let handled = true;
    if (event.key === "j" || event.key === "J") goTurn(1);
    else if (event.key === "k" || event.key === "K") goTurn(-1);
    else if (event.key === "?") setShortcuts(true);
    else if (event.key === "R") reviewedUpTo();
    else if (event.key === "r") toggleReviewed();
    else if (event.key === "c" || event.key === "C") openNew(null);
    else if (Number.isInteger(digit) && digit >= 1 && digit <= DIMENSIONS.length && event.key.length === 1) openNew(DIMENSIONS[digit - 1] ?? null);
    else handled = false;
    if (handled) event.preventDefault();
  });

  // ---- derived ---------------------------------------------------------------------------------------
  const turnIds = useMemo(() => {
    void txVersion;
    return txDoc ? anchorContext(txDoc).turns.map((t) => String(t.getAttribute("id") ?? "")) : [];
  }, [txDoc, txVersion]);
  const reviewedCount = useMemo(() => {
    void version;
    return turnIds.filter((id) => reviewedSet.has(id)).length;
  }, [turnIds, reviewedSet, version]);

  const layers: LayerToggle[] = useMemo(() => {
    void version;
    const out: LayerToggle[] = [];
    if (ownDoc) out.push({ coderId: viewer.id, name: viewer.name, own: true, state: "own", count: store.codeCount(viewer.id) });
    for (const other of view.liveOthers) {
      const room = others.find((r) => r.room === other.room);
      out.push({ coderId: other.id, name: other.name, own: false, state: room?.state ?? "connecting", count: store.codeCount(other.id) });
    }
    return out;
  }, [ownDoc, viewer, view.liveOthers, others, store, version]);

  const currentInfo: CurrentTurnInfo | null = current
    ? { ...current, reviewed: reviewedSet.has(current.turnId), codes: store.visibleForTurn(current.turnId).length }
    : null;

  const popoverProps =
    popover?.kind === "new"
      ? {
          heading: `Code turn ${popover.target.turnIndex + 1} · ${popover.target.speaker}`,
          quote: popover.target.quote,
          scope: popover.target.whole ? "whole turn" : "selected text",
          initial: { dimension: popover.preset ?? undefined },
        }
      : popover
        ? {
            heading: `Edit ${codeLabel(popover.entry.code.dimension, popover.entry.code.polarity)} on turn ${popover.turnIndex + 1} · ${popover.speaker}`,
            quote: popover.entry.code.quote,
            scope: "same text",
            initial: { dimension: popover.entry.code.dimension, polarity: popover.entry.code.polarity, process: popover.entry.code.process ?? "", note: popover.entry.code.note ?? "" },
          }
        : null;

  return (
    <div className="workspace coding-workspace">
      <ExerciseBar
        exerciseId={exercise.id}
        title={exercise.title}
        mode={exercise.mode}
        state={exercise.state}
        presence={tx.room?.provider ?? null}
        layerState={own ? own.state : null}
        reviewed={reviewedCount}
        turns={turnIds.length}
        isCoder={view.isCoder}
        canCode={view.canCode}
        submitted={view.submitted}
        canReveal={view.canReveal}
        canReview={view.canReview}
        submittedCount={exercise.coders.filter((c) => c.submitted).length}
        coderCount={exercise.coders.length}
        onSubmit={async () => {
          const problem = await post(`/api/exercises/${exercise.id}/submit`);
          await refresh();
          return problem;
        }}
        onReveal={async () => {
          const problem = await post(`/api/exercises/${exercise.id}/reveal`);
          await refresh();
          return problem;
        }}
        onShortcuts={() => setShortcuts(true)}
        seesAgreement={view.seesOthers}
      />
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
        <CodesPanel
          store={store}
          version={version}
          txDoc={txDoc}
          txVersion={txVersion}
          codebook={codebook}
          isCoder={view.isCoder}
          canCode={view.canCode}
          blindCoder={exercise.mode === "blind" && exercise.state === "coding" && view.isCoder}
          layers={layers}
          notLive={view.notLive}
          filter={filter}
          onFilter={setFilter}
          current={currentInfo}
          activeKey={activeKey}
          onJump={jump}
          onEdit={openEdit}
          onDelete={deleteEntry}
          onReanchor={reanchor}
          onCodeTurn={() => openNew(null)}
          onToggleReviewed={toggleReviewed}
          onReviewedUpTo={reviewedUpTo}
          notice={notice}
          agreement={view.seesOthers ? { exerciseId: exercise.id, coding: exercise.state === "coding" } : null}
        />
      </div>
      {popover && popoverProps && (
        <CodePopover
          key={popover.kind === "edit" ? popover.entry.key : `${popover.target.turnId}:${popover.target.start}`}
          codebook={codebook}
          {...popoverProps}
          place={popover.place}
          onSave={savePopover}
          onCancel={closePopover}
          onDelete={popover.kind === "edit" ? () => deleteEntry(popover.entry) : undefined}
        />
      )}
      <ShortcutsDialog open={shortcuts} onClose={() => setShortcuts(false)} />
      <p className="sr-only" aria-live="polite" data-testid="announcer">
        {announcement}
      </p>
    </div>
  );
}
