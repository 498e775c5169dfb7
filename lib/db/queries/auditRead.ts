import { type SQL, and, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents, cohorts, exercises, transcripts, users } from "../schema";

export interface AuditRow {
  id: number;
  at: Date;
  userId: string | null;
  userName: string | null;
  role: string | null;
  action: string;
  resource: string;
  /** The resource in words: a transcript's or exercise's title, a person's name — or what it was, when deleted. */
  resourceLabel: string;
  outcome: string;
}

export interface AuditFilter {
  action?: string;
  userId?: string;
  /** Inclusive start (UTC). */
  from?: Date;
  /** Exclusive end (UTC). */
  to?: Date;
}

const KIND_WORD: Record<string, string> = { transcript: "Transcript", exercise: "Exercise", user: "Person", cohort: "Cohort" };

/** Titles and names for "kind:id" resources, in one query per kind. */
async function resourceLabels(db: Db, resources: readonly string[]): Promise<Map<string, string>> {
  const ids = (kind: string) => [...new Set(resources.filter((r) => r.startsWith(`${kind}:`)).map((r) => r.slice(kind.length + 1)))];
  const [t, e, u, c] = await Promise.all([
    ids("transcript").length ? db.select({ id: transcripts.id, label: transcripts.title }).from(transcripts).where(inArray(transcripts.id, ids("transcript"))) : [],
    ids("exercise").length ? db.select({ id: exercises.id, label: exercises.title }).from(exercises).where(inArray(exercises.id, ids("exercise"))) : [],
    ids("user").length ? db.select({ id: users.id, label: users.name }).from(users).where(inArray(users.id, ids("user"))) : [],
    ids("cohort").length ? db.select({ id: cohorts.id, label: cohorts.name }).from(cohorts).where(inArray(cohorts.id, ids("cohort"))) : [],
  ]);
  const out = new Map<string, string>();
  for (const [kind, rows] of [["transcript", t], ["exercise", e], ["user", u], ["cohort", c]] as const) for (const row of rows) out.set(`${kind}:${row.id}`, row.label);
  return out;
}

function labelOf(resource: string, labels: Map<string, string>): string {
  const known = labels.get(resource);
  const kind = resource.slice(0, resource.indexOf(":"));
  const word = KIND_WORD[kind];
  if (known) return word ? `${word} “${known}”` : known;
  return word ? `${word} (since deleted)` : resource;
}

/**
 * A cohort's audit trail, newest first, a page at a time (before = the last id of the previous page),
 * filtered by action, person and date, with each resource named.
 */
export async function listCohortAudit(db: Db, cohortId: string, options: { limit?: number; before?: number; filter?: AuditFilter } = {}): Promise<AuditRow[]> {
  const limit = Math.min(Math.max(options.limit ?? 100, 1), 5000);
  const f = options.filter ?? {};
  const where: SQL[] = [eq(auditEvents.cohortId, cohortId)];
  if (options.before) where.push(lt(auditEvents.id, options.before));
  if (f.action) where.push(eq(auditEvents.action, f.action));
  if (f.userId) where.push(eq(auditEvents.userId, f.userId));
  if (f.from) where.push(gte(auditEvents.at, f.from));
  if (f.to) where.push(lt(auditEvents.at, f.to));
  const rows = await db
    .select({ id: auditEvents.id, at: auditEvents.at, userId: auditEvents.userId, userName: users.name, role: auditEvents.role, action: auditEvents.action, resource: auditEvents.resource, outcome: auditEvents.outcome })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.userId))
    .where(and(...where))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
  const labels = await resourceLabels(db, rows.map((r) => r.resource));
  return rows.map((r) => ({ ...r, resourceLabel: labelOf(r.resource, labels) }));
}

/** The choices for the trail's filters: the actions and the people that occur in it. */
export async function auditFilterChoices(db: Db, cohortId: string): Promise<{ actions: string[]; people: Array<{ id: string; name: string }> }> {
  const [actions, people] = await Promise.all([
    db.selectDistinct({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.cohortId, cohortId)).orderBy(auditEvents.action),
    db
      .selectDistinct({ id: users.id, name: users.name })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.userId))
      .where(eq(auditEvents.cohortId, cohortId))
      .orderBy(users.name),
  ]);
  return { actions: actions.map((a) => a.action), people };
}

/** The trail as CSV (RFC 4180), for an instructor's records. */
export function auditCsv(rows: readonly AuditRow[]): string {
  // A title starting with = + - @ would run as a formula in a spreadsheet: prefix it with an apostrophe.
  const cell = (raw: string) => {
    const value = /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
    return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const lines = [["when_utc", "person", "role", "action", "resource", "resource_id", "outcome"].join(",")];
  for (const r of rows) lines.push([r.at.toISOString(), r.userName ?? "", r.role ?? "", r.action, r.resourceLabel, r.resource, r.outcome].map(cell).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
