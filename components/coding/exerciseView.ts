import type { CohortRole, Subject } from "@/lib/auth/can";
import { type ExerciseFacts, canManageExercise, isCoder, layerAccess, seesOtherLayers } from "@/lib/auth/exerciseRules";
import { roomName } from "@/lib/collab/roomName";
import type { HeadlineSetting } from "@/lib/domain/headline";

/** What the coding page knows about its exercise; the live part is re-read from GET /api/exercises/:id. */
export interface ExerciseSnapshot {
  id: string;
  cohortId: string;
  title: string;
  transcriptId: string;
  mode: "blind" | "open";
  state: "coding" | "revealed" | "closed";
  revealRule: "all_submitted" | "instructor";
  codersSettle: boolean;
  coders: Array<{ id: string; name: string; submitted: boolean }>;
  /** The cohort's headline statistic (lib/domain/headline), for the live agreement strip. */
  headline?: HeadlineSetting;
}

export interface Viewer {
  id: string;
  name: string;
  role: CohortRole | null;
}

/** A tab keeps a handful of sockets: its own layer plus at most this many others, live. */
export const MAX_LIVE_OTHER_LAYERS = 5;

export interface ExerciseView {
  facts: ExerciseFacts;
  isCoder: boolean;
  isStaff: boolean;
  /** The viewer may add, change and delete their own codes now. */
  canCode: boolean;
  submitted: boolean;
  ownRoom: string | null;
  /** Other coders whose layers this viewer may read now, capped for sockets. */
  liveOthers: Array<{ id: string; name: string; room: string }>;
  /** Readable layers left out by the cap. */
  notLive: number;
  seesOthers: boolean;
  canReveal: boolean;
  canReview: boolean;
}

/** The same pure rules the server enforces (lib/auth/exerciseRules): the page never asks for a room it would be refused. */
export function exerciseView(exercise: ExerciseSnapshot, viewer: Viewer): ExerciseView {
  const facts: ExerciseFacts = {
    cohortId: exercise.cohortId,
    mode: exercise.mode,
    state: exercise.state,
    coderIds: exercise.coders.map((c) => c.id),
    submittedIds: exercise.coders.filter((c) => c.submitted).map((c) => c.id),
    codersSettle: exercise.codersSettle,
  };
  const subject: Subject = { userId: viewer.id, memberships: viewer.role ? [{ cohortId: exercise.cohortId, role: viewer.role }] : [] };
  const coder = isCoder(subject, facts);
  const own = coder ? layerAccess(subject, facts, viewer.id) : "none";
  const readable = exercise.coders.filter((c) => c.id !== viewer.id && layerAccess(subject, facts, c.id) !== "none");
  const live = readable.slice(0, MAX_LIVE_OTHER_LAYERS);
  const staff = canManageExercise(subject, facts);
  return {
    facts,
    isCoder: coder,
    isStaff: staff,
    canCode: own === "write",
    submitted: facts.submittedIds.includes(viewer.id),
    ownRoom: coder ? roomName({ kind: "layer", exerciseId: exercise.id, coderId: viewer.id }) : null,
    liveOthers: live.map((c) => ({ id: c.id, name: c.name, room: roomName({ kind: "layer", exerciseId: exercise.id, coderId: c.id }) })),
    notLive: readable.length - live.length,
    seesOthers: seesOtherLayers(subject, facts),
    canReveal: staff && exercise.mode === "blind" && exercise.state === "coding",
    canReview: exercise.state !== "coding" || (exercise.mode === "open" && staff),
  };
}
