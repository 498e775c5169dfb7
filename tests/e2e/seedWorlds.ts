/**
 * Runs before the e2e server starts (playwright.config.ts webServer), on the same fresh embedded data dir:
 * adds a class of 100 trainees with stored agreement runs (tests/support/largeClass.ts), which the
 * cohort-views spec reads, and a small cohort with no history (tests/support/progressCohort.ts), which the
 * progress spec reads. PGlite allows one process per data dir, so this must finish before the server
 * opens it. Each world has its own cohort and accounts: the demo and the other specs do not see them.
 */
import { openDb } from "../../lib/db/client";
import { env } from "../../lib/env";
import { seedLargeClass } from "../support/largeClass";
import { seedProgressCohort } from "../support/progressCohort";
import { DEMO_PASSWORD } from "./pages/SignInPage";

export const LARGE_CLASS = { tag: "e2e", trainees: 100, exercises: 4, instructorEmail: "classlead-e2e@coflex.test" } as const;

async function main(): Promise<void> {
  const e = env();
  const handle = await openDb({ databaseUrl: e.DATABASE_URL, dataDir: e.COFLEX_DATA_DIR });
  try {
    const started = Date.now();
    const world = await seedLargeClass(handle.db, { trainees: LARGE_CLASS.trainees, exercises: LARGE_CLASS.exercises, tag: LARGE_CLASS.tag });
    console.log(JSON.stringify({ event: "large_class_seeded", trainees: world.trainees.length, exercises: world.exerciseIds.length, ms: Date.now() - started }));
    await seedProgressCohort(handle.db, DEMO_PASSWORD);
  } finally {
    await handle.close();
  }
}

if (process.argv[1]?.endsWith("seedWorlds.ts")) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
