import type { StoredRun } from "../../agreement/runSchema";
import { transcriptRoom } from "../../collab/roomName";
import { readTurns } from "../../domain/transcriptDoc";
import type { Db } from "../client";
import { unitMasksOf } from "./agreement";
import { loadRoomDoc } from "./yjsLog";

/**
 * The units a stored run was computed over, for the timeline and the confusion matrix: the unit turns
 * (no text) and, for the coders asked for, their code set per unit from the run's unitMasks. Nothing here
 * replays a layer's log (issue 8 item 4): the run already holds each coder's code sets. The caller
 * decides whose masks the viewer may see (layerAccess). Null for a run stored before engine 2.
 */

export interface UnitTurn {
  id: string;
  index: number;
  speaker: string;
  role: "therapist" | "client" | "other";
  start: number | null;
}

export interface RunUnitData {
  turns: UnitTurn[];
  coders: Array<{ id: string; name: string; masks: number[] }>;
}

const NOT_LOOKED_AT = -1;

export async function runUnitData(db: Db, run: StoredRun, transcriptId: string, coders: ReadonlyArray<{ id: string; name: string }>): Promise<RunUnitData | null> {
  const masks = unitMasksOf(run);
  if (!masks) return null;
  const { doc } = await loadRoomDoc(db, transcriptRoom(transcriptId));
  let turns: UnitTurn[];
  try {
    const byId = new Map(readTurns(doc).map((t) => [t.id, t]));
    turns = masks.units.flatMap((id) => {
      const t = byId.get(id);
      return t ? [{ id: t.id, index: t.index, speaker: t.speaker, role: t.role, start: t.start }] : [];
    });
  } finally {
    doc.destroy();
  }
  // A unit whose turn has since been deleted from the transcript is dropped from every coder alike.
  const keep = masks.units.map((id) => turns.some((t) => t.id === id));
  return {
    turns,
    coders: coders
      .filter((c) => masks.masks[c.id])
      .map((c) => ({ id: c.id, name: c.name, masks: masks.masks[c.id]!.filter((_m, i) => keep[i]) }))
      .filter((c) => c.masks.some((m) => m !== NOT_LOOKED_AT)),
  };
}
