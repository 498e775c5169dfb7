"use client";

import { createContext, useContext } from "react";
import type * as Y from "yjs";
import type { Codebook } from "@/lib/domain/codebook";
import type { CodeStore } from "./codeStore";
import type { ExerciseSnapshot, ExerciseView, Viewer } from "./exerciseView";

/**
 * What every part of the coding page reads and nobody but CodingScreen sets: the exercise, the viewer's
 * rights, the codebook, the code store over every open layer and the transcript document. Parts subscribe
 * to this instead of receiving each fact as a prop.
 */
export interface CodingSession {
  exercise: ExerciseSnapshot;
  viewer: Viewer;
  view: ExerciseView;
  codebook: Codebook;
  store: CodeStore;
  /** Bumps on every change to any layer in the store. */
  version: number;
  txDoc: Y.Doc | null;
  /** Bumps (throttled) when the transcript text changes. */
  txVersion: number;
  ownDoc: Y.Doc | null;
}

const CodingSessionContext = createContext<CodingSession | null>(null);

export const CodingSessionProvider = CodingSessionContext.Provider;

export function useCodingSession(): CodingSession {
  const session = useContext(CodingSessionContext);
  if (!session) throw new Error("useCodingSession outside CodingScreen");
  return session;
}
