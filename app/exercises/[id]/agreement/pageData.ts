import { type AgreementData, agreementDataSchema } from "@/components/agreement/agreementData";
import { COHORT_VIEW_MIN_CODERS, type CohortModel, buildCohortModel, withoutPairDetail } from "@/components/agreement/cohortModel";
import type { StoredRun } from "@/lib/agreement/runSchema";
import type { Db } from "@/lib/db/client";
import { agreementView, latestAgreementRun } from "@/lib/db/queries/agreement";
import { latestRunHead } from "@/lib/db/queries/latestRunHead";
import type { ExerciseDetail } from "@/lib/db/queries/exercises";
import { createLogger } from "@/lib/log";

/**
 * What the agreement page builds from the latest stored run, kept per run in this process: a class's run
 * is ~8 MB of JSON (100 coders: 4,950 pairs) and reading and condensing it takes about a second on the
 * embedded database, while the page is opened again and again — by every supervisor, after every reveal —
 * on the same run. A cheap query for the latest run's id and time decides whether the entry is current.
 */

const log = createLogger("agreement-page");

export interface PageRunData {
  /** The view without the coders' names (those come from the exercise, per request). */
  view: AgreementData;
  /** A class: the compact model, and the view carries no pairs or key rows. Null for a small group. */
  cohort: CohortModel | null;
  /** A small group's run, kept for the timeline and confusion (its code sets); null for a class. */
  run: StoredRun | null;
}

const MAX_ENTRIES = 16;
const cache = new Map<string, PageRunData>();

function remember(key: string, data: PageRunData): void {
  cache.delete(key);
  cache.set(key, data);
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

export async function pageRunData(db: Db, exercise: ExerciseDetail): Promise<PageRunData | null> {
  const head = await latestRunHead(db, exercise.id);
  if (!head) return null;
  const key = `${exercise.id} ${head.id} ${head.computedAt.toISOString()}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const run = await latestAgreementRun(db, exercise.id);
  if (!run) return null;
  const full = agreementView(run, exercise.coders);
  // A class by its coders too: a run stored early in a class's coding (a few coders compared so far) is
  // still drawn as a class, not pair by pair with every code set (486 KB measured at 100 coders).
  const large = Math.max(full.comparedCoders.length, exercise.coders.length) >= COHORT_VIEW_MIN_CODERS;
  const parsed = agreementDataSchema.safeParse(large ? withoutPairDetail(full) : full);
  if (!parsed.success) {
    log.error("agreement_view_shape", { exerciseId: exercise.id, runId: run.id, issues: parsed.error.issues.length });
    return null;
  }
  const data: PageRunData = { view: parsed.data, cohort: large ? buildCohortModel(full) : null, run: large ? null : run };
  remember(`${exercise.id} ${run.id} ${run.computedAt.toISOString()}`, data);
  return data;
}

/** The class model with the names this viewer may see (the cached model is shared by every viewer; exerciseFor names per viewer). */
export function cohortFor(cohort: CohortModel | null, coders: ReadonlyArray<{ id: string; name: string }>): CohortModel | null {
  if (!cohort) return null;
  const shownName = new Map(coders.map((c) => [c.id, c.name]));
  return { ...cohort, coders: cohort.coders.map((c) => ({ ...c, name: shownName.get(c.id) ?? "Former coder" })) };
}
