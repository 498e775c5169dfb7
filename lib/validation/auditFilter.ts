import { z } from "zod";
import type { AuditFilter } from "../db/queries/auditRead";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The audit trail's query string (page and CSV export alike); anything malformed is ignored, not an error. */
export const auditQuerySchema = z.object({
  action: z.string().regex(/^[a-z_.]{1,64}$/).optional().catch(undefined),
  person: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  before: z.string().regex(/^\d{1,15}$/).transform(Number).optional().catch(undefined),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

function parseDay(value: string | undefined, plusDays = 0): Date | undefined {
  if (!value) return undefined;
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return undefined;
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date;
}

/** "to" is the last day included, so the filter ends at the start of the next day. */
export function auditFilterOf(query: AuditQuery): AuditFilter {
  return { action: query.action, userId: query.person, from: parseDay(query.from), to: parseDay(query.to, 1) };
}

/** The query string for the same filter (paging and the CSV link keep it). */
export function auditSearch(query: AuditQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ["action", "person", "from", "to"] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
