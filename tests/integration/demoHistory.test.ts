import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { DEFAULT_AGREEMENT_SETTINGS, latestAgreementRun } from "../../lib/db/queries/agreement";
import { getExercise } from "../../lib/db/queries/exercises";
import { readRoomLog } from "../../lib/db/queries/yjsLog";
import { cohorts, exercises, memberships } from "../../lib/db/schema";
import { DEMO_COHORT, DEMO_EXERCISE, seedDemo } from "../../lib/db/seed";
import { readDecisionsCount } from "../support/consensusCount";
import { startAgreementScheduler, type AgreementScheduler } from "../../server/jobs/agreementScheduler";
import { createTestDb, type TestDb } from "../support/testDb";

/**
 * The demo seed's term of history on a fresh database, with the agreement scheduler's start-up catch-up
 * (what `npm start` runs): the cohort has ≥ 4 revealed keyed exercises, each with a stored agreement run
 * computed by the engine, trainees who differ against the key, consensus decisions, and one blind exercise
 * still coding. CONTRACTS §2 stays as it is.
 */
let t: TestDb;
let scheduler: AgreementScheduler | null = null;

beforeAll(async () => {
  t = await createTestDb();
  expect(await seedDemo(t.db)).toEqual({ seeded: true });
  // Fewer bootstrap replicates than production: the test checks that runs exist and differ, not their CIs.
  scheduler = startAgreementScheduler({ db: t.db, settings: { ...DEFAULT_AGREEMENT_SETTINGS, bootstrap: { replicates: 50, seed: 1 } } });
});
afterAll(async () => {
  await scheduler?.stop();
  await t?.close();
});

describe("demo seed with a term of history", () => {
  it("gives the cohort at least 4 revealed keyed exercises with stored agreement on a fresh start", async () => {
    const [cohort] = await t.db.select().from(cohorts).where(eq(cohorts.name, DEMO_COHORT));
    const all = await t.db.select().from(exercises).where(eq(exercises.cohortId, cohort!.id));
    const revealed = all.filter((e) => e.state === "revealed" && e.mode === "blind" && e.keyCoderId !== null);
    expect(revealed.length).toBeGreaterThanOrEqual(4);
    // On three different synthetic sessions (lib/domain/demoSessions), not one transcript coded over and over.
    expect(new Set(revealed.map((e) => e.transcriptId)).size).toBeGreaterThanOrEqual(3);
    await scheduler!.ready();
    await scheduler!.idle();
    const trainees = (await t.db.select().from(memberships).where(eq(memberships.cohortId, cohort!.id))).filter((m) => m.role === "trainee");
    expect(trainees.length).toBe(12);
    const firstPooled: number[] = [];
    for (const exercise of revealed) {
      const run = await latestAgreementRun(t.db, exercise.id);
      expect(run, exercise.title).not.toBeNull();
      expect(run!.output.keyCoderId).toBe(exercise.keyCoderId);
      expect(run!.output.coders).toHaveLength(13);
      expect(run!.output.unitScope).toBe("client_turns");
      expect(run!.output.nUnits).toBeGreaterThanOrEqual(15);
      expect(run!.output.vsKey).toHaveLength(12);
      if (firstPooled.length === 0) {
        for (const pair of run!.output.pairs) if (pair.coderA === exercise.keyCoderId || pair.coderB === exercise.keyCoderId) firstPooled.push(pair.variables.pooled?.krippendorff_alpha ?? Number.NaN);
      }
    }
    // Trainees differ against the key: not one number for all.
    expect(new Set(firstPooled.map((v) => v.toFixed(3))).size).toBeGreaterThan(3);
  }, 600_000);

  it("keeps CONTRACTS §2 and adds consensus settlements and a blind exercise still coding", async () => {
    const [cohort] = await t.db.select().from(cohorts).where(eq(cohorts.name, DEMO_COHORT));
    const all = await t.db.select().from(exercises).where(eq(exercises.cohortId, cohort!.id));
    const open = all.find((e) => e.title === DEMO_EXERCISE)!;
    expect(open).toMatchObject({ mode: "open", state: "coding" });
    expect((await getExercise(t.db, open.id))!.coders).toHaveLength(2);
    expect(all.some((e) => e.mode === "blind" && e.state === "coding")).toBe(true);
    let decisions = 0;
    for (const e of all) decisions += readDecisionsCount(await readRoomLog(t.db, `consensus:${e.id}`));
    expect(decisions).toBeGreaterThanOrEqual(3);
  });
});
