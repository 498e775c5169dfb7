import {
  type Access,
  type ExerciseFacts,
  canManageExercise,
  canSeeAgreement,
  canViewExercise,
  consensusAccess,
  isCoder,
  layerAccess,
  locksTranscript,
  seesCoderNames,
} from "./exerciseRules";
import { type CohortRole, type Subject, isStaffRole, roleIn } from "./subject";

/**
 * The one permission check (house rule 5). Pure: callers load the subject's memberships and the resource's
 * facts from the database (lib/auth/transcriptAccess.ts, exerciseAccess.ts do), then ask here. HTTP
 * routes, pages, exports, the collaboration server's rooms and pushes, and the client's view rules
 * (components/coding/exerciseView.ts) all go through it.
 *
 * Each action names the resource it needs, so a caller cannot ask about the wrong thing. A transcript
 * resource carries the state of the exercises on it and can() decides the lock itself: no caller passes
 * "locked".
 */
export type { CohortRole, Subject };
export type { Access, ExerciseFacts };
export { roleIn };

/**
 * A blind exercise still being coded: its transcript is locked and its coders' presence is hidden from
 * each other. Exported for the collaboration server's presence filter; rights questions go through can().
 */
export function blindCodingRunning(exercise: Pick<ExerciseFacts, "mode" | "state">): boolean {
  return locksTranscript(exercise);
}

export interface CohortResource {
  kind: "cohort";
  cohortId: string;
}

export interface TranscriptResource {
  kind: "transcript";
  cohortId: string;
  /** Every exercise on the transcript (mode and state); a blind one still coding locks the text. */
  exercises: ReadonlyArray<Pick<ExerciseFacts, "mode" | "state">>;
}

export interface ExerciseResource {
  kind: "exercise";
  exercise: ExerciseFacts;
}

export interface LayerResource {
  kind: "layer";
  exercise: ExerciseFacts;
  coderId: string;
}

interface ResourceOf {
  "cohort.view": CohortResource;
  "cohort.manage_members": CohortResource;
  "cohort.view_audit": CohortResource;
  "cohort.edit_codebook": CohortResource;
  /** Import a transcript into the cohort (and preview one). */
  "transcript.create": CohortResource;
  "transcript.read": TranscriptResource;
  "transcript.edit": TranscriptResource;
  "transcript.delete": TranscriptResource;
  "exercise.create": CohortResource;
  /** Take part in or manage: its coders and the cohort's staff. */
  "exercise.view": ExerciseResource;
  "exercise.manage": ExerciseResource;
  /** Only a blind exercise still being coded can be revealed (an open one has nothing hidden). */
  "exercise.reveal": ExerciseResource;
  "exercise.submit": ExerciseResource;
  /** Agreement, the group review's distributions and agreement exports: they show how others coded. */
  "exercise.agreement": ExerciseResource;
  /** Exports: any member may export; each coder's layer goes in only with layer.read, agreement files need exercise.agreement. */
  "exercise.export": ExerciseResource;
  /** The review page (disagreements side by side, the class's distribution): consensus and agreement both open. */
  "exercise.review": ExerciseResource;
  "exercise.see_coder_names": ExerciseResource;
  "consensus.read": ExerciseResource;
  "consensus.write": ExerciseResource;
  "layer.read": LayerResource;
  "layer.write": LayerResource;
}

export type Action = keyof ResourceOf;

export function can<A extends Action>(subject: Subject, action: A, resource: ResourceOf[A]): boolean {
  return decide(subject, action, resource as ResourceOf[Action]);
}

/** The room access a socket gets: write if allowed, else read if allowed, else none. */
export function accessTo(subject: Subject, resource: LayerResource | ExerciseResource | TranscriptResource): Access {
  switch (resource.kind) {
    case "layer":
      return can(subject, "layer.write", resource) ? "write" : can(subject, "layer.read", resource) ? "read" : "none";
    case "exercise":
      return can(subject, "consensus.write", resource) ? "write" : can(subject, "consensus.read", resource) ? "read" : "none";
    case "transcript":
      return can(subject, "transcript.edit", resource) ? "write" : can(subject, "transcript.read", resource) ? "read" : "none";
  }
}

function decide(subject: Subject, action: Action, resource: ResourceOf[Action]): boolean {
  switch (resource.kind) {
    case "cohort":
    case "transcript":
      return cohortRule(subject, action, resource);
    case "exercise":
      return exerciseRule(subject, action, resource.exercise);
    case "layer": {
      const access = layerAccess(subject, resource.exercise, resource.coderId);
      if (action === "layer.write") return access === "write";
      if (action === "layer.read") return access !== "none";
      return false;
    }
  }
}

function cohortRule(subject: Subject, action: Action, resource: CohortResource | TranscriptResource): boolean {
  const role = roleIn(subject, resource.cohortId);
  if (role === null) return false;
  switch (action) {
    case "cohort.view":
    case "transcript.read":
      return true;
    case "cohort.manage_members":
    case "cohort.view_audit":
    case "cohort.edit_codebook":
    case "transcript.delete":
      return role === "instructor";
    case "transcript.create":
    case "exercise.create":
      return isStaffRole(role);
    case "transcript.edit":
      // Locked while a blind exercise codes it: anchors and reliability data need a fixed text.
      return isStaffRole(role) && resource.kind === "transcript" && !resource.exercises.some(locksTranscript);
    default:
      return false;
  }
}

function exerciseRule(subject: Subject, action: Action, facts: ExerciseFacts): boolean {
  switch (action) {
    case "exercise.view":
    case "exercise.export":
      return canViewExercise(subject, facts);
    case "exercise.manage":
      return canManageExercise(subject, facts);
    case "exercise.reveal":
      return canManageExercise(subject, facts) && locksTranscript(facts);
    case "exercise.submit":
      return isCoder(subject, facts) && roleIn(subject, facts.cohortId) !== null;
    case "exercise.agreement":
      return canSeeAgreement(subject, facts);
    case "exercise.see_coder_names":
      return seesCoderNames(subject, facts);
    case "exercise.review":
      return consensusAccess(subject, facts) !== "none" && canSeeAgreement(subject, facts);
    case "consensus.read":
      return consensusAccess(subject, facts) !== "none";
    case "consensus.write":
      return consensusAccess(subject, facts) === "write";
    default:
      return false;
  }
}
