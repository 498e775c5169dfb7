import { isStaffRole, roleIn, type Subject } from "./subject";

/**
 * The exercise rules behind can() (lib/auth/can.ts): who may see and write what in an exercise. Pure.
 * Callers outside lib/auth ask can(), never these functions (a lint rule holds that), so blind mode is one
 * rule, enforced the same by the HTTP routes, the rooms, the exports and the pages.
 */
export interface ExerciseFacts {
  cohortId: string;
  mode: "blind" | "open";
  state: "coding" | "revealed" | "closed";
  coderIds: readonly string[];
  submittedIds: readonly string[];
  codersSettle: boolean;
  /** Coders who are not staff see each other's names in review after the reveal (absent: no). */
  coderNamesVisible?: boolean;
}

export type Access = "none" | "read" | "write";

function isStaff(subject: Subject, facts: ExerciseFacts): boolean {
  return isStaffRole(roleIn(subject, facts.cohortId));
}

export function isCoder(subject: Subject, facts: ExerciseFacts): boolean {
  return facts.coderIds.includes(subject.userId);
}

/** Members of the exercise: its coders and the cohort's staff. Other trainees of the cohort are not in it. */
export function canViewExercise(subject: Subject, facts: ExerciseFacts): boolean {
  if (roleIn(subject, facts.cohortId) === null) return false;
  return isCoder(subject, facts) || isStaff(subject, facts);
}

export function canManageExercise(subject: Subject, facts: ExerciseFacts): boolean {
  return isStaff(subject, facts);
}

/** Whether other coders' layers are visible to this subject right now. */
export function seesOtherLayers(subject: Subject, facts: ExerciseFacts): boolean {
  if (!canViewExercise(subject, facts)) return false;
  if (facts.mode === "open" || facts.state !== "coding") return true;
  // Blind and still coding: only staff who are not coding themselves may watch.
  return isStaff(subject, facts) && !isCoder(subject, facts);
}

export function layerAccess(subject: Subject, facts: ExerciseFacts, coderId: string): Access {
  if (!canViewExercise(subject, facts) || !facts.coderIds.includes(coderId)) return "none";
  if (coderId === subject.userId) {
    return facts.state === "coding" && !facts.submittedIds.includes(coderId) ? "write" : "read";
  }
  return seesOtherLayers(subject, facts) ? "read" : "none";
}

export function consensusAccess(subject: Subject, facts: ExerciseFacts): Access {
  if (!canViewExercise(subject, facts)) return "none";
  if (facts.mode === "blind" && facts.state === "coding") return "none";
  if (facts.state === "closed") return "read";
  if (isStaff(subject, facts)) return "write";
  return facts.codersSettle ? "write" : "read";
}

/** Agreement reveals how others coded, so it follows the same visibility as their layers. */
export function canSeeAgreement(subject: Subject, facts: ExerciseFacts): boolean {
  return seesOtherLayers(subject, facts);
}

/**
 * Whose names a viewer of the class's coding sees beside the codes: staff always (they may still hide
 * them on a projector); a coder only when the exercise allows it — otherwise the class is anonymous to
 * them and they see only "you" and "the key".
 */
export function seesCoderNames(subject: Subject, facts: ExerciseFacts): boolean {
  if (!canViewExercise(subject, facts)) return false;
  return isStaff(subject, facts) || facts.coderNamesVisible === true;
}

/** The transcript must not move under blind coders: reliability data needs a fixed text. */
export function locksTranscript(facts: Pick<ExerciseFacts, "mode" | "state">): boolean {
  return facts.mode === "blind" && facts.state === "coding";
}
