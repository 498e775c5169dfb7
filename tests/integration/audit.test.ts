import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../lib/db/queries/audit";
import { listCohortAudit } from "../../lib/db/queries/auditRead";
import { auditEvents } from "../../lib/db/schema";
import { createTestDb, type TestDb } from "../support/testDb";

let testDb: TestDb;

beforeAll(async () => {
  testDb = await createTestDb();
});
afterAll(async () => {
  await testDb?.close();
});

describe("audit trail", () => {
  it("records who did what to which resource, and lists a cohort's rows newest first", async () => {
    const db = testDb.db;
    await recordAudit(db, { userId: null, role: "instructor", action: "transcript.view", resource: "transcript:t1", outcome: "ok", cohortId: "c-audit" });
    await recordAudit(db, { userId: null, role: "trainee", action: "exercise.reveal", resource: "exercise:e1", outcome: "denied", cohortId: "c-audit" });
    await recordAudit(db, { userId: null, role: "trainee", action: "transcript.view", resource: "transcript:t9", outcome: "ok", cohortId: "c-other" });
    const rows = await listCohortAudit(db, "c-audit");
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ["exercise.reveal", "denied"],
      ["transcript.view", "ok"],
    ]);
  });

  it("refuses to update, delete or truncate audit rows, so the application cannot rewrite its history", async () => {
    const db = testDb.db;
    await recordAudit(db, { userId: null, role: "supervisor", action: "transcript.export", resource: "transcript:t2", outcome: "ok", cohortId: "c-immutable" });
    await expect(db.update(auditEvents).set({ outcome: "denied" }).where(eq(auditEvents.cohortId, "c-immutable"))).rejects.toThrow();
    await expect(db.delete(auditEvents).where(eq(auditEvents.cohortId, "c-immutable"))).rejects.toThrow();
    await expect(db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const rows = await listCohortAudit(db, "c-immutable");
    expect(rows).toHaveLength(1);
    expect(rows[0]?.outcome).toBe("ok");
  });
});
