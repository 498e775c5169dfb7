"use client";

import { useEffect, useMemo, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { useLayerRooms } from "@/lib/collab/useLayerRooms";
import type { LayerToggle } from "./CodeFilters";
import { CodeStore, type LayerSource } from "./codeStore";
import type { ExerciseView, Viewer } from "./exerciseView";

/**
 * One code store over the viewer's own layer and the other coders' layers this page may read. Returns the
 * store, a version that bumps on every change, and the per-coder toggles the filters show.
 */
export function useCodeLayers(viewer: Viewer, view: ExerciseView, ownDoc: Y.Doc | null): { store: CodeStore; version: number; layers: LayerToggle[] } {
  const others = useLayerRooms(view.liveOthers.map((o) => o.room));
  const store = useMemo(() => new CodeStore(), []);
  useEffect(() => () => store.destroy(), [store]);
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);

  useEffect(() => {
    const sources: LayerSource[] = [];
    if (ownDoc) sources.push({ coderId: viewer.id, name: viewer.name, own: true, doc: ownDoc });
    for (const other of view.liveOthers) {
      const room = others.find((r) => r.room === other.room);
      if (room && room.state !== "denied") sources.push({ coderId: other.id, name: other.name, own: false, doc: room.doc });
    }
    store.setLayers(sources);
  }, [store, ownDoc, others, view.liveOthers, viewer]);

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

  return { store, version, layers };
}
