import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cohortHeadline, headlineSettingForExercise, setCohortHeadline } from "../../lib/db/queries/cohortHeadline";
import { createExercise } from "../../lib/db/queries/exercises";
import { DEFAULT_HEADLINE } from "../../lib/domain/headline";
import { type TestDb, createTestDb } from "../support/testDb";
import { type TestWorld, seedTestWorld } from "../support/seedTestWorld";

let testDb: TestDb;
let world: TestWorld;

beforeAll(async () => {
  testDb = await createTestDb();
  world = await seedTestWorld(testDb.db);
});
afterAll(async () => {
  await testDb?.close();
});

describe("the cohort's headline statistic setting", () => {
  it("is Krippendorff's α with Krippendorff's bands for a cohort that never set one (the migration's default)", async () => {
    expect(await cohortHeadline(testDb.db, world.cohortId)).toEqual(DEFAULT_HEADLINE);
  });

  it("stores an instructor's choice for that cohort only, and an exercise reads its own cohort's setting", async () => {
    await setCohortHeadline(testDb.db, world.cohortId, { statistic: "kappa", bands: "landis-koch" });
    expect(await cohortHeadline(testDb.db, world.cohortId)).toEqual({ statistic: "kappa", bands: "landis-koch" });
    expect(await cohortHeadline(testDb.db, world.otherCohortId)).toEqual(DEFAULT_HEADLINE);
    const exerciseId = await createExercise(testDb.db, {
      cohortId: world.cohortId,
      transcriptId: world.transcriptId,
      title: "Headline",
      mode: "blind",
      revealRule: "instructor",
      codersSettle: false,
      codebookId: null,
      codebookVersion: 1,
      coderIds: [world.supervisor.id, world.trainee.id],
      keyCoderId: world.supervisor.id,
      createdBy: world.instructor.id,
    });
    expect(await headlineSettingForExercise(testDb.db, exerciseId)).toEqual({ statistic: "kappa", bands: "landis-koch" });
    expect(await headlineSettingForExercise(testDb.db, "no-such-exercise")).toEqual(DEFAULT_HEADLINE);
  });
});
