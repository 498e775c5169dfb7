/** Who is asking: a user and their role in each cohort, loaded from the database for every request. */
export type CohortRole = "instructor" | "supervisor" | "trainee";

export interface Subject {
  userId: string;
  memberships: ReadonlyArray<{ cohortId: string; role: CohortRole }>;
}

export function roleIn(subject: Subject, cohortId: string): CohortRole | null {
  return subject.memberships.find((m) => m.cohortId === cohortId)?.role ?? null;
}

export function isStaffRole(role: CohortRole | null): boolean {
  return role === "instructor" || role === "supervisor";
}
