import { type CohortRole, type ExerciseFacts, type Subject, can } from "@/lib/auth/can";
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
  /** Which turns are units of agreement (lib/domain/agreementUnits); progress counts those. */
  unitScope?: "client_turns" | "all_turns";
  coders: Array<{ id: string; name: string; submitted: boolean }>;
  /** The cohort's headline statistic (lib/domain/headline), for the live agreement strip. */
  headline?: HeadlineSetting;
}

/** The viewer's progress over the units of agreement: units looked at (reviewed or coded), of all units. */
export interface UnitProgress {
  reviewed: number;
  turns: number;
  /** "client turns" (the default units) or "turns" (the all-turns setting). */
  unitLabel: string;
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

/** can(), the same pure function the server asks: the page never offers what it would be refused, nor asks for such a room. */
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
  const ex = { kind: "exercise", exercise: facts } as const;
  const layer = (coderId: string) => ({ kind: "layer", exercise: facts, coderId }) as const;
  const coder = facts.coderIds.includes(viewer.id);
  const readable = exercise.coders.filter((c) => c.id !== viewer.id && can(subject, "layer.read", layer(c.id)));
  const live = readable.slice(0, MAX_LIVE_OTHER_LAYERS);
  const staff = can(subject, "exercise.manage", ex);
  return {
    facts,
    isCoder: coder,
    isStaff: staff,
    canCode: coder && can(subject, "layer.write", layer(viewer.id)),
    submitted: facts.submittedIds.includes(viewer.id),
    ownRoom: coder ? roomName({ kind: "layer", exerciseId: exercise.id, coderId: viewer.id }) : null,
    liveOthers: live.map((c) => ({ id: c.id, name: c.name, room: roomName({ kind: "layer", exerciseId: exercise.id, coderId: c.id }) })),
    notLive: readable.length - live.length,
    seesOthers: can(subject, "exercise.agreement", ex),
    canReveal: can(subject, "exercise.reveal", ex),
    canReview: can(subject, "exercise.review", ex),
  };
}
