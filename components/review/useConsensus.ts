"use client";

import { useEffect, useState } from "react";
import { roomName } from "@/lib/collab/roomName";
import { type ConnectionState, useCollabRoom } from "@/lib/collab/useCollabRoom";
import { type ConsensusCode, type Decision, clearDecision, decisionsMap, putDecision, readDecisions } from "../coding/review/consensusDoc";

/**
 * The exercise's consensus room (one socket), as the pairwise review uses it: decisions per turn with a
 * one-line rationale. The group review settles with kind "edit" — the codes the reviewer chose from the
 * class's distribution — and no coder pair.
 */
export function useConsensus(exerciseId: string): {
  decisions: Map<string, Decision>;
  state: ConnectionState;
  ready: boolean;
  settle: (turnId: string, codes: ConsensusCode[], rationale: string, by: string) => void;
  reopen: (turnId: string) => void;
} {
  const { room, state } = useCollabRoom(roomName({ kind: "consensus", exerciseId }));
  const [decisions, setDecisions] = useState<Map<string, Decision>>(() => new Map());
  const doc = room?.doc ?? null;
  useEffect(() => {
    if (!doc) return;
    const refresh = () => setDecisions(readDecisions(doc));
    const map = decisionsMap(doc);
    map.observe(refresh);
    refresh();
    return () => map.unobserve(refresh);
  }, [doc]);
  return {
    decisions,
    state,
    ready: doc !== null && state.kind === "online" && state.synced,
    settle: (turnId, codes, rationale, by) => {
      if (doc) putDecision(doc, turnId, { decision: "edit", codes, rationale, by, at: Date.now() });
    },
    reopen: (turnId) => {
      if (doc) clearDecision(doc, turnId);
    },
  };
}
