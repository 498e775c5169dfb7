import { eq } from "drizzle-orm";
import { type HeadlineSetting, headlineSetting } from "../../domain/headline";
import type { Db } from "../client";
import { cohorts, exercises } from "../schema";

/**
 * The cohort's headline statistic setting (lib/domain/headline). Read by the agreement, progress and review
 * pages and the exports; written by the cohort's instructors through PUT /api/cohorts/:id/headline.
 */

export async function cohortHeadline(db: Db, cohortId: string): Promise<HeadlineSetting> {
  const rows = await db.select({ statistic: cohorts.headlineStatistic, bands: cohorts.headlineBands }).from(cohorts).where(eq(cohorts.id, cohortId)).limit(1);
  return headlineSetting(rows[0]);
}

/** The headline setting of the cohort an exercise belongs to (the default for an unknown exercise). */
export async function headlineSettingForExercise(db: Db, exerciseId: string): Promise<HeadlineSetting> {
  const rows = await db
    .select({ statistic: cohorts.headlineStatistic, bands: cohorts.headlineBands })
    .from(exercises)
    .innerJoin(cohorts, eq(cohorts.id, exercises.cohortId))
    .where(eq(exercises.id, exerciseId))
    .limit(1);
  return headlineSetting(rows[0]);
}

export async function setCohortHeadline(db: Db, cohortId: string, setting: HeadlineSetting): Promise<void> {
  await db.update(cohorts).set({ headlineStatistic: setting.statistic, headlineBands: setting.bands }).where(eq(cohorts.id, cohortId));
}
