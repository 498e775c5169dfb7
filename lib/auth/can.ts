/**
 * The one permission check (house rule 5). Pure: callers load the subject's memberships and the resource's
 * cohort from the database, then ask here. HTTP routes and the collaboration server both go through it.
 */
export type CohortRole = "instructor" | "supervisor" | "trainee";

export interface Subject {
  userId: string;
  memberships: ReadonlyArray<{ cohortId: string; role: CohortRole }>;
}

export type Resource =
  | { kind: "cohort"; cohortId: string }
  | { kind: "transcript"; cohortId: string; locked?: boolean };

export type Action =
  | "cohort.view"
  | "cohort.manage_members"
  | "cohort.view_audit"
  | "transcript.create"
  | "transcript.read"
  | "transcript.edit"
  | "transcript.delete";

export function roleIn(subject: Subject, cohortId: string): CohortRole | null {
  return subject.memberships.find((m) => m.cohortId === cohortId)?.role ?? null;
}

const STAFF: ReadonlySet<CohortRole> = new Set(["instructor", "supervisor"]);

export function can(subject: Subject, action: Action, resource: Resource): boolean {
  const role = roleIn(subject, resource.cohortId);
  if (role === null) return false;
  switch (action) {
    case "cohort.view":
    case "transcript.read":
      return true;
    case "cohort.manage_members":
    case "cohort.view_audit":
    case "transcript.delete":
      return role === "instructor";
    case "transcript.create":
      return STAFF.has(role);
    case "transcript.edit":
      // A transcript is locked while an exercise codes it: anchors must not move under the coders.
      return STAFF.has(role) && !(resource.kind === "transcript" && resource.locked === true);
  }
}
